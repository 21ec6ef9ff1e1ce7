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

export async function startSmtpRelay(mailbox: DovecotServer, options: { refuse?: readonly string[]; folder?: string } = {}): Promise<SmtpRelay> {
  let count = 0;
  const refused = new Set((options.refuse ?? []).map((address) => address.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
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
        mailbox.append(Buffer.concat(chunks), { folder: options.folder ?? 'INBOX', receivedAt: new Date() }).then(
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
