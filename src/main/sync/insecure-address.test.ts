/**
 * Plain http:// to another computer (issue 13; P-7.1, P-7.2): the settings refuse it
 * (server-guard.test.ts tests the rule), and an address saved before the rule existed never
 * reaches the network: sync does not start, the status says why, and "Prepare the server"
 * refuses it too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RxDatabase } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../logging/logger';
import type { MainServices } from '../services';
import type { SyncConfig } from './sync-config';
import { seedAdministrator } from '../identity/seed-account';
import { startProfile } from '../protection/test-support/started-profiles';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(directory: string): Promise<MainServices> {
  const services = await startProfile(directory, { logger: createMemoryLogger(), networkUp: () => true });
  cleanups.push(() => services.close());
  // An administrator is signed in: the status and preparing the server are theirs to see (issue 13).
  await seedAdministrator(services);
  return services;
}

describe('a saved plain-http address to another computer', () => {
  it('does not start sync: the status says the address is unencrypted, and preparing the server is refused', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-insecure-'));
    cleanups.push(() => fs.rmSync(directory, { recursive: true, force: true }));
    const first = await start(directory);
    const saved: SyncConfig = { enabled: true, serverUrl: 'http://couch.example.invalid:5984', database: 'team', username: 'anna' };
    await (first.domain?.db as unknown as RxDatabase).upsertLocal<SyncConfig>('sync-settings', saved);
    await first.close();
    cleanups.pop();

    const again = await start(directory);
    const status = await again.dispatch('sync.status', {}, { host: 'test' });
    expect(status).toMatchObject({ ok: true, result: { state: 'error', problem: { kind: 'insecure-address' } } });
    const prepared = await again.dispatch('sync.prepareServer', { username: 'admin', password: 'x' }, { host: 'test' });
    expect(prepared).toMatchObject({ ok: false, error: { issues: [expect.objectContaining({ code: 'insecure_server_address' })] } });
  });
});
