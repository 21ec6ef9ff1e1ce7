/**
 * Every API call from any host goes through here: method lookup, input validation against the
 * contract, the caller check, the handler, and conversion of every outcome into the typed response
 * envelope. Nothing a renderer sends can throw past this function.
 */
import { apiMethods, type ApiParsedInput, type ApiResult } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { isApiMethodName, type ApiMethodName } from '../../shared/api/names';
import type { Logger } from '../logging/logger';
import { errorDetails } from '../logging/error-details';
import { describeIssues, toFieldIssues } from '../../shared/api/issue-mapping';
import { DomainError } from '../../shared/domain/domain-error';
import type { Viewer } from '../../shared/identity/viewer';
import { findStorageError, storageApiError } from './storage-api-errors';

/** Who is calling; roles and permissions will hang off this (checked here on every call). */
export interface CallContext {
  readonly host: 'electron' | 'harness' | 'test';
  /**
   * The signed-in account (P-7.1). Every case read takes it explicitly; null or absent sees
   * nothing. (Made required by the identity branch, whose session fills it.)
   */
  readonly viewer?: Viewer | null;
}

export type ApiHandlers = {
  readonly [M in ApiMethodName]: (input: ApiParsedInput<M>, context: CallContext) => Promise<ApiResult<M>> | ApiResult<M>;
};

export type Dispatch = (method: unknown, input: unknown, context: CallContext) => Promise<ApiResponse<unknown>>;

export function createDispatcher(handlers: ApiHandlers, logger: Logger): Dispatch {
  return async (method, input, context) => {
    if (!isApiMethodName(method)) {
      return failure(new ApiError('UNKNOWN_METHOD', `Unknown API method: ${describe(method)}`));
    }
    const parsed = apiMethods[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return failure(new ApiError('VALIDATION_FAILED', describeIssues(issues), issues));
    }
    try {
      const handler = handlers[method] as (input: unknown, context: CallContext) => unknown;
      const result = await handler(parsed.data, context);
      return { ok: true, result };
    } catch (error) {
      if (error instanceof ApiError) return failure(error);
      // The domain says what is wrong in its own terms; the envelope carries it across.
      if (error instanceof DomainError) return failure(new ApiError(error.kind, error.message, error.issues));
      const storage = findStorageError(error);
      const userError = storage ? storageApiError(storage) : null;
      if (storage && userError) {
        safely(() => logger.warn(`Storage refused API method ${method}`, { kind: storage.kind, sqliteCode: storage.sqliteCode, file: storage.file }));
        return failure(userError);
      }
      safely(() => logger.error(`Unhandled error in API method ${method}`, { error: errorDetails(error) }));
      return failure(new ApiError('INTERNAL', 'Something went wrong in Plaint. The details were written to the log file.'));
    }
  };
}

function failure(error: ApiError): ApiResponse<never> {
  return { ok: false, error: error.toEnvelope() };
}

function describe(value: unknown): string {
  if (typeof value === 'string') return `'${value.slice(0, 100)}'`;
  return `(${value === null ? 'null' : typeof value})`;
}

/** The answer must reach the caller even when the log cannot be written (a full disk). */
function safely(write: () => void): void {
  try {
    write();
  } catch {
    // Nothing more can be done: the caller still gets its error.
  }
}

export { errorDetails };
