/**
 * A private Dovecot IMAP server for tests (issue 17: real servers, no protocol mocks). It runs
 * from its own configuration in a temporary folder (base_dir, maildir, passwd-file, log) on a
 * random loopback port, in the foreground as a child of the test process, and never touches the
 * machine's own Dovecot service or its configuration. Plain IMAP without TLS: loopback only.
 *
 * As root, Dovecot refuses to run its login process or mail as root, so those run as `nobody`
 * (the temporary folder is then opened to it); as any other user, everything runs as that user.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

export const DOVECOT = process.env['PLAINT_DOVECOT'] ?? '/usr/sbin/dovecot';

export interface DovecotServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** The Dovecot master process (the tests check it is gone after stop). */
  readonly pid: number;
  /** Puts a raw message into a folder, as a mail server delivering it would, with the time the server received it. */
  append(raw: string | Buffer, options?: { folder?: string; receivedAt?: Date }): Promise<void>;
  /** The Message-IDs in a folder, in order (what the tests check the server against). */
  messageIds(folder: string): Promise<string[]>;
  /** Stops the server and waits until it has exited; removes its folder. Safe to call twice. */
  stop(): Promise<void>;
  /** A port nothing listens on (an unreachable server). */
  readonly closedPort: number;
}

export function dovecotInstalled(): boolean {
  return fs.existsSync(DOVECOT);
}

export async function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port'))));
    });
  });
}

interface RunAs {
  readonly loginUser: string;
  readonly internalUser: string;
  readonly internalGroup: string;
  readonly uid: number;
  readonly gid: number;
}

function runAs(): RunAs {
  const me = os.userInfo();
  if (me.uid !== 0) return { loginUser: me.username, internalUser: me.username, internalGroup: String(me.gid), uid: me.uid, gid: me.gid };
  return { loginUser: 'nobody', internalUser: 'nobody', internalGroup: 'nogroup', uid: 65534, gid: 65534 };
}

function configuration(directory: string, port: number, as: RunAs): string {
  return [
    `base_dir = ${directory}/run`,
    `state_dir = ${directory}/state`,
    `instance_name = plaint-test-${port}`,
    'protocols = imap',
    'listen = 127.0.0.1',
    'ssl = no',
    'disable_plaintext_auth = no',
    'auth_mechanisms = plain login',
    `default_internal_user = ${as.internalUser}`,
    `default_internal_group = ${as.internalGroup}`,
    `default_login_user = ${as.loginUser}`,
    `first_valid_uid = ${as.uid}`,
    `first_valid_gid = ${as.gid}`,
    `log_path = ${directory}/dovecot.log`,
    `mail_location = maildir:${directory}/mail/%u`,
    'passdb {',
    '  driver = passwd-file',
    `  args = scheme=PLAIN username_format=%u ${directory}/passwd`,
    '}',
    'userdb {',
    '  driver = static',
    `  args = uid=${as.uid} gid=${as.gid} home=${directory}/mail/%u`,
    '}',
    'service imap-login {',
    '  inet_listener imap {',
    '    address = 127.0.0.1',
    `    port = ${port}`,
    '  }',
    '  inet_listener imaps {',
    '    port = 0',
    '  }',
    '  chroot =',
    '}',
    'service anvil {',
    '  chroot =',
    '}',
    'namespace inbox {',
    '  inbox = yes',
    '  separator = /',
    '}',
    '',
  ].join('\n');
}

const running = new Set<ChildProcess>();
let exitHookAdded = false;
function killOnExit(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (exitHookAdded) return;
  exitHookAdded = true;
  // A test run that ends without stopping its servers must not leave them behind.
  process.once('exit', () => {
    for (const left of running) left.kill('SIGKILL');
  });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`Dovecot exited with ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Dovecot did not listen on 127.0.0.1:${port}: ${log()}`);
}

export async function startDovecot(options: { user?: string; password?: string } = {}): Promise<DovecotServer> {
  const user = options.user ?? 'complaints';
  const password = options.password ?? 'mailbox-password';
  const as = runAs();
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-dovecot-'));
  fs.mkdirSync(path.join(directory, 'mail'));
  if (as.uid !== os.userInfo().uid) {
    // Dovecot's unprivileged processes read the passwd-file and write the maildir.
    fs.chmodSync(directory, 0o755);
    fs.chownSync(path.join(directory, 'mail'), as.uid, as.gid);
  }
  const port = await freeLoopbackPort();
  const closedPort = await freeLoopbackPort();
  fs.writeFileSync(path.join(directory, 'passwd'), `${user}:{PLAIN}${password}\n`, { mode: 0o644 });
  const config = path.join(directory, 'dovecot.conf');
  fs.writeFileSync(config, configuration(directory, port, as));
  const log = (): string => {
    try {
      return fs.readFileSync(path.join(directory, 'dovecot.log'), 'utf8');
    } catch {
      return '';
    }
  };
  let stderr = '';
  const child = spawn(DOVECOT, ['-F', '-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  killOnExit(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(port, child, () => `${stderr}${log()}`);
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    fs.rmSync(directory, { recursive: true, force: true });
    throw error;
  }

  const client = async <T>(work: (imap: ImapFlow) => Promise<T>): Promise<T> => {
    const imap = new ImapFlow({ host: '127.0.0.1', port, secure: false, auth: { user, pass: password }, logger: false });
    await imap.connect();
    try {
      return await work(imap);
    } finally {
      await imap.logout();
    }
  };
  let stopped: Promise<void> | null = null;
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    pid: child.pid ?? -1,
    closedPort,
    append: (raw, { folder = 'INBOX', receivedAt } = {}) =>
      client(async (imap) => {
        if (folder !== 'INBOX') await imap.mailboxCreate(folder).catch(() => undefined);
        await imap.append(folder, raw, [], receivedAt);
      }),
    messageIds: (folder) =>
      client(async (imap) => {
        const status = await imap.status(folder, { messages: true }).catch(() => null);
        if (!status || !status.messages) return [];
        const lock = await imap.getMailboxLock(folder);
        try {
          const ids: string[] = [];
          for await (const message of imap.fetch('1:*', { envelope: true })) ids.push(message.envelope?.messageId ?? '');
          return ids;
        } finally {
          lock.release();
        }
      }),
    stop: () => {
      stopped ??= (async () => {
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          await exited;
        }
        fs.rmSync(directory, { recursive: true, force: true });
      })();
      return stopped;
    },
  };
}
