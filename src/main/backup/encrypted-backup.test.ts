/**
 * Issue 14 (P-7.2): an encrypted profile's backup can be restored and opened. The generation holds
 * the profile's key file, its keys still wrapped (never the raw key); a restore puts it back with
 * the database in one step, so a wiped laptop's profile comes back and opens with every case. A
 * backup without its key file (or with a changed one) is refused in words and changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiMethodName } from '../../shared/api/names';
import { phoneComplaint } from '../domain/test-support';
import { TEST_SCRYPT_COST } from '../identity/password';
import { SEED_ADMIN, seedAdministrator } from '../identity/seed-account';
import { DatabaseKeyring } from '../protection/database-keyring';
import { keyFilePath, readKeyFile } from '../protection/key-file';
import type { KeyProtector } from '../protection/key-protector';
import { fakeKeychain } from '../protection/test-support/fake-keychain';
import { call, failure, startedProfiles } from '../protection/test-support/started-profiles';
import type { MainServices } from '../services';
import { BACKUP_KEY_FILE, readManifest } from './backup-manifest';
import { restoreBackup } from './restore-backup';

const PEOPLE = ['Ottoline Brackenridge-Vance', 'Kazimierz Ashdown-Pell', 'Undine Marchbanks'];
const profiles = startedProfiles('plaint-encrypted-backup-');
const { scratch, start, stop } = profiles;

afterEach(() => profiles.closeAll());

async function refusal(services: MainServices, method: ApiMethodName, input: unknown): Promise<string | undefined> {
  return (await failure(services, method, input)).issues?.[0]?.code;
}

function listing(directory: string): Record<string, string> {
  return Object.fromEntries(fs.readdirSync(directory).map((name) => [name, fs.readFileSync(path.join(directory, name)).toString('base64')]));
}

/** An encrypted profile on this computer's keychain with three cases, backed up once: the generation's folder. */
async function backedUpProfile(root: string, keychain: KeyProtector): Promise<{ profile: string; generation: string; rawKey: string; recoveryKey: string }> {
  const profile = path.join(root, 'laptop');
  const folder = path.join(root, 'backups');
  fs.mkdirSync(folder);
  const services = await start(profile, { keyProtector: keychain });
  await seedAdministrator(services);
  for (const name of PEOPLE)
    await call(services, 'cases.create', { ...phoneComplaint, complainant: { ...phoneComplaint.complainant, name }, receivedAt: '2026-11-20T16:00:00.000Z' });
  const { recoveryKey } = (await call(services, 'protection.createRecoveryKey', {})) as { recoveryKey: string };
  await call(services, 'backup.configure', { folder, keep: 7, daily: false });
  const view = (await call(services, 'backup.now', {})) as { last: { generation: string } };
  await stop(services);
  const keyring = DatabaseKeyring.load({ file: keyFilePath(path.join(profile, 'plaint.sqlite')), protector: keychain, cost: TEST_SCRYPT_COST });
  const rawKey = keyring?.unlockAtStart() ? keyring.databaseKey() : null;
  if (!rawKey) throw new Error('the profile key did not open');
  return { profile, generation: path.join(folder, view.last.generation), rawKey, recoveryKey };
}

async function complainants(services: MainServices): Promise<string[]> {
  const cases = (await services.domain?.db.cases.find().exec()) ?? [];
  return cases.map((document) => document.complainant.name).sort();
}

