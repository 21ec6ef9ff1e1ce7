/**
 * The main process's log: a rotating file in the data directory (`logs/main.log`, rolled over to
 * `main.old.log` at 2 MiB), shared by the Electron app and the browser harness.
 *
 * electron-log's Node build is used (not its Electron build) so the same code runs in plain Node;
 * renderer errors reach it through the `app.reportError` API method, never a side channel.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NodeLogger } from 'electron-log';

export interface Logger {
  info(message: string, details?: Record<string, unknown>): void;
  warn(message: string, details?: Record<string, unknown>): void;
  error(message: string, details?: Record<string, unknown>): void;
  /** Where the log is written, for the About panel and support requests. */
  readonly file: string;
}

export const LOG_MAX_BYTES = 2 * 1024 * 1024;
const APP_NAME = 'Plaint';

const requireFromHere = createRequire(import.meta.url);
let instances = 0;

export function createFileLogger(dataDirectory: string, options: { echoToConsole?: boolean } = {}): Logger {
  const base = requireFromHere('electron-log/node') as NodeLogger;
  instances += 1;
  const log = base.create({ logId: `plaint-${instances}` });
  const file = path.join(dataDirectory, 'logs', 'main.log');
  // The path is ours, but electron-log still works out its path variables from the app name, which
  // it otherwise reads from a package.json near the working directory; without one (a packaged app
  // started from a launcher, cwd '/') it threw inside the transport and wrote nothing, silently.
  log.transports.file.setAppName(APP_NAME);
  log.transports.file.resolvePathFn = () => file;
  log.transports.file.maxSize = LOG_MAX_BYTES;
  // Private to the OS user (P-7.2): the folder 0700, the log and each rotated one 0600.
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  log.transports.file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
  log.transports.file.level = 'info';
  log.transports.console.level = options.echoToConsole === false ? false : 'warn';
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (message: string, details?: Record<string, unknown>): void => {
      if (details) log[level](message, details);
      else log[level](message);
    };
  return { info: write('info'), warn: write('warn'), error: write('error'), file };
}

/** For tests: records entries in memory. */
export function createMemoryLogger(): Logger & { entries: { level: string; message: string; details?: Record<string, unknown> }[] } {
  const entries: { level: string; message: string; details?: Record<string, unknown> }[] = [];
  const write =
    (level: string) =>
    (message: string, details?: Record<string, unknown>): void => {
      entries.push(details ? { level, message, details } : { level, message });
    };
  return { info: write('info'), warn: write('warn'), error: write('error'), file: '(memory)', entries };
}
