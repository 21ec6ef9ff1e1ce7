/**
 * P-7.2 (issue 14): the recovery key used in the app. When this device's keychain no longer opens
 * the key file's keychain slot (a lost or reset keychain) the database starts locked; the recovery
 * key opens it from the start screen and re-wraps the key for this device's keychain, so the next
 * start opens at once. A key of the wrong form, or one that does not open it, gets its own error
 * and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint } from '../domain/test-support';
import { SEED_ADMIN, seedAdministrator } from '../identity/seed-account';
import type { MainServices } from '../services';
import type { KeyProtector } from './key-protector';
import { fakeKeychain } from './test-support/fake-keychain';
import { call, failure, startedProfiles } from './test-support/started-profiles';

const profiles = startedProfiles('plaint-recovery-');
const { start, stop } = profiles;

afterEach(() => profiles.closeAll());

const databaseState = async (services: MainServices) => ((await call(services, 'app.info', {})) as { database: { state: string } }).database.state;

/** A profile on keychain `first` with two cases and a recovery key. */
async function profileWithRecoveryKey(first: KeyProtector): Promise<{ directory: string; recoveryKey: string }> {
  const directory = path.join(profiles.scratch(), 'profile');
  const services = await start(directory, { keyProtector: first });
  await seedAdministrator(services);
  for (const summary of ['First', 'Second']) await call(services, 'cases.create', { ...phoneComplaint, summary, receivedAt: '2026-11-20T16:00:00.000Z' });
  const { recoveryKey } = (await call(services, 'protection.createRecoveryKey', {})) as { recoveryKey: string };
  await stop(services);
  return { directory, recoveryKey };
}

describe('unlocking with the recovery key (P-7.2)', () => {
  it('opens a database whose keychain is lost, re-wraps the key for this keychain, and the next start opens at once', async () => {
    const { directory, recoveryKey } = await profileWithRecoveryKey(fakeKeychain());
    const newKeychain = fakeKeychain();
    const services = await start(directory, { keyProtector: newKeychain });
    expect(services.domain).toBeNull();
    expect(await databaseState(services)).toBe('locked');

    const statuses: unknown[] = [];
    services.events.listenAll((channel, payload) => channel === 'app.status' && statuses.push(payload));
    // Typed as people do: lower case, spaces for hyphens.
    const state = await call(services, 'session.unlockWithRecoveryKey', { recoveryKey: recoveryKey.toLowerCase().replaceAll('-', ' ') });
    expect(state).toMatchObject({ state: 'signed-out', viewer: null });
    expect(statuses).toEqual([{ database: expect.objectContaining({ state: 'ready' }) }]);
    expect(await databaseState(services)).toBe('ready');
    // Then the person signs in as usual and finds every case.
    await call(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    expect(((await call(services, 'cases.list', {})) as { total: number }).total).toBe(2);
    // Once open, the recovery key is not asked for again.
    expect((await failure(services, 'session.unlockWithRecoveryKey', { recoveryKey })).issues?.[0]?.code).toBe('database_not_locked');
    await stop(services);

    // Re-wrapped for this device: its keychain opens the database at start.
    const next = await start(directory, { keyProtector: newKeychain });
    expect(next.domain).not.toBeNull();
  });

  it('a wrong recovery key and one of the wrong form each get their own error, and change nothing', async () => {
    const { directory, recoveryKey } = await profileWithRecoveryKey(fakeKeychain());
    const keyFile = path.join(directory, 'plaint.keys.json');
    const keysBefore = fs.readFileSync(keyFile);
    const services = await start(directory, { keyProtector: fakeKeychain() });

    const wrong = await failure(services, 'session.unlockWithRecoveryKey', { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' });
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', issues: [{ path: 'recoveryKey', code: 'wrong_recovery_key' }] });
    const malformed = await failure(services, 'session.unlockWithRecoveryKey', { recoveryKey: recoveryKey.slice(0, 20) });
    expect(malformed).toMatchObject({ issues: [{ path: 'recoveryKey', code: 'recovery_key_format' }] });
    expect((await failure(services, 'session.unlockWithRecoveryKey', { recoveryKey: '   ' })).code).toBe('VALIDATION_FAILED');

    expect(services.domain).toBeNull();
    expect(await databaseState(services)).toBe('locked');
    expect(fs.readFileSync(keyFile).equals(keysBefore)).toBe(true);
    // The right one still works afterwards.
    await call(services, 'session.unlockWithRecoveryKey', { recoveryKey });
    expect(await databaseState(services)).toBe('ready');
  });

  it('without a keychain it opens the database, and the passwords open it at the next start', async () => {
    const { directory, recoveryKey } = await profileWithRecoveryKey(fakeKeychain());
    const services = await start(directory);
    await call(services, 'session.unlockWithRecoveryKey', { recoveryKey });
    expect(services.domain).not.toBeNull();
    await stop(services);
    const next = await start(directory);
    expect(next.domain).toBeNull();
    await call(next, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    expect(((await call(next, 'cases.list', {})) as { total: number }).total).toBe(2);
  });
});
