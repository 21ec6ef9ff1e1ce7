/**
 * A real SMTP server for tests (the `smtp-server` package, on a random loopback port) that
 * delivers every accepted message into the Dovecot mailbox by IMAP APPEND, as a team's mail
 * server would. Recipients can be refused by address (a rejected recipient).
 */
import { SMTPServer } from 'smtp-server';
import type { DovecotServer } from './dovecot';

export interface SmtpRelay {
  readonly host: '127.0.0.1';
  readonly port: number;
  /** How many messages it accepted. */
  accepted(): number;
  stop(): Promise<void>;
}

/**
 * - refuse: recipients refused at RCPT TO (550);
 * - sentFolder: also keep a copy of each accepted message there, as Gmail and Exchange keep what
 *   their users send;
 * - credentials: required, with AUTH allowed over plain SMTP (loopback only).
 */
export async function startSmtpRelay(
  mailbox: DovecotServer,
  options: { refuse?: readonly string[]; folder?: string; sentFolder?: string; credentials?: { user: string; password: string } } = {},
): Promise<SmtpRelay> {
  let count = 0;
  const refused = new Set((options.refuse ?? []).map((address) => address.toLowerCase()));
  const server = new SMTPServer({
    authOptional: !options.credentials,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    onAuth(auth, _session, callback) {
      const expected = options.credentials;
      if (!expected || (auth.username === expected.user && auth.password === expected.password)) return callback(null, { user: auth.username });
      callback(new Error('Invalid user name or password'));
    },
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        const error = Object.assign(new Error(`<${address.address}>: recipient refused`), { responseCode: 550 });
        return callback(error);
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const message = Buffer.concat(chunks);
        const deliveries = [mailbox.append(message, { folder: options.folder ?? 'INBOX', receivedAt: new Date() })];
        if (options.sentFolder) deliveries.push(mailbox.append(message, { folder: options.sentFolder }));
        Promise.all(deliveries).then(
          () => {
            count += 1;
            callback();
          },
          (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
        );
      });
    },
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.server.address();
      if (typeof address === 'object' && address) resolve(address.port);
      else reject(new Error('The SMTP server has no port'));
    });
  });
  let stopped: Promise<void> | null = null;
  return {
    host: '127.0.0.1',
    port,
    accepted: () => count,
    stop: () => (stopped ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
