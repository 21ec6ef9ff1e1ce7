/**
 * Every request to the CouchDB server goes through this fetch: it adds the credentials, gives
 * up on a silent server, and turns each answer into what the status shows: reachable, or which
 * problem (unreachable, wrong credentials, no access, database missing, a document refused, a
 * server error).
 */
import type { SyncProblem } from '@shared/domain/sync';

export type CouchOutcome =
  { readonly ok: true; readonly url: string; readonly push: boolean } | { readonly ok: false; readonly problem: SyncProblem; readonly message: string };

export interface CouchFetchOptions {
  readonly username: string;
  readonly password: string;
  readonly onOutcome: (outcome: CouchOutcome) => void;
  /** A request without an answer by then counts as unreachable (long polls are watched by their reader). */
  readonly timeoutMs?: number;
  readonly fetch?: typeof fetch;
}

function databaseOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.split('/').filter(Boolean)[0] ?? '');
}

export function unreachable(url: string, error: unknown): CouchOutcome & { ok: false } {
  return { ok: false, problem: 'unreachable', message: `The server at ${new URL(url).origin} cannot be reached (${networkReason(error)}).` };
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'no answer in time';
  if (cause?.code === 'ECONNREFUSED') return 'connection refused';
  if (cause?.code === 'ENOTFOUND' || cause?.code === 'EAI_AGAIN') return 'host name not found';
  if (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET' || (error instanceof Error && error.message === 'terminated')) return 'connection lost';
  return cause?.code ?? (error instanceof Error ? error.message : String(error));
}

/** What an HTTP error answer means for the user. */
export function problemOf(url: string, status: number, body: { error?: string; reason?: string } | null): CouchOutcome & { ok: false } {
  const database = databaseOf(url);
  const reason = body?.reason ?? body?.error ?? `HTTP ${status}`;
  if (status === 401) return { ok: false, problem: 'credentials', message: 'The server did not accept the user name or password.' };
  if (status === 403) return { ok: false, problem: 'forbidden', message: `This user may not use the database ${database} (${reason}).` };
  if (status === 404) return { ok: false, problem: 'database-missing', message: `The database ${database} does not exist on the server.` };
  if (status === 413) return { ok: false, problem: 'refused', message: `The server refused a request as too large (${reason}).` };
  if (status >= 500) return { ok: false, problem: 'server', message: `The server had an error (${status}: ${reason}).` };
  return { ok: false, problem: 'server', message: `The server answered ${status}: ${reason}.` };
}

/** `_bulk_docs` answers 201 even when it refuses some documents: find them. */
function refusedDocuments(rows: unknown): CouchOutcome | null {
  if (!Array.isArray(rows)) return null;
  const refused = rows.find((row: { error?: string }) => row.error && row.error !== 'conflict') as { id?: string; error?: string; reason?: string } | undefined;
  if (!refused) return null;
  return { ok: false, problem: 'refused', message: `The server refused document ${refused.id ?? '?'}: ${refused.reason ?? refused.error}.` };
}

export function couchFetch(options: CouchFetchOptions): typeof fetch {
  const send = options.fetch ?? fetch;
  const authorization = options.username ? `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}` : null;
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const headers = new Headers(init?.headers);
    if (authorization) headers.set('Authorization', authorization);
    // A long poll is watched by its reader (heartbeats), so only the caller's signal ends it.
    const timeout = url.includes('feed=longpoll') ? null : AbortSignal.timeout(options.timeoutMs ?? 30_000);
    const signals = [init?.signal, timeout].filter((signal): signal is AbortSignal => signal !== null && signal !== undefined);
    let response: Response;
    try {
      response = await send(url, { ...init, headers, ...(signals.length > 0 ? { signal: AbortSignal.any(signals) } : {}) });
    } catch (error) {
      // Stopped by the caller (sync turned off, a restart): not a fact about the server.
      if (!init?.signal?.aborted) options.onOutcome(unreachable(url, error));
      throw error;
    }
    const push = url.includes('/_bulk_docs');
    if (!response.ok) {
      const body = (await response
        .clone()
        .json()
        .catch(() => null)) as { error?: string; reason?: string } | null;
      options.onOutcome(problemOf(url, response.status, body));
    } else {
      const refused = push
        ? refusedDocuments(
            await response
              .clone()
              .json()
              .catch(() => null),
          )
        : null;
      options.onOutcome(refused ?? { ok: true, url, push });
    }
    return response;
  };
}
