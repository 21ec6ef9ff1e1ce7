/**
 * What the page gets from the real preload (the built file, run as Electron runs a sandboxed
 * preload: a CommonJS script whose `require` reaches only `electron`): exactly one global with
 * `invoke` and `subscribe`, which carry calls to the main process's IPC channels and nothing of
 * Node. The e2e "no Node in the renderer" check sees the harness's shim; this sees the preload.
 */
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api/bridge';
import { assertFreshBuild } from '../main/test-support/built-output';

interface Exposed {
  readonly key: string;
  readonly api: Record<string, unknown>;
}

function runPreload(): { exposed: Exposed[]; invoked: unknown[][]; listeners: Map<string, (...args: unknown[]) => void>; required: string[] } {
  const exposed: Exposed[] = [];
  const invoked: unknown[][] = [];
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.push({ key, api }) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        invoked.push(args);
        return Promise.resolve({ ok: true, result: 'pong' });
      },
      on: (channel: string, listener: (...args: unknown[]) => void) => listeners.set(channel, listener),
      removeListener: (channel: string) => listeners.delete(channel),
    },
  };
  const module = { exports: {} };
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name !== 'electron') throw new Error(`A sandboxed preload cannot require '${name}'`);
    return electron;
  };
  vm.runInNewContext(fs.readFileSync(path.resolve('out/preload/index.cjs'), 'utf8'), { require: sandboxRequire, module, exports: module.exports, console });
  return { exposed, invoked, listeners, required };
}

beforeAll(() => assertFreshBuild());

describe('the built preload, run as a sandboxed preload', () => {
  it('exposes one global, plaint, with exactly invoke and subscribe, both plain functions', () => {
    const { exposed, required } = runPreload();
    expect(required).toEqual(['electron']);
    expect(exposed.map((entry) => entry.key)).toEqual(['plaint']);
    const api = exposed[0]?.api ?? {};
    expect(Object.keys(api).sort()).toEqual(['invoke', 'subscribe']);
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
    expect(api).not.toHaveProperty('require');
    expect(api).not.toHaveProperty('process');
  });

  it('invoke goes to the main process on the invoke channel, and events come back on theirs', async () => {
    const { exposed, invoked, listeners } = runPreload();
    const api = exposed[0]?.api as {
      invoke(method: string, input: unknown): Promise<unknown>;
      subscribe(channel: string, listener: (payload: unknown) => void): () => void;
    };
    await expect(api.invoke('app.ping', { message: 'hi' })).resolves.toMatchObject({ ok: true });
    expect(invoked).toEqual([[IPC_INVOKE_CHANNEL, 'app.ping', { message: 'hi' }]]);
    const seen: unknown[] = [];
    const stop = api.subscribe('cases.changed', (payload) => seen.push(payload));
    listeners.get(IPC_EVENT_CHANNEL)?.({}, 'cases.changed', { caseIds: ['a'] });
    listeners.get(IPC_EVENT_CHANNEL)?.({}, 'not.an.event', { x: 1 });
    expect(seen).toEqual([{ caseIds: ['a'] }]);
    stop();
  });
});
