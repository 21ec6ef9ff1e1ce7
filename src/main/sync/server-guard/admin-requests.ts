/**
 * Requests made with a CouchDB administrator's credentials (used once, never stored): preparing
 * the server (install-guard.ts) and cleaning it after an erasure (clean-server.ts, P-7.2). Both
 * say what went wrong the same way: UNAVAILABLE, with an issue code the renderer translates.
 */
import { DomainError } from '@shared/domain/domain-error';

export type ServerRefusalCode = 'server_admin_needed' | 'server_unreachable' | 'server_refused';

export function serverRefusal(code: ServerRefusalCode, message: string): DomainError {
  return new DomainError('UNAVAILABLE', message, [{ path: '', code, message }]);
}

/** The server's address with one trailing slash, for the database names to follow. */
export function serverRoot(serverUrl: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/`;
}

/** `sendWithCredentials`, where a request without an answer is the user's problem to fix (address, network), not a crash. */
export function sendingTo(root: string, sendWithCredentials: typeof fetch): typeof fetch {
  return (input, init) =>
    sendWithCredentials(input, init).catch((error: unknown) => {
      throw serverRefusal(
        'server_unreachable',
        `The server at ${new URL(root).origin} cannot be reached (${error instanceof Error ? error.message : String(error)}).`,
      );
    });
}