describe("an encrypted profile's backup (issue 14, P-7.2)", () => {
  it('holds the key file with its keys wrapped, never the raw key: back up, wipe the profile, restore, and it opens with every case', async () => {
    const root = scratch();
    const keychain = fakeKeychain();
    const { profile, generation, rawKey } = await backedUpProfile(root, keychain);

    expect(fs.readdirSync(generation).sort()).toEqual(['manifest.json', BACKUP_KEY_FILE, 'plaint.sqlite']);
    expect(readManifest(generation)).toMatchObject({ encrypted: true, keyFile: { bytes: fs.statSync(path.join(generation, BACKUP_KEY_FILE)).size } });
    expect(
      readKeyFile(path.join(generation, BACKUP_KEY_FILE))
        ?.slots.map((slot) => slot.kind)
        .sort(),
    ).toEqual(['keychain', 'password', 'recovery']);
    for (const name of fs.readdirSync(generation)) {
      const bytes = fs.readFileSync(path.join(generation, name));
      expect({ name, raw: bytes.includes(Buffer.from(rawKey, 'utf8')) || bytes.includes(Buffer.from(rawKey, 'hex')) }).toEqual({ name, raw: false });
    }

    // The laptop's profile is lost; Plaint on the same computer restores the backup into its place.
    fs.rmSync(profile, { recursive: true });
    const fresh = await start(path.join(root, 'fresh'), { keyProtector: keychain });
    await seedAdministrator(fresh);
    expect(await call(fresh, 'backup.restore', { from: generation, dataDirectory: profile })).toMatchObject({ dataDirectory: profile });
    await stop(fresh);
    expect(fs.readdirSync(profile).sort()).toEqual(['plaint.keys.json', 'plaint.sqlite']);
    expect(fs.readdirSync(root).filter((name) => name.includes('restoring'))).toEqual([]);

    const restored = await start(profile, { keyProtector: keychain });
    expect(restored.domain).not.toBeNull();
    expect(await complainants(restored)).toEqual([...PEOPLE].sort());
    await stop(restored);

    // Another computer (no keychain): the administrator's password slot came back too.
    const elsewhere = await start(profile);
    expect(elsewhere.domain).toBeNull();
    await call(elsewhere, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    expect(await complainants(elsewhere)).toEqual([...PEOPLE].sort());
  });

  it('without its key file is refused in words before anything is written, and a changed key file too', async () => {
    const root = scratch();
    const keychain = fakeKeychain();
    const { generation } = await backedUpProfile(root, keychain);
    const fresh = await start(path.join(root, 'fresh'), { keyProtector: keychain });
    await seedAdministrator(fresh);
    const empty = path.join(root, 'empty');
    fs.mkdirSync(empty);
    const keyFile = path.join(generation, BACKUP_KEY_FILE);
    const original = fs.readFileSync(keyFile);

    fs.rmSync(keyFile);
    const before = listing(generation);
    expect(await refusal(fresh, 'backup.restore', { from: generation, dataDirectory: empty })).toBe('backup_key_file_missing');
    expect(await refusal(fresh, 'backup.restore', { from: generation, dataDirectory: path.join(root, 'missing', 'profile') })).toBe('backup_key_file_missing');
    expect(fs.readdirSync(empty)).toEqual([]);
    expect(fs.existsSync(path.join(root, 'missing'))).toBe(false);
    expect(listing(generation)).toEqual(before);

    fs.writeFileSync(keyFile, original.toString('utf8').replace('"keychain"', '"keychain" '));
    expect(await refusal(fresh, 'backup.restore', { from: generation, dataDirectory: empty })).toBe('backup_file_changed');
    expect(fs.readdirSync(empty)).toEqual([]);

    fs.writeFileSync(keyFile, original);
    await call(fresh, 'backup.restore', { from: generation, dataDirectory: empty });
    expect(fs.readdirSync(empty).sort()).toEqual(['plaint.keys.json', 'plaint.sqlite']);
  });

  it('restores on a computer without the keychain (the command line) with the recovery key; a wrong one is refused and writes nothing', async () => {
    const root = scratch();
    const { generation, recoveryKey } = await backedUpProfile(root, fakeKeychain());
    const target = path.join(root, 'restored');
    const wrong: unknown = await restoreBackup({
      from: generation,
      dataDirectory: target,
      unlock: { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' },
    }).then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(wrong).toMatchObject({ issues: [{ code: 'backup_unreadable' }] });
    expect(fs.existsSync(target)).toBe(false);
    await restoreBackup({ from: generation, dataDirectory: target, unlock: { recoveryKey: recoveryKey.toLowerCase() } });
    const elsewhere = await start(target);
    await call(elsewhere, 'session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password });
    expect(await complainants(elsewhere)).toEqual([...PEOPLE].sort());
  });

  it('clears what a killed restore left beside the target, and a restore into an existing empty folder keeps that folder private', async () => {
    const root = scratch();
    const keychain = fakeKeychain();
    const { generation } = await backedUpProfile(root, keychain);
    const fresh = await start(path.join(root, 'fresh'), { keyProtector: keychain });
    await seedAdministrator(fresh);
    const target = path.join(root, 'restored');
    fs.mkdirSync(target);
    const leftover = path.join(root, '.restored.restoring');
    fs.mkdirSync(leftover);
    fs.writeFileSync(path.join(leftover, 'plaint.sqlite'), 'half a copy');
    await call(fresh, 'backup.restore', { from: generation, dataDirectory: target });
    expect(fs.existsSync(leftover)).toBe(false);
    expect(fs.readdirSync(target).sort()).toEqual(['plaint.keys.json', 'plaint.sqlite']);
    if (process.platform !== 'win32') expect(fs.statSync(target).mode & 0o777).toBe(0o700);
  });

  it('is not taken while the key is not yet wrapped by a keychain or a password: a backup never holds the raw key', async () => {
    const root = scratch();
    const folder = path.join(root, 'backups');
    fs.mkdirSync(folder);
    // No keychain and no account with a password yet: the key file holds the key unwrapped.
    const services = await start(path.join(root, 'new'));
    const backups = services.backups;
    if (!backups) throw new Error('not open');
    await backups.configure({ folder, keep: 7, daily: false });
    const error: unknown = await backups.backUpNow().then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ issues: [{ code: 'backup_key_not_wrapped' }] });
    expect(fs.readdirSync(folder)).toEqual([]);
  });
});
