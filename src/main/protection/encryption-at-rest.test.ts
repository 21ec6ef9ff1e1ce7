/**
 * Encryption at rest by default (P-7.2, issue 14): a profile started through the real main
 * services is encrypted from its first write, its files are private, and its key is held in
 * slots: the OS keychain, each local account's password, and the recovery key.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../domain/clock';
import { seedDemoCases } from '../domain/demo/seed-demo';
import { phoneComplaint } from '../domain/test-support';
import { TEST_SCRYPT_COST } from '../identity/password';
import { SEED_ADMIN, seedAdministrator } from '../identity/seed-account';
import type { MainServices } from '../services';
import { DatabaseKeyring } from './database-keyring';
import { applyKey } from '../storage/database-cipher';
import { keyFilePath } from './key-file';
import { fakeKeychain } from './test-support/fake-keychain';
import { call, failure, startedProfiles } from './test-support/started-profiles';

const NAME = 'Zephyrine Quillfeather-Okonkwo';
const EMAIL = 'zephyrine.quillfeather@example.org';

const profiles = startedProfiles('plaint-encrypted-');
const { start, stop } = profiles;

afterEach(() => profiles.closeAll());

function profile(): string {
  // A folder Plaint creates itself, as `--data-dir` does for a new profile.
  return path.join(profiles.scratch(), 'profile');
}

function filesUnder(directory: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every file in the data directory that holds one of the texts in plain bytes (UTF-8 or UTF-16). */
function filesHolding(directory: string, texts: readonly string[]): string[] {
  const needles = texts.flatMap((text) => [Buffer.from(text, 'utf8'), Buffer.from(text, 'utf16le')]);
  return filesUnder(directory).filter((file) => {
    const bytes = fs.readFileSync(file);
    return needles.some((needle) => bytes.includes(needle));
  });
}

async function createCases(services: MainServices, count: number): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    await call(services, 'cases.create', {
      ...phoneComplaint,
      complainant: { ...phoneComplaint.complainant, name: `${NAME} ${index}`, email: EMAIL },
      receivedAt: '2026-11-20T16:00:00.000Z',
    });
  }
}

