/**
 * P-7.2 (issue 14): a ChaCha20 profile (made as cipher-upgrade.test.ts makes one) whose keychain
 * does not open it starts locked. The key is then unlocked by a local account's password (no
 * keychain: Linux basic_text) or by the recovery key (a lost keychain), and the profile moves to
 * AEGIS before it opens, with every case; the sign-in or recovery screen is told each step through
 * app.status while the database stays locked. A wrong password changes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '@shared/api/types/app';
import { SEED_ADMIN } from '../identity/seed-account';
import type { MainServices, MainServicesOptions } from '../services';
import { keyFilePath } from './key-file';
import { makeChaChaProfile, opensWith } from './test-support/chacha-profile';
import { fakeKeychain } from './test-support/fake-keychain';
import { call, startProfile } from './test-support/started-profiles';

const NAME = 'Philomena Quarrington';
const CASES = 12;

let scratch = '';
let chachaProfile = '';
let key = '';
let recoveryKey = '';
const running: MainServices[] = [];

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-cipher-upgrade-unlock-'));
  chachaProfile = path.join(scratch, 'chacha20');
  key = await makeChaChaProfile(chachaProfile, {
    keychain: fakeKeychain(),
    cases: CASES,
    name: NAME,
    // As an earlier version left them: the administrator's password slot (written at a sign-in)
    // and a recovery slot (shown once at team set-up).
    slots: async (keyring, administrator) => {
      if (!administrator.password) throw new Error('The seeded administrator has no password');
      await keyring.rememberPassword(
        { accountId: administrator.id, login: administrator.login, verifierSalt: administrator.password.salt },
        SEED_ADMIN.password,
      );
      recoveryKey = keyring.createRecoveryKey(new Date('2026-11-20T09:00:00.000Z'));
    },
  });
  const file = path.join(chachaProfile, 'plaint.sqlite');
  expect(opensWith(file, key, 'chacha20')).toBe(true);
  expect(opensWith(file, key, 'aegis')).toBe(false);
}, 120_000);

afterEach(async () => {
  for (const services of running.splice(0)) await services.close();
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

function copyProfile(name: string): string {
  const target = path.join(scratch, name);
  fs.cpSync(chachaProfile, target, { recursive: true });
  return target;
}

async function start(dataDirectory: string, extra: Partial<MainServicesOptions> = {}): Promise<MainServices> {
  const services = await startProfile(dataDirectory, extra);
  running.push(services);
  return services;
}

/** Every app.status from now on. */
function statusesOf(services: MainServices): AppStatus[] {
  const statuses: AppStatus[] = [];
  services.events.listenAll((channel, payload) => channel === 'app.status' && statuses.push(payload as AppStatus));
  return statuses;
}

/** The steps told while the database was still locked, then the state it opened in. */
const told = (statuses: readonly AppStatus[]) =>
  statuses
    .map(({ database: { state, upgrade } }) => (upgrade ? `${state}: ${upgrade.outcome === 'running' ? (upgrade.step ?? 'started') : upgrade.outcome}` : state))
    .filter((label, index, all) => label !== all[index - 1]);

/** Signed in (if not yet), every case is there; closed, the file is AEGIS alone with nothing of the upgrade left beside it. */
async function expectAegisWithEveryCase(services: MainServices, directory: string): Promise<void> {
  if (((await call(services, 'session.current', {})) as { state: string }).state !== 'signed-in')
    await call(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
  expect(((await call(services, 'cases.list', {})) as { total: number }).total).toBe(CASES);
  expect(await call(services, 'protection.status', {})).toMatchObject({ encryption: 'encrypted' });
  running.splice(running.indexOf(services), 1);
  await services.close();
  const file = path.join(directory, 'plaint.sqlite');
  expect(fs.readdirSync(directory).filter((name) => name.includes('.recipher'))).toEqual([]);
  expect(opensWith(file, key, 'aegis')).toBe(true);
  expect(opensWith(file, key, 'chacha20')).toBe(false);
  expect(fs.readFileSync(file).includes(Buffer.from(NAME))).toBe(false);
}

describe('a ChaCha20 profile unlocked without its keychain moves to AEGIS (P-7.2)', () => {
  it('by a local account’s password: the sign-in opens it in AEGIS with every case, the steps told while it was locked', async () => {
    const directory = copyProfile('password');
    const services = await start(directory);
    expect(services.domain).toBeNull();
    expect(await call(services, 'app.info', {})).toMatchObject({ database: { state: 'locked' } });
    const statuses = statusesOf(services);
    expect(await call(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password })).toMatchObject({ state: 'signed-in' });
    await expectAegisWithEveryCase(services, directory);
    expect(told(statuses)).toEqual([
      'locked: started',
      'locked: checked',
      'locked: copied',
      'locked: rekeyed',
      'locked: switched',
      'locked: finished',
      'ready',
    ]);
  });

  it('by the recovery key: it opens in AEGIS with every case, the steps told while it was locked', async () => {
    const directory = copyProfile('recovery');
    const services = await start(directory, { keyProtector: fakeKeychain() });
    expect(services.domain).toBeNull();
    const statuses = statusesOf(services);
    expect(await call(services, 'session.unlockWithRecoveryKey', { recoveryKey })).toMatchObject({ state: 'signed-out' });
    await expectAegisWithEveryCase(services, directory);
    expect(told(statuses)).toEqual([
      'locked: started',
      'locked: checked',
      'locked: copied',
      'locked: rekeyed',
      'locked: switched',
      'locked: finished',
      'ready',
    ]);
  });

  it('a wrong password changes nothing: still locked, the file and its key file byte for byte as they were, still ChaCha20', async () => {
    const directory = copyProfile('wrong-password');
    const file = path.join(directory, 'plaint.sqlite');
    const before = fs.readFileSync(file);
    const keysBefore = fs.readFileSync(keyFilePath(file));
    const services = await start(directory);
    const statuses = statusesOf(services);
    const response = await services.dispatch('session.signIn', { login: SEED_ADMIN.login, password: `${SEED_ADMIN.password}x` }, { host: 'test' });
    expect(response).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
    expect(statuses).toEqual([]);
    expect(services.domain).toBeNull();
    expect(await call(services, 'app.info', {})).toMatchObject({ database: { state: 'locked' } });
    running.splice(running.indexOf(services), 1);
    await services.close();
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readFileSync(keyFilePath(file)).equals(keysBefore)).toBe(true);
    expect(fs.readdirSync(directory).filter((name) => name.includes('.recipher'))).toEqual([]);
    expect(opensWith(file, key, 'chacha20')).toBe(true);
  });
});
