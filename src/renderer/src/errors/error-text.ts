/**
 * What the user reads when the main process refuses something: each error and issue code in the
 * user's language, with its parameters (limits, dates, the action refused). The English message
 * the main process sends stays in the log (issue 12).
 */
import type { TFunction } from 'i18next';
import { ApiError, type FieldIssue } from '@shared/api/errors';
import { isIssueCode, type IssueParams } from '@shared/domain/issue-codes';
import { CASE_ACTIONS, type CaseAction } from '@shared/domain/workflow';

function isAction(value: unknown): value is CaseAction {
  return typeof value === 'string' && (CASE_ACTIONS as readonly string[]).includes(value);
}

/** Dates in parameters are shown as the user's language writes them. */
function displayParams(params: IssueParams | undefined, language: string): Record<string, string | number> {
  const shown: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {})) {
    const time = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}(T|$)/.test(value) ? Date.parse(value) : Number.NaN;
    shown[key] = Number.isNaN(time)
      ? value
      : new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...(value.toString().length > 10 ? { timeStyle: 'short' } : {}) }).format(time);
  }
  return shown;
}

export function issueText(t: TFunction, issue: Pick<FieldIssue, 'code' | 'params'>, language: string): string {
  if (!isIssueCode(issue.code)) return t('errors.codes.VALIDATION_FAILED');
  const params = displayParams(issue.params, language);
  const action = issue.params?.['action'];
  if (issue.code === 'invalid_transition' && isAction(action)) {
    return t('errors.issues.invalid_transition', { action: t(`actions.${action}`), reason: t(`workflow.refusals.${action}`) });
  }
  return t(`errors.issues.${issue.code}`, params);
}

/** One sentence for an error: its first general issue, else its code. */
export function errorText(t: TFunction, error: unknown, language: string): string {
  if (!(error instanceof ApiError)) return t('errors.codes.INTERNAL');
  const general = error.issues.find((issue) => issue.path === '' || error.code !== 'VALIDATION_FAILED');
  return general ? issueText(t, general, language) : t(`errors.codes.${error.code}`);
}

/**
 * The main process's field errors, translated and put on the form's fields (the API's issue
 * paths are the input's field paths; forms name their fields the same way, minus a prefix such as
 * 'action.'), and a general message where the error is not about one field.
 */
export function fieldErrors(error: unknown, t: TFunction, language: string, prefix = ''): { fields: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: errorText(t, error, language) };
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    if (path && !(path in fields)) fields[path] = issueText(t, issue, language);
  }
  const general = Object.keys(fields).length === 0 || error.code !== 'VALIDATION_FAILED' ? errorText(t, error, language) : null;
  return { fields, general };
}
