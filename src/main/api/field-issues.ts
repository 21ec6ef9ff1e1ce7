/** Turns schema-library issues into the contract's field issues. */
import type { z } from 'zod';
import type { FieldIssue } from '../../shared/api/errors';

export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

export function describeIssues(issues: readonly FieldIssue[]): string {
  const first = issues[0];
  if (!first) return 'The input is not valid.';
  const where = first.path === '' ? 'input' : `'${first.path}'`;
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return `Invalid ${where}: ${first.message}${more}`;
}
