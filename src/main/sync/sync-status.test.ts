/**
 * The status the shell shows, one rule: off, then offline, then a problem, then connecting,
 * syncing (with pending changes) or up to date (with the time). And what is shared: every
 * collection of the database is either replicated or stated to be device-local. And the
 * network: none shows "offline"; its return is noticed and sync tries again at once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedAdministrator } from '../identity/seed-account';
import { startProfile } from '../protection/test-support/started-profiles';
import { createMemoryLogger } from '../logging/logger';
import { startMainServices } from '../services';
import { freePort } from './local-server/pouchdb-server';
import { DEVICE_LOCAL_COLLECTIONS, REPLICATED_COLLECTIONS } from './replicated-collections';
import { waitUntil } from './test-support/devices';
import { NOT_SYNCING, syncStatusOf } from './sync-status';

describe('sync status', () => {
  const on = { ...NOT_SYNCING, enabled: true, connected: true, pending: 0, contactFresh: true, lastSyncedAt: '2026-11-25T10:00:00.000Z' };

  it('shows each state by the stated precedence', () => {
    expect(syncStatusOf(NOT_SYNCING).state).toBe('off');
    expect(syncStatusOf({ ...on, networkUp: false, problem: { kind: 'unreachable', message: 'x' } }).state).toBe('offline');
    expect(syncStatusOf({ ...on, problem: { kind: 'credentials', message: 'Wrong password' }, nextRetryAt: '2026-11-25T10:00:05.000Z' })).toMatchObject({
      state: 'error',
      problem: { kind: 'credentials' },
      nextRetryAt: '2026-11-25T10:00:05.000Z',
    });
    expect(syncStatusOf({ ...on, connected: false }).state).toBe('connecting');
    expect(syncStatusOf({ ...on, pending: 3 })).toMatchObject({ state: 'syncing', pending: 3 });
    expect(syncStatusOf({ ...on, active: true }).state).toBe('syncing');
    expect(syncStatusOf(on)).toEqual({
      state: 'up-to-date',
      pending: 0,
      lastSyncedAt: '2026-11-25T10:00:00.000Z',
      problem: null,
      nextRetryAt: null,
      notice: null,
      quarantined: 0,
      serverWarning: null,
    });
  });

  it('warns of a server that needs no login whatever the state, and not once sync is off (issue 13)', () => {
    expect(syncStatusOf({ ...on, serverWarning: 'no-login' })).toMatchObject({ state: 'up-to-date', serverWarning: 'no-login' });
    expect(syncStatusOf({ ...on, serverWarning: 'admin-party', problem: { kind: 'refused', message: 'x' } })).toMatchObject({
      state: 'error',
      serverWarning: 'admin-party',
    });
    expect(syncStatusOf({ ...NOT_SYNCING, serverWarning: 'no-login' }).serverWarning).toBeNull();
  });

  it('never "up to date" on an unknown count or without a recent answer from the server (issue 21)', () => {
    // Replications restarting after "Sync now": the count is not known yet, which is not zero.
    expect(syncStatusOf({ ...on, pending: null })).toMatchObject({ state: 'syncing', pending: null });
    // The server has not answered for three heartbeats: not "up to date", whatever was known before.
    expect(syncStatusOf({ ...on, contactFresh: false }).state).toBe('connecting');
    expect(syncStatusOf({ ...NOT_SYNCING, enabled: true }).state).toBe('connecting');
  });
});

describe('what is shared', () => {
  it('every collection is either replicated or device-local, never neither', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-shared-'));
    const services = await startMainServices({ dataDirectory: directory, host: 'harness', appName: 'Plaint', version: 'test', logger: createMemoryLogger() });
    try {
      const database = services.domain?.db as unknown as { collections: Record<string, unknown> };
      const stated = [...REPLICATED_COLLECTIONS.map((entry) => entry.collection), ...DEVICE_LOCAL_COLLECTIONS].sort();
      expect(Object.keys(database.collections).sort()).toEqual(stated);
    } finally {
      await services.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});

describe('the network', () => {
  it('no network shows "offline"; when it returns, sync tries at once and reports what it finds', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-offline-'));
    let online = false;
    const services = await startProfile(directory, { logger: createMemoryLogger(), networkUp: () => online, syncRetry: { firstMs: 100, maxMs: 500 } });
    try {
      await seedAdministrator(services);
      const port = await freePort();
      await services.dispatch('sync.configure', { enabled: true, serverUrl: `http://127.0.0.1:${port}`, database: 'team', username: '' }, { host: 'test' });
      const status = async () => {
        const response = await services.dispatch('sync.status', {}, { host: 'test' });
        if (!response.ok) throw new Error(response.error.message);
        return response.result as { state: string; problem: { kind: string } | null };
      };
      expect((await status()).state).toBe('offline');
      online = true;
      const back = await waitUntil(async () => ((await status()).state === 'error' ? status() : false), 'the network check', 15_000);
      expect(back.problem?.kind).toBe('unreachable');
    } finally {
      await services.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
