/**
 * Devices for sync tests and the sync benchmark: each one is the real main services on its own
 * data directory in its own process (device-worker.ts), called through the same API contract
 * the renderer uses. Edit times come from each device's test clock; replication runs on real
 * time against a real server process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiInput, ApiResult } from '@shared/api/contract';
import type { ApiErrorEnvelope, ApiResponse } from '@shared/api/errors';
import type { SyncStatus } from '@shared/domain/sync';
import type { ApiMethodName } from '@shared/api/names';
import { canonicalJson } from '../merge/edits';
import type { WorkerReply, WorkerRequest } from './device-protocol';
import type { StorageFootprint } from '../../storage/storage-footprint';

export const FAST_RETRY = { firstMs: 100, maxMs: 1_000 };
/** Test devices' long-poll heartbeat: a silent server is noticed within seconds, yet a busy machine is not taken for one. */
export const TEST_HEARTBEAT_MS = 2_000;

export interface DeviceFootprint {
  readonly databases: readonly (StorageFootprint & { readonly file: string })[];
  /** Path relative to the data directory → bytes, measured after the checkpoint. */
  readonly files: Readonly<Record<string, number>>;
  /** The same, as found before the checkpoint (the WAL as large as the device left it). */
  readonly asFound: Readonly<Record<string, number>>;
}

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export interface Device {
  readonly name: string;
  readonly directory: string;
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  fail<M extends ApiMethodName>(method: M, input: unknown): Promise<ApiErrorEnvelope>;
  setClock(at: string): Promise<void>;
  /** The signed-in account's id. */
  me(): Promise<string>;
  sharedData(): Promise<Record<string, unknown[]>>;
  /** What its databases occupy (WAL checkpointed first) and every file in its data directory. */
  footprint(): Promise<DeviceFootprint>;
  deviceState(): Promise<{ deviceId: string; deviceCode: string; nextSequence: number }>;
  forceDeviceCode(code: string): Promise<void>;
  /** Demo cases with their timelines (benchmarks). */
  seedDemo(count: number): Promise<void>;
  count(collection: string): Promise<number>;
  watchCase(caseId: string, summary: string): Promise<void>;
  /** When (epoch ms, in this device's process) the watched case showed the summary. */
  seenAt(caseId: string): Promise<number>;
  /** Every status this device published, with when (epoch ms). */
  statusLog(): Promise<{ at: number; status: SyncStatus }[]>;
  /** A shared document as this device stores it, or null. */
  document(collection: string, id: string): Promise<Record<string, unknown> | null>;
  close(): Promise<void>;
}

export async function startDevice(
  name: string,
  options: { start?: string; retry?: { firstMs: number; maxMs: number }; heartbeatMs?: number; signedOut?: boolean } = {},
): Promise<Device> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `plaint-device-${name}-`));
  const retry = options.retry ?? FAST_RETRY;
  const worker = [
    directory,
    options.start ?? '2026-11-23T09:00:00.000Z',
    String(retry.firstMs),
    String(retry.maxMs),
    String(options.heartbeatMs ?? TEST_HEARTBEAT_MS),
  ];
  const child: ChildProcess = fork(path.join(import.meta.dirname, 'device-worker.ts'), worker, {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    // A fresh device with no team (first start) instead of one signed in as its own administrator.
    env: { ...process.env, PLAINT_TEST_SIGNED_OUT: options.signedOut ? '1' : '' },
  });
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;
  let ready: () => void = () => undefined;
  let failed: (error: Error) => void = () => undefined;
  const started = new Promise<void>((resolve, reject) => ((ready = resolve), (failed = reject)));
  child.on('message', (reply: WorkerReply) => {
    if (reply.id === 0) return ready();
    const pending = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (reply.ok) pending?.resolve(reply.result);
    else pending?.reject(new Error(`${name}: ${reply.error}`));
  });
  child.on('exit', (code) => {
    failed(new Error(`Device ${name} exited with ${code} before it was ready`));
    for (const pending of waiting.values()) pending.reject(new Error(`Device ${name} exited with ${code}`));
    waiting.clear();
  });
  await started;
  const ask = (request: Request): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      if (!child.connected) return reject(new Error(`Device ${name} is closed`));
      waiting.set(id, { resolve, reject });
      child.send({ ...request, id });
    });
  const respond = (method: string, input: unknown) => ask({ type: 'call', method, input }) as Promise<ApiResponse<unknown>>;
  return {
    name,
    directory,
    async call(method, input) {
      const response = await respond(method, input);
      if (!response.ok) throw new Error(`${name}: ${method} failed: ${JSON.stringify(response.error)}`);
      return response.result as never;
    },
    async fail(method, input) {
      const response = await respond(method, input);
      if (response.ok) throw new Error(`${name}: ${method} unexpectedly succeeded`);
      return response.error;
    },
    setClock: async (at) => void (await ask({ type: 'setClock', at })),
    async me() {
      const response = await respond('session.current', {});
      const viewer = response.ok ? (response.result as { viewer: { accountId: string } | null }).viewer : null;
      if (!viewer) throw new Error(`${name}: nobody is signed in`);
      return viewer.accountId;
    },
    sharedData: () => ask({ type: 'sharedData' }) as Promise<Record<string, unknown[]>>,
    footprint: () => ask({ type: 'footprint' }) as Promise<DeviceFootprint>,
    deviceState: () => ask({ type: 'deviceState' }) as never,
    forceDeviceCode: async (code) => void (await ask({ type: 'forceDeviceCode', code })),
    seedDemo: async (count) => void (await ask({ type: 'seedDemo', count })),
    count: (collection) => ask({ type: 'count', collection }) as Promise<number>,
    watchCase: async (caseId, summary) => void (await ask({ type: 'watchCase', caseId, summary })),
    seenAt: (caseId) => ask({ type: 'seenAt', caseId }) as Promise<number>,
    statusLog: () => ask({ type: 'statusLog' }) as Promise<{ at: number; status: SyncStatus }[]>,
    document: (collection, id) => ask({ type: 'document', collection, documentId: id }) as Promise<Record<string, unknown> | null>,
    async close() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        await ask({ type: 'close' }).catch(() => undefined);
        await exited;
      }
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

export async function connect(device: Device, serverUrl: string, credentials: { username?: string; password?: string } = {}): Promise<void> {
  await device.call('sync.configure', {
    enabled: true,
    serverUrl,
    database: 'team',
    username: credentials.username ?? '',
    password: credentials.password ?? '',
  });
}

export async function disconnect(device: Device, serverUrl: string): Promise<void> {
  await device.call('sync.configure', { enabled: false, serverUrl, database: 'team', username: '' });
}

// Generous limits: these wait on conditions, and a loaded CI machine (2 shared cores) is slow, not wrong.
export async function waitUntil<T>(probe: () => Promise<T | false | null | undefined>, what: string, timeoutMs = 150_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
}

/** Waits until every device is up to date and they all hold the same shared data. */
export async function waitForConvergence(devices: readonly Device[], timeoutMs = 150_000): Promise<Record<string, unknown[]>> {
  return waitUntil(
    async () => {
      const statuses = await Promise.all(devices.map((device) => device.call('sync.status', {})));
      if (statuses.some((status) => status.state !== 'up-to-date')) return false;
      const [first, ...others] = await Promise.all(devices.map((device) => device.sharedData()));
      return others.every((other) => canonicalJson(other) === canonicalJson(first)) ? first : false;
    },
    'the devices to converge',
    timeoutMs,
  );
}
