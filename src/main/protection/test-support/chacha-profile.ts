/**
 * A profile encrypted as every version before AEGIS encrypted it (P-7.2, issue 14), for the cipher
 * upgrade's tests: made plain with a seeded administrator and `cases` cases, then a key file with
 * a keychain slot, and the key given to SQLite3MultipleCiphers with no cipher named (its default,
 * ChaCha20-Poly1305). `slots` may add the slots an earlier version had written by then (a
 * password slot at a sign-in, a recovery slot at set-up) while the keyring is unlocked.
 */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { StaffMember } from '@shared/domain/records';
import { phoneComplaint } from '@main/domain/test-support';
import { TEST_SCRYPT_COST } from '@main/identity/password';
import { seedAdministrator } from '@main/identity/seed-account';
import { createMemoryLogger } from '@main/logging/logger';
import { startMainServices } from '@main/services';
import { applyKey, type DatabaseCipher } from '@main/storage/database-cipher';
import { DatabaseKeyring } from '../database-keyring';
import { keyFilePath } from '../key-file';
import type { KeyProtector } from '../key-protector';

export interface ChaChaProfileOptions {
  readonly keychain: KeyProtector;
  readonly cases: number;
  /** Each case's complainant is `${name} ${index}`. */
  readonly name: string;
  readonly slots?: (keyring: DatabaseKeyring, administrator: StaffMember) => Promise<void>;
}

/** Makes the profile in `dataDirectory` and returns its database key. */
export async function makeChaChaProfile(dataDirectory: string, options: ChaChaProfileOptions): Promise<string> {
  const services = await startMainServices({
    dataDirectory,
    host: 'harness',
    appName: 'Plaint',
    version: '0.0.0-test',
    scryptCost: TEST_SCRYPT_COST,
    logger: createMemoryLogger(),
    encryption: 'none-for-tests',
  });
  const administrator = await seedAdministrator(services);
  for (let index = 0; index < options.cases; index += 1) {
    const response = await services.dispatch(
      'cases.create',
      { ...phoneComplaint, complainant: { ...phoneComplaint.complainant, name: `${options.name} ${index}` }, receivedAt: '2026-11-20T16:00:00.000Z' },
      { host: 'test' },
    );
    if (!response.ok) throw new Error(JSON.stringify(response.error));
  }
  await services.close();
  const file = path.join(dataDirectory, 'plaint.sqlite');
  const keyring = DatabaseKeyring.create({ file: keyFilePath(file), protector: options.keychain, cost: TEST_SCRYPT_COST });
  const key = keyring.databaseKey() ?? '';
  await options.slots?.(keyring, administrator);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey='${key}'`);
  } finally {
    db.close();
  }
  return key;
}

/** Whether `key` in `cipher` (and only it) opens the file. */
export function opensWith(file: string, key: string, cipher: DatabaseCipher): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    applyKey(db, key, cipher);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}
