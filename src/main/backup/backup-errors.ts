/**
 * Why a backup or restore was refused (issue 14), as domain errors with an issue code the
 * renderer translates; the English message is for the log and the command-line restore.
 */
import { DomainError, type DomainErrorKind } from '../../shared/domain/domain-error';
import type { IssueCode, IssueParams } from '../../shared/domain/issue-codes';

export function backupError(code: IssueCode, message: string, params?: IssueParams, kind: DomainErrorKind = 'VALIDATION_FAILED'): DomainError {
  return new DomainError(kind, message, [{ path: '', code, message, ...(params ? { params } : {}) }]);
}
