/**
 * The built main process (out/main/index.js) running in its own Node process on the fake
 * Electron, as a test sees it: the calls it made so far, waiting for a call, commands that play
 * the renderer, the user and the system, and API calls from the window's own page.
 */
import { fork, type ChildProcess } from 'node:child_process';
import nodeModule from 'node:module';
import path from 'node:path';
import type { ApiInput, ApiResult } from '@shared/api/contract';
import type { ApiResponse } from '@shared/api/errors';
import type { ApiMethodName } from '@shared/api/names';
import { IPC_INVOKE_CHANNEL } from '@shared/api/bridge';
import { APP_ENTRY_URL } from '../../security/origins';
import type { AppMessage, CallRecord, CommandName, Commands, IpcSender, RecordedApi, RecordedCalls, TestMessage } from './fake-electron/messages';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..', '..');
export const BUILT_MAIN = path.join(repoRoot, 'out', 'main', 'index.js');
const FAKE_ELECTRON_LOADER = path.join(import.meta.dirname, 'fake-electron', 'load-fake-electron.ts');

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

interface Waiter {
  readonly matches: (record: CallRecord) => boolean;
  readonly resolve: (record: CallRecord) => void;
  readonly reject: (error: Error) => void;
}

export interface StartOptions {
  readonly dataDirectory: string;
  /** Stands in for the user's home: Electron's default paths live under it. */
  readonly home: string;
}

export class BuiltAppProcess {
  readonly records: CallRecord[] = [];
  readonly exited: Promise<Exit>;
  private output = '';
  private exit: Exit | null = null;
  private waiters: Waiter[] = [];
  private readonly replies = new Map<number, { resolve(output: unknown): void; reject(error: Error): void }>();
  private lastRequestId = 0;
  private readonly child: ChildProcess;

  private constructor(options: StartOptions) {
    // Without the dev-server URL the app serves its built renderer from app://plaint, as installed.
    const { ELECTRON_RENDERER_URL: _devServer, NODE_OPTIONS: _nodeOptions, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = { ...inherited, HOME: options.home, XDG_CONFIG_HOME: path.join(options.home, '.config') };
    this.child = fork(BUILT_MAIN, ['--data-dir', options.dataDirectory], {
      cwd: repoRoot,
      env,
      execArgv: ['--import', FAKE_ELECTRON_LOADER],
      serialization: 'advanced',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString('utf8')));
    this.child.on('message', (message: AppMessage) => this.receive(message));
    this.exited = new Promise((resolve) => {
      this.child.on('exit', (code, signal) => {
        this.exit = { code, signal };
        const gone = new Error(`The app process exited (code ${code}, signal ${signal}) first. Its output:\n${this.output}`);
        for (const waiter of this.waiters) waiter.reject(gone);
        for (const pending of this.replies.values()) pending.reject(gone);
        this.waiters = [];
        this.replies.clear();
        resolve(this.exit);
      });
    });
  }

  static start(options: StartOptions): BuiltAppProcess {
    // The fake runs as TypeScript on Node's own type stripping, behind a synchronous resolve hook.
    if (!process.features.typescript || typeof nodeModule.registerHooks !== 'function') {
      throw new Error(`The fake Electron needs Node 22.18 or newer (type stripping and module.registerHooks); this is Node ${process.versions.node}.`);
    }
    return new BuiltAppProcess(options);
  }

  /** What the process printed (stdout and stderr). */
  get printed(): string {
    return this.output;
  }

  private receive(message: AppMessage): void {
    if (message.type === 'record') {
      this.records.push(message.record);
      const waiting = this.waiters;
      this.waiters = waiting.filter((waiter) => !waiter.matches(message.record));
      for (const waiter of waiting) if (waiter.matches(message.record)) waiter.resolve(message.record);
      return;
    }
    const pending = this.replies.get(message.id);
    this.replies.delete(message.id);
    if (message.ok) pending?.resolve(message.output);
    else pending?.reject(new Error(message.error));
  }

  /** Every recorded call to one API so far, oldest first. */
  calls<Api extends RecordedApi>(api: Api): RecordedCalls[Api][] {
    return this.records.filter((record) => record.api === api).map((record) => record.detail as RecordedCalls[Api]);
  }

  /** The sequence number of the latest record: pass it to `waitFor` to wait for a later call. */
  get lastSeq(): number {
    return this.records.at(-1)?.seq ?? 0;
  }

  /** The first call to `api` after record `since` (already made or still to come) that satisfies `test`. */
  waitFor<Api extends RecordedApi>(api: Api, test: (detail: RecordedCalls[Api]) => boolean = () => true, since = 0): Promise<RecordedCalls[Api]> {
    const matches = (record: CallRecord): boolean => record.seq > since && record.api === api && test(record.detail as RecordedCalls[Api]);
    const made = this.records.find(matches);
    if (made) return Promise.resolve(made.detail as RecordedCalls[Api]);
    if (this.exit) return Promise.reject(new Error(`The app process has exited; it never called ${api} that way. Its output:\n${this.output}`));
    return new Promise((resolve, reject) => this.waiters.push({ matches, resolve: (record) => resolve(record.detail as RecordedCalls[Api]), reject }));
  }

  request<Name extends CommandName>(command: Name, input: Commands[Name]['input']): Promise<Commands[Name]['output']> {
    if (this.exit) return Promise.reject(new Error(`The app process has exited. Its output:\n${this.output}`));
    this.lastRequestId += 1;
    const id = this.lastRequestId;
    return new Promise((resolve, reject) => {
      this.replies.set(id, { resolve: (output) => resolve(output as Commands[Name]['output']), reject });
      this.child.send({ id, command, input } as TestMessage);
    });
  }

  /** The API call the app's own page makes through the preload (or another frame, if given). */
  async invoke<M extends ApiMethodName>(method: M, input: ApiInput<M>, sender?: IpcSender): Promise<ApiResponse<ApiResult<M>>> {
    const from = sender ?? { webContentsId: (await this.waitFor('BrowserWindow.new')).webContentsId, frame: 'main', url: APP_ENTRY_URL };
    return (await this.request('ipc.invoke', { channel: IPC_INVOKE_CHANNEL, args: [method, input], sender: from })) as ApiResponse<ApiResult<M>>;
  }

  /** Like `invoke`, for calls that must succeed. */
  async call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
    const response = await this.invoke(method, input);
    if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
    return response.result;
  }

  /** Ends the process without asking (cleanup after a failed test). */
  kill(): void {
    if (!this.exit) this.child.kill('SIGKILL');
  }
}
