/**
 * The errors the domain raises: plain data about what is wrong, with a code the renderer
 * translates and the parameters its sentence needs. The English message is for the log. The API
 * dispatcher turns a DomainError into the transport's error envelope; the domain itself knows
 * nothing of the transport (issue 12).
 */
import type { IssueCode, IssueParams } from './issue-codes';

export type DomainErrorKind =
  'VALIDATION_FAILED' | 'NOT_FOUND' | 'INVALID_TRANSITION' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'THROTTLED' | 'CONFLICT' | 'UNAVAILABLE';

export interface DomainIssue {
  /** Dotted path of the field at fault in the operation's input; '' for the input as a whole. */
  readonly path: string;
  readonly code: IssueCode;
  readonly params?: IssueParams;
  /** English, for the log and for developers; users see the translation of `code`. */
  readonly message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly issues: readonly DomainIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A field of the input breaks a rule. */
export function fieldError(path: string, message: string, code: IssueCode, params?: IssueParams): DomainError {
  return new DomainError('VALIDATION_FAILED', message, [{ path, code, message, ...(params ? { params } : {}) }]);
}

/** A record the input names does not exist (or the caller may not know it does). */
export function notFound(what: string, id: string, path = 'caseId'): DomainError {
  return new DomainError('NOT_FOUND', `${what} ${id} does not exist.`, [{ path, code: 'not_found', message: `No ${what.toLowerCase()} with this id` }]);
}

export function unavailable(message: string): DomainError {
  return new DomainError('UNAVAILABLE', message);
}