describe('a new profile is encrypted from its first write (P-7.2)', () => {
  it('leaves no complainant name or e-mail in plain bytes in any file of the data directory: database, WAL, logs', async () => {
    const directory = profile();
    const services = await start(directory);
    await seedAdministrator(services);
    await createCases(services, 20);
    const database = path.join(directory, 'plaint.sqlite');
    // While open: the WAL holds the latest writes, and it is encrypted too.
    expect(fs.statSync(`${database}-wal`).size).toBeGreaterThan(0);
    expect(filesHolding(directory, [NAME, EMAIL])).toEqual([]);
    await stop(services);
    expect(filesUnder(directory).length).toBeGreaterThan(1);
    expect(filesHolding(directory, [NAME, EMAIL, 'Quillfeather'])).toEqual([]);
    expect(fs.readFileSync(database).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it("after demo seeding (as seed:demo does), no file holds a seeded complainant's name or e-mail", async () => {
    const directory = profile();
    const services = await start(directory);
    await seedAdministrator(services);
    const domain = services.domain;
    if (!domain) throw new Error('not open');
    await seedDemoCases(domain, systemClock, 40);
    const people = (await domain.db.cases.find().exec()).map((document) => document.toJSON().complainant);
    const texts = [...new Set(people.flatMap((person) => [person.name, person.email ?? ''].filter((text) => text.length >= 6)))];
    expect(texts.length).toBeGreaterThan(10);
    await stop(services);
    expect(filesHolding(directory, texts)).toEqual([]);
  });

  it('cannot be read without the key: "file is not a database"', async () => {
    const directory = profile();
    const services = await start(directory);
    await seedAdministrator(services);
    await createCases(services, 1);
    await stop(services);
    const file = path.join(directory, 'plaint.sqlite');
    const plain = new Database(file, { readonly: true });
    try {
      expect(() => plain.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(/file is not a database/);
    } finally {
      plain.close();
    }
  });

  it('keeps the data directory 0700 and its database, WAL, key file and log 0600', async () => {
    if (process.platform === 'win32') return;
    const directory = profile();
    const services = await start(directory);
    await seedAdministrator(services);
    await createCases(services, 2);
    services.logger.info('written', {});
    const files = filesUnder(directory);
    expect(files.map((file) => path.basename(file))).toEqual(expect.arrayContaining(['plaint.sqlite', 'plaint.sqlite-wal', 'plaint.keys.json', 'main.log']));
    expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
    for (const file of files) expect({ file, mode: (fs.statSync(file).mode & 0o777).toString(8) }).toEqual({ file, mode: '600' });
    await stop(services);
  });

  it('makes an existing group-readable data directory private at start', async () => {
    if (process.platform === 'win32') return;
    const directory = profile();
    fs.mkdirSync(directory, { mode: 0o755 });
    fs.chmodSync(directory, 0o755);
    await stop(await start(directory));
    expect(fs.statSync(directory).mode & 0o777).toBe(0o700);
  });
});

describe('without a keychain the database opens at sign-in (P-7.2)', () => {
  it('starts locked, shows the sign-in, and opens with the password of an account that has a slot', async () => {
    const directory = profile();
    const first = await start(directory);
    await seedAdministrator(first);
    await createCases(first, 3);
    await stop(first);

    const services = await start(directory);
    expect(services.domain).toBeNull();
    const info = (await call(services, 'app.info', {})) as { database: { state: string; message: string } };
    expect(info.database.state).toBe('locked');
    expect(await call(services, 'session.current', {})).toMatchObject({ state: 'signed-out', viewer: null });
    expect(await failure(services, 'cases.list', {})).toMatchObject({ code: 'UNAVAILABLE' });

    const statuses: unknown[] = [];
    services.events.listenAll((channel, payload) => channel === 'app.status' && statuses.push(payload));
    const state = await call(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    // The window's status area is told the database is open now.
    expect(statuses).toEqual([{ database: expect.objectContaining({ state: 'ready' }) }]);
    expect(state).toMatchObject({ state: 'signed-in' });
    expect(((await call(services, 'app.info', {})) as { database: { state: string } }).database.state).toBe('ready');
    expect(((await call(services, 'cases.list', {})) as { total: number }).total).toBe(3);
  });

  it('a wrong password does not open it and is answered exactly as an unknown login', async () => {
    const directory = profile();
    const first = await start(directory);
    await seedAdministrator(first);
    await stop(first);

    const services = await start(directory);
    const wrong = await failure(services, 'session.signIn', { login: SEED_ADMIN.login, password: 'not the password at all' });
    const unknown = await failure(services, 'session.signIn', { login: 'nobody-here', password: 'not the password at all' });
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(unknown).toEqual(wrong);
    expect(services.domain).toBeNull();
    expect(((await call(services, 'app.info', {})) as { database: { state: string } }).database.state).toBe('locked');
  });

  it('wrong passwords are throttled while it is locked too: after five, even the right one waits (P-7.1)', async () => {
    const directory = profile();
    let now = new Date('2026-12-07T09:00:00.000Z');
    const clock = { now: () => now };
    const first = await start(directory, { clock });
    await seedAdministrator(first);
    await stop(first);

    const services = await start(directory, { clock });
    for (let attempt = 0; attempt < 5; attempt += 1)
      expect(await failure(services, 'session.signIn', { login: SEED_ADMIN.login, password: `wrong ${attempt}` })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await failure(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password })).toMatchObject({ code: 'THROTTLED' });
    expect(services.domain).toBeNull();
    now = new Date(now.getTime() + 31_000);
    expect(await call(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password })).toMatchObject({ state: 'signed-in' });
  });

  it('a person with a password set by the administrator opens it; deactivated, they no longer do', async () => {
    const directory = profile();
    const first = await start(directory);
    await seedAdministrator(first);
    const saved = (await call(first, 'staff.save', {
      name: 'Ieva Kalniņa',
      email: '',
      login: 'ieva',
      roles: ['caseworker'],
      departments: [],
      password: 'ieva-first-password',
    })) as { staff: { id: string; login: string }[] };
    const ieva = saved.staff.find((member) => member.login === 'ieva');
    if (!ieva) throw new Error('not saved');
    await call(first, 'staff.setPassword', { staffId: ieva.id, password: 'ieva-second-password' });
    await stop(first);

    const second = await start(directory);
    expect(await failure(second, 'session.signIn', { login: 'ieva', password: 'ieva-first-password' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await call(second, 'session.signIn', { login: 'ieva', password: 'ieva-second-password' })).toMatchObject({ state: 'signed-in' });
    await call(second, 'session.signOut', {});
    await call(second, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    await call(second, 'staff.save', { id: ieva.id, name: 'Ieva Kalniņa', email: '', login: 'ieva', roles: ['caseworker'], departments: [], active: false });
    await stop(second);

    const third = await start(directory);
    expect(await failure(third, 'session.signIn', { login: 'ieva', password: 'ieva-second-password' })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(third.domain).toBeNull();
  });

  it('a changed password replaces the slot: the old one no longer opens the database', async () => {
    const directory = profile();
    const first = await start(directory);
    await seedAdministrator(first);
    await call(first, 'session.changePassword', { currentPassword: SEED_ADMIN.password, newPassword: 'a brand new passphrase' });
    await stop(first);

    const second = await start(directory);
    expect(await failure(second, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password })).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await call(second, 'session.signIn', { login: SEED_ADMIN.login, password: 'a brand new passphrase' })).toMatchObject({ state: 'signed-in' });
  });
});

describe('the OS keychain slot (P-7.2)', () => {
  it('opens the database at start; another keychain leaves it locked until a sign-in', async () => {
    const directory = profile();
    const keychain = fakeKeychain();
    const first = await start(directory, { keyProtector: keychain });
    await seedAdministrator(first);
    expect(await call(first, 'protection.status', {})).toEqual({
      encryption: 'encrypted',
      keychain: 'os-keychain',
      keychainSlot: true,
      passwordSlots: 1,
      recoverySlot: false,
    });
    await stop(first);

    const same = await start(directory, { keyProtector: keychain });
    expect(same.domain).not.toBeNull();
    expect(await call(same, 'session.current', {})).toMatchObject({ state: 'signed-out' });
    await stop(same);

    const other = await start(directory, { keyProtector: fakeKeychain() });
    expect(other.domain).toBeNull();
    expect(await call(other, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password })).toMatchObject({ state: 'signed-in' });
  });

  it('a profile made without a keychain gets a keychain slot once a keychain is there and the database is open', async () => {
    const directory = profile();
    const first = await start(directory);
    await seedAdministrator(first);
    expect(await call(first, 'protection.status', {})).toMatchObject({ keychain: 'none', keychainSlot: false, passwordSlots: 1 });
    await stop(first);
    const keychain = fakeKeychain();
    const second = await start(directory, { keyProtector: keychain });
    await call(second, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    await stop(second);
    expect((await start(directory, { keyProtector: keychain })).domain).not.toBeNull();
  });
});

describe('the recovery key (P-7.2)', () => {
  it('is shown once to an administrator and opens the database on its own', async () => {
    const directory = profile();
    const services = await start(directory);
    await seedAdministrator(services);
    await createCases(services, 2);
    const { recoveryKey } = (await call(services, 'protection.createRecoveryKey', {})) as { recoveryKey: string };
    expect(recoveryKey).toMatch(/^([0-9A-Z]{4}-){7}[0-9A-Z]{4}$/);
    expect(await call(services, 'protection.status', {})).toMatchObject({ recoverySlot: true });
    await stop(services);
    expect(filesHolding(directory, [recoveryKey, recoveryKey.replaceAll('-', '')])).toEqual([]);

    const file = path.join(directory, 'plaint.sqlite');
    const keyring = DatabaseKeyring.load({ file: keyFilePath(file), protector: null, cost: TEST_SCRYPT_COST });
    if (!keyring) throw new Error('no key file');
    expect(keyring.unlockWithRecoveryKey('0000-0000-0000-0000-0000-0000-0000-0000')).toBe(false);
    expect(keyring.unlockWithRecoveryKey(recoveryKey.toLowerCase().replaceAll('-', ' '))).toBe(true);
    const key = keyring.databaseKey();
    if (!key) throw new Error('not unlocked');
    const db = new Database(file, { readonly: true });
    try {
      // The profile's cipher alone (AEGIS): the recovery key opens the file as new profiles write it.
      applyKey(db, key);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all();
      expect(tables.length).toBeGreaterThan(0);
    } finally {
      db.close();
    }
  });

  it('is refused to anyone who is not an administrator, and on a profile without encryption', async () => {
    const directory = profile();
    const services = await start(directory);
    await seedAdministrator(services);
    await call(services, 'staff.save', { name: 'Tom Clerk', email: '', login: 'tom', roles: ['clerk'], departments: [], password: 'tom-clerk-password' });
    await call(services, 'session.signOut', {});
    await call(services, 'session.signIn', { login: 'tom', password: 'tom-clerk-password' });
    expect(await failure(services, 'protection.createRecoveryKey', {})).toMatchObject({ code: 'FORBIDDEN' });
    await stop(services);

    const plain = await start(profile(), { encryption: 'none-for-tests' });
    await seedAdministrator(plain);
    expect(await failure(plain, 'protection.createRecoveryKey', {})).toMatchObject({ code: 'UNAVAILABLE' });
    expect(await call(plain, 'protection.status', {})).toMatchObject({ encryption: 'off-for-tests' });
  });
});

describe('the key file (P-7.2)', () => {
  it('a damaged key file is reported and nothing is changed', async () => {
    const directory = profile();
    const first = await start(directory);
    await seedAdministrator(first);
    await stop(first);
    const keys = path.join(directory, 'plaint.keys.json');
    fs.writeFileSync(keys, '{"format":1,"slots":[{"kind":"password"');
    const database = fs.readFileSync(path.join(directory, 'plaint.sqlite'));
    const services = await start(directory);
    const info = (await call(services, 'app.info', {})) as { database: { state: string; message: string } };
    expect(info.database).toMatchObject({ state: 'error', message: expect.stringMatching(/key file .* is damaged/) });
    expect(await failure(services, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password })).toMatchObject({ code: 'UNAVAILABLE' });
    await stop(services);
    expect(fs.readFileSync(path.join(directory, 'plaint.sqlite')).equals(database)).toBe(true);
    expect(fs.readFileSync(keys, 'utf8')).toBe('{"format":1,"slots":[{"kind":"password"');
  });
});
