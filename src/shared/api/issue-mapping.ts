/**
 * Turns zod's issues into the contract's field issues: a code the renderer translates and the
 * parameters its sentence needs (limits, keys). Used by the main process on every input and by
 * forms that check the same schema before sending.
 */
import type { z } from 'zod';
import { isIssueCode, type IssueCode, type IssueParams } from '../domain/issue-codes';
import type { FieldIssue } from './errors';

type ZodIssue = z.core.$ZodIssue;

function sized(issue: ZodIssue & { origin?: string }, kinds: { text: IssueCode; list: IssueCode; number: IssueCode }): IssueCode {
  if (issue.origin === 'string') return kinds.text;
  if (issue.origin === 'array' || issue.origin === 'set') return kinds.list;
  return kinds.number;
}

function codeOf(issue: ZodIssue): { code: IssueCode; params?: IssueParams } {
  switch (issue.code) {
    case 'invalid_type':
      return { code: issue.message.endsWith('received undefined') ? 'required' : 'invalid_type' };
    case 'too_small':
      if (issue.origin === 'string' && Number(issue.minimum) <= 1) return { code: 'required' };
      return { code: sized(issue, { text: 'too_short', list: 'too_few', number: 'too_small' }), params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { code: sized(issue, { text: 'too_long', list: 'too_many', number: 'too_big' }), params: { maximum: Number(issue.maximum) } };
    case 'invalid_format': {
      const formats: Record<string, IssueCode> = { email: 'invalid_email', datetime: 'invalid_datetime', date: 'invalid_date', base64: 'invalid_base64' };
      return { code: formats[issue.format] ?? 'invalid_format' };
    }
    case 'not_multiple_of':
      return { code: 'not_whole' };
    case 'invalid_value':
    case 'invalid_union':
      return { code: 'invalid_choice' };
    case 'unrecognized_keys':
      return { code: 'unknown_field', params: { keys: issue.keys.join(', ') } };
    case 'custom': {
      const code: unknown = issue.params?.['code'];
      return { code: isIssueCode(code) ? code : 'invalid_format' };
    }
    default:
      return { code: 'invalid_format' };
  }
}

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const { code, params } = codeOf(issue);
    return { path: issue.path.map(String).join('.'), message: issue.message, code, ...(params ? { params } : {}) };
  });
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid.';
  const where = first.path === '' ? 'input' : `'${first.path}'`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `Invalid ${where}: ${first.message}${more}`;
}
