/**
 * The fake `app`: becoming ready, quitting and exiting as Electron orders them, paths, the
 * name and version from the app's package.json, and the single-instance lock keyed by the
 * user-data directory at the time it is requested.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { App } from 'electron';
import { preventableEvent } from './events.ts';
import { exitProcess, record } from './recorder.ts';
import { requestLock } from './single-instance-lock.ts';

interface AppPackage {
  readonly name: string;
  readonly productName?: string;
  readonly version: string;
}

/** Electron reads the package.json of the app it runs: the nearest one above the entry script. */
function readAppPackage(): AppPackage {
  let directory = path.dirname(path.resolve(process.argv[1] ?? '.'));
  for (;;) {
    const candidate = path.join(directory, 'package.json');
    if (fs.existsSync(candidate)) return JSON.parse(fs.readFileSync(candidate, 'utf8')) as AppPackage;
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`No package.json above ${process.argv[1] ?? '(no entry script)'}`);
    directory = parent;
  }
}

/** What quitting needs of a window: to ask it to close, or to close it without asking. */
export interface QuittableWindow {
  /** Emits `close`; false when a listener prevented it. */
  requestClose(): boolean;
  destroy(): void;
}

type PathName = Parameters<App['getPath']>[0];

/** The members of Electron's App the main process uses (its events come from EventEmitter). */
type AppSurface = Pick<
  App,
  | 'isPackaged'
  | 'isReady'
  | 'whenReady'
  | 'getName'
  | 'getVersion'
  | 'getPath'
  | 'setPath'
  | 'requestSingleInstanceLock'
  | 'hasSingleInstanceLock'
  | 'enableSandbox'
  | 'setBadgeCount'
  | 'quit'
  | 'exit'
>;

export class FakeApp extends EventEmitter implements AppSurface {
  readonly isPackaged = false;
  /** Open windows (fake-only: each BrowserWindow registers itself), which quitting closes first. */
  readonly windows = new Set<QuittableWindow>();
  private readyNow = false;
  private quitting = false;
  private lockHeld = false;
  private readonly ready: Promise<void>;
  private readonly paths = new Map<string, string>();
  private readonly appPackage = readAppPackage();

  constructor() {
    super();
    this.ready = new Promise((resolve) => {
      // Electron gets ready once the entry script's first turn has run; until then is the time for
      // setPath, the single-instance lock, enableSandbox and registerSchemesAsPrivileged.
      setImmediate(() => {
        if (this.quitting) return;
        this.readyNow = true;
        record('app.ready', {});
        this.emit('ready', preventableEvent({}), {});
        resolve();
      });
    });
  }

  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (typeof event === 'string') record('app.emit', { event });
    return super.emit(event, ...args);
  }

  isReady(): boolean {
    return this.readyNow;
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Throws the way Electron does when an API is used before the app is ready. */
  requireReady(what: string): void {
    if (!this.readyNow) throw new Error(`${what} cannot be used before the app is ready`);
  }

  getName(): string {
    return this.appPackage.productName ?? this.appPackage.name;
  }

  getVersion(): string {
    return this.appPackage.version;
  }

  getPath(name: PathName): string {
    const overridden = this.paths.get(name);
    if (overridden) return overridden;
    const appData = process.env['XDG_CONFIG_HOME'] ?? path.join(os.homedir(), '.config');
    switch (name) {
      case 'home':
        return os.homedir();
      case 'documents':
        return path.join(os.homedir(), 'Documents');
      case 'appData':
        return appData;
      case 'userData':
        return path.join(appData, this.getName());
      case 'sessionData':
        return this.getPath('userData');
      case 'logs':
        return path.join(this.getPath('userData'), 'logs');
      case 'temp':
        return os.tmpdir();
      case 'exe':
        return process.execPath;
      default:
        throw new Error(`The fake Electron does not know the '${name}' path`);
    }
  }

  setPath(name: string, value: string): void {
    // Electron throws for a relative path; it neither requires nor creates the directory.
    if (!path.isAbsolute(value)) throw new Error('Path must be absolute');
    record('app.setPath', { name, path: value });
    this.paths.set(name, value);
  }

  requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean {
    if (this.lockHeld) return true;
    const userData = this.getPath('userData');
    const me = { argv: process.argv, workingDirectory: process.cwd(), additionalData: additionalData ?? {} };
    this.lockHeld = requestLock(userData, me, (second) =>
      this.emit('second-instance', preventableEvent({}), second.argv, second.workingDirectory, second.additionalData),
    );
    record('app.requestSingleInstanceLock', { userData, granted: this.lockHeld });
    return this.lockHeld;
  }

  hasSingleInstanceLock(): boolean {
    return this.lockHeld;
  }

  enableSandbox(): void {
    if (this.readyNow) throw new Error('app.enableSandbox() can only be called before app is ready');
    record('app.enableSandbox', {});
  }

  setBadgeCount(count?: number): boolean {
    record('app.setBadgeCount', { count: count ?? null });
    return true;
  }

  /** Like Electron: before-quit, then every window is asked to close, then will-quit and quit. */
  quit(): void {
    record('app.quit', {});
    setImmediate(() => this.runQuit());
  }

  private runQuit(): void {
    if (this.quitting) return;
    this.quitting = true;
    if (this.emitPreventable('before-quit')) return this.cancelQuit();
    for (const window of [...this.windows]) if (!window.requestClose()) return this.cancelQuit();
    if (this.emitPreventable('will-quit')) return;
    this.emit('quit', preventableEvent({}), 0);
    exitProcess(0);
  }

  private cancelQuit(): void {
    this.quitting = false;
  }

  private emitPreventable(event: 'before-quit' | 'will-quit'): boolean {
    const details = preventableEvent({});
    this.emit(event, details);
    return details.defaultPrevented;
  }

  /** Exits at once: windows close without asking and no quit events are emitted. */
  exit(exitCode = 0): void {
    this.quitting = true;
    for (const window of [...this.windows]) window.destroy();
    exitProcess(exitCode);
  }
}

export const app = new FakeApp();
