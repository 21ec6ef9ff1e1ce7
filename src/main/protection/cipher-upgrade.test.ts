/**
 * A profile encrypted before AEGIS (ChaCha20-Poly1305, the library default every earlier version
 * wrote) moves to AEGIS at its next start, with the same key from the OS keychain (P-7.2, issue
 * 14). All or nothing: each step is stopped in turn, and a child process is killed with SIGKILL at
 * random points; every time the profile still opens, and the next start ends in AEGIS with every
 * case. The seed is printed; PLAINT_CIPHER_UPGRADE_SEED replays a run.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random/seeded-random';
import { TEST_SCRYPT_COST } from '../identity/password';
import { createMemoryLogger } from '../logging/logger';
import type { MainServices } from '../services';
import { applyKey, type DatabaseCipher } from '../storage/database-cipher';
import { upgradeProfileCipher, type CipherUpgradeStep } from './cipher-upgrade';
import { DatabaseKeyring } from './database-keyring';
import { keyFilePath } from './key-file';
import { fakeKeychain } from './test-support/fake-keychain';
import { bundleRunner, expectEncryptedWithCases, runKilled, seedCases } from './test-support/killed-profiles';
import { startProfile } from './test-support/started-profiles';

const NAME = 'Philomena Quarrington';
const CASES = 12;
const ROUNDS = 6;
const keychain = fakeKeychain();

type MemoryLogger = ReturnType<typeof createMemoryLogger>;

let scratch = '';
let chachaProfile = '';
let key = '';

function start(dataDirectory: string, logger: MemoryLogger = createMemoryLogger()): Promise<MainServices> {
  return startProfile(dataDirectory, { logger, keyProtector: keychain });
}

function copyProfile(name: string): string {
  const target = path.join(scratch, name);
  fs.cpSync(chachaProfile, target, { recursive: true });
  return target;
}

function opensWith(file: string, cipher: DatabaseCipher): boolean {
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

/** The next start: every case, the database in AEGIS (not ChaCha20), nothing of the upgrade left beside it. */
async function expectAegisWithEveryCase(directory: string): Promise<void> {
  const services = await start(directory);
  try {
    await expectEncryptedWithCases(services, CASES);
  } finally {
    await services.close();
  }
  const file = path.join(directory, 'plaint.sqlite');
  expect(fs.readdirSync(directory).filter((name) => name.includes('.recipher'))).toEqual([]);
  expect(opensWith(file, 'aegis')).toBe(true);
  expect(opensWith(file, 'chacha20')).toBe(false);
  expect(fs.readFileSync(file).includes(Buffer.from(NAME))).toBe(false);
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-cipher-upgrade-'));
  chachaProfile = path.join(scratch, 'chacha20');
  const services = await startProfile(chachaProfile, { logger: createMemoryLogger(), encryption: 'none-for-tests' });
  await seedCases(services, NAME, CASES);
  await services.close();
  // Encrypted as every version before AEGIS did it: a key file with a keychain slot, and the
  // key given to SQLite3MultipleCiphers with no cipher named (its default, ChaCha20-Poly1305).
  const file = path.join(chachaProfile, 'plaint.sqlite');
  const keyring = DatabaseKeyring.create({ file: keyFilePath(file), protector: keychain, cost: TEST_SCRYPT_COST });
  key = keyring.databaseKey() ?? '';
  const db = new Database(file);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma(`rekey='${key}'`);
  } finally {
    db.close();
  }
  expect(opensWith(file, 'chacha20')).toBe(true);
  expect(opensWith(file, 'aegis')).toBe(false);
}, 120_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('a ChaCha20 profile moves to AEGIS at its start (P-7.2)', () => {
  it('opens with every case, in AEGIS under the same keychain key (the key file untouched); the log shows each step, and the next start has nothing to do', async () => {
    const directory = copyProfile('upgrade');
    const keyFile = keyFilePath(path.join(directory, 'plaint.sqlite'));
    const keyFileBefore = fs.readFileSync(keyFile);
    const logger = createMemoryLogger();
    await (await start(directory, logger)).close();
    expect(logger.entries.filter((entry) => entry.message === 'Changing the database cipher').map((entry) => entry.details?.['step'])).toEqual([
      'checked',
      'copied',
      'rekeyed',
      'switched',
    ]);
    expect(fs.readFileSync(keyFile).equals(keyFileBefore)).toBe(true);
    await expectAegisWithEveryCase(directory);
    const again = createMemoryLogger();
    await (await start(directory, again)).close();
    expect(again.entries.filter((entry) => entry.message === 'Changing the database cipher')).toEqual([]);
  });

  it.each<CipherUpgradeStep>(['checked', 'copied', 'rekeyed', 'switched'])(
    'an interruption after "%s" loses nothing: the profile still opens, and the next start finishes',
    async (step) => {
      const directory = copyProfile(`stopped-after-${step}`);
      const databaseFile = path.join(directory, 'plaint.sqlite');
      await expect(
        upgradeProfileCipher({
          databaseFile,
          key,
          onProgress: (reached) => {
            if (reached === step) throw new Error(`stopped after ${step}`);
          },
        }),
      ).rejects.toThrow(`stopped after ${step}`);
      // Before the switch the original is whole in ChaCha20; after it, the file is AEGIS.
      expect(opensWith(databaseFile, step === 'switched' ? 'aegis' : 'chacha20')).toBe(true);
      await expectAegisWithEveryCase(directory);
    },
  );

  it('with a wrong key changes nothing: refused as "not a database", the file byte for byte as it was', async () => {
    const directory = copyProfile('wrong-key');
    const databaseFile = path.join(directory, 'plaint.sqlite');
    const before = fs.readFileSync(databaseFile);
    await expect(upgradeProfileCipher({ databaseFile, key: crypto.randomBytes(32).toString('hex') })).rejects.toThrow(
      expect.objectContaining({ code: 'SQLITE_NOTADB' }),
    );
    expect(fs.readFileSync(databaseFile).equals(before)).toBe(true);
    expect(fs.readdirSync(directory).filter((name) => name.includes('.recipher'))).toEqual([]);
    expect(opensWith(databaseFile, 'chacha20')).toBe(true);
  });

  it(`loses nothing when killed with SIGKILL at a random point (${ROUNDS} rounds)`, async () => {
    const runner = await bundleRunner('cipher-upgrade-runner');
    // How long one upgrade takes here sets the range of kill points (not an assertion).
    const timed = copyProfile('timed');
    const started = performance.now();
    expect(await upgradeProfileCipher({ databaseFile: path.join(timed, 'plaint.sqlite'), key })).toBe('upgraded');
    const span = Math.max(5, (performance.now() - started) * 1.3);
    const seed = Number(process.env['PLAINT_CIPHER_UPGRADE_SEED'] ?? Date.now() % 1_000_000);
    console.warn(`cipher upgrade kill test: seed ${seed} (replay with PLAINT_CIPHER_UPGRADE_SEED=${seed})`);
    const random = seededRandom(seed);
    const reached = new Set<string>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const directory = copyProfile(`killed-${round}`);
      const killAfter = random() * span;
      const last = await runKilled({ runner, args: [directory, key], begins: 'upgrading', killAfter, what: 'upgrade' });
      reached.add(last);
      // Killed anywhere, the file opens in one cipher or the other.
      const file = path.join(directory, 'plaint.sqlite');
      expect(opensWith(file, 'chacha20') || opensWith(file, 'aegis')).toBe(true);
      await expectAegisWithEveryCase(directory);
    }
    console.warn(`cipher upgrade kill test: last steps reached ${[...reached].join(', ')}`);
  }, 300_000);
});
