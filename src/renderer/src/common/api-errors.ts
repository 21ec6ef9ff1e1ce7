/**
 * Puts the main process's field errors on the right form fields. The API's issue paths are the
 * input's field paths (e.g. 'complainant.email', 'action.at'); forms name their fields the same
 * way, minus a prefix such as 'action.'.
 */
import { ApiError } from '../../../shared/api/errors';

export function fieldErrors(error: unknown, prefix = ''): { fields: Record<string, string>; general: string | null } {
  if (!(error instanceof ApiError)) return { fields: {}, general: error instanceof Error ? error.message : String(error) };
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = prefix && issue.path.startsWith(prefix) ? issue.path.slice(prefix.length) : issue.path;
    if (path && !(path in fields)) fields[path] = issue.message;
  }
  const general = Object.keys(fields).length === 0 || error.code !== 'VALIDATION_FAILED' ? error.message : null;
  return { fields, general };
}
