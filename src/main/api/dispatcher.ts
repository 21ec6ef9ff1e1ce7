/**
 * Every API call from any host goes through here: method lookup, input validation against the
 * contract, the caller check (the permission table, against the session's viewer), the handler, and conversion of every outcome into the typed response
 * envelope. Nothing a renderer sends can throw past this function.
 */
import { apiMethods, type ApiParsedInput, type ApiResult } from '../../shared/api/contract';
import { ApiError, type ApiResponse } from '../../shared/api/errors';
import { isApiMethodName, type ApiMethodName } from '../../shared/api/names';
import type { Logger } from '../logging/logger';
import { errorDetails } from '../logging/error-details';
import { describeIssues, toFieldIssues } from '../../shared/api/issue-mapping';
import { DomainError } from '../../shared/domain/domain-error';
import { findStorageError, storageApiError } from './storage-api-errors';
import type { Viewer } from '../../shared/identity/viewer';
import { canAct, refusal } from '../../shared/identity/permissions';
import type { CaseAction } from '../../shared/domain/workflow';

/** Which host a call came through: all a host (the IPC handler, the harness socket) may say. */
export type CallerHost =
  | { readonly host: 'electron' | 'harness' }
  /**
   * In-process tests may speak as a given viewer (need-to-know tests, P-7.1). No product host can:
   * the IPC handler and the harness socket build their caller from the host alone.
   */
  | { readonly host: 'test'; readonly viewer?: Viewer | null };

/**
 * Who is calling: the host, and the signed-in person as the main process's session knows it
 * (null when signed out or locked). Filled here from the session, never from the caller.
 */
export interface CallContext {
  readonly host: CallerHost['host'];
  readonly viewer: Viewer | null;
}

/** The session as the dispatcher needs it. */
export interface SessionReader {
  viewer(): Viewer | null;
}

/** The signed-in viewer of a call the permission table let through (never null there). */
export function signedIn(context: CallContext): Viewer {
  if (!context.viewer) throw new ApiError('UNAUTHENTICATED', 'Nobody is signed in.');
  return context.viewer;
}

export type ApiHandlers = {
  readonly [M in ApiMethodName]: (input: ApiParsedInput<M>, context: CallContext) => Promise<ApiResult<M>> | ApiResult<M>;
};

export type Dispatch = (method: unknown, input: unknown, caller: CallerHost) => Promise<ApiResponse<unknown>>;

/**
 * Every call is checked against the permission table (shared/identity/permissions.ts) before its
 * input is even read: deny by default. Signed out (or locked): UNAUTHENTICATED, except app.* and
 * the session's methods; a role that may not: FORBIDDEN. Either changes nothing and is logged.
 */
export function createDispatcher(handlers: ApiHandlers, logger: Logger, session: SessionReader): Dispatch {
  const refuse = (method: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN', viewer: Viewer | null, action?: string) => {
    safely(() =>
      logger.warn('API call refused', {
        method,
        code,
        accountId: viewer?.accountId ?? null,
        roles: viewer ? [...viewer.roles] : [],
        ...(action ? { action } : {}),
      }),
    );
    return failure(
      code === 'UNAUTHENTICATED'
        ? new ApiError('UNAUTHENTICATED', 'Sign in first.', [{ path: '', code: 'signed_out', message: 'Nobody is signed in, or the app is locked' }])
        : new ApiError('FORBIDDEN', `Your roles do not allow ${action ? `the action ${action}` : method}.`, [
            { path: '', code: 'role_refused', message: 'Not allowed for your roles', params: { method } },
          ]),
    );
  };
  return async (method, input, caller) => {
    if (!isApiMethodName(method)) {
      return failure(new ApiError('UNKNOWN_METHOD', `Unknown API method: ${describe(method)}`));
    }
    const viewer = caller.host === 'test' && caller.viewer !== undefined ? caller.viewer : session.viewer();
    const context: CallContext = { host: caller.host, viewer };
    const denied = refusal(viewer, method);
    if (denied) return refuse(method, denied, viewer);
    const parsed = apiMethods[method].input.safeParse(input === undefined ? {} : input);
    if (!parsed.success) {
      const issues = toFieldIssues(parsed.error);
      return failure(new ApiError('VALIDATION_FAILED', describeIssues(issues), issues));
    }
    // Workflow actions have their own roles (the workflow table's `roles`).
    if (method === 'cases.act') {
      const action = (parsed.data as { action: { type: CaseAction } }).action.type;
      if (!canAct(viewer, action)) return refuse(method, 'FORBIDDEN', viewer, action);
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
