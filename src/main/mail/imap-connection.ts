/**
 * Signing in to the team mailbox with imapflow (issue 17). Every failure becomes a DomainError the
 * renderer translates: not set up, wrong user name or password, server unreachable. A connection
 * error after sign-in is logged by the caller's operation failing, never an uncaught 'error' event
 * (which would take the main process down).
 */
import { ImapFlow } from 'imapflow';
import { DomainError } from '../../shared/domain/domain-error';
import type { MailSettings } from '../../shared/domain/mail';

export function mailProblem(
  code: 'mail_not_configured' | 'mail_login_failed' | 'mail_unreachable' | 'mail_folder_missing',
  message: string,
  params?: Record<string, string>,
): DomainError {
  return new DomainError(code === 'mail_not_configured' ? 'VALIDATION_FAILED' : 'UNAVAILABLE', message, [
    { path: '', code, message, ...(params ? { params } : {}) },
  ]);
}

interface ImapFailure {
  readonly authenticationFailed?: boolean;
  readonly code?: string;
  readonly message?: string;
}

function asFailure(error: unknown): ImapFailure {
  return typeof error === 'object' && error !== null ? (error as ImapFailure) : { message: String(error) };
}

export async function connectImap(config: MailSettings, password: string | null): Promise<ImapFlow> {
  const { host, port, security, username } = config.imap;
  const client = new ImapFlow({
    host,
    port,
    secure: security === 'tls',
    // STARTTLS when asked for is required, never skipped (the password must not cross in the clear).
    doSTARTTLS: security === 'starttls' ? true : security === 'none' ? false : undefined,
    auth: { user: username, pass: password ?? '' },
    logger: false,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return client;
  } catch (error) {
    client.close();
    const failure = asFailure(error);
    if (failure.authenticationFailed) throw mailProblem('mail_login_failed', `The mailbox refused the user name or password for ${username}`, { host });
    throw mailProblem('mail_unreachable', `The mail server ${host}:${port} cannot be reached (${failure.code ?? failure.message ?? 'no answer'})`, {
      host: `${host}:${port}`,
    });
  }
}

/** Signs out, or drops the connection if the server is gone already. */
export async function closeImap(client: ImapFlow): Promise<void> {
  try {
    await client.logout();
  } catch {
    client.close();
  }
}
