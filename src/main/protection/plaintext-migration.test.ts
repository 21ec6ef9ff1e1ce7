/**
 * Existing plaintext profiles are encrypted in place on upgrade (P-7.2, issue 14): a verified
 * copy first, then the encryption, an integrity check and an atomic switch. An interruption at any
 * point loses nothing: each step is stopped in turn, and a child process is killed with SIGKILL at
 * random points; every time, the next start opens an encrypted database holding every case.
 * The seed is printed; PLAINT_MIGRATION_SEED replays a run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppStatus } from '../../shared/api/types/app';
import { seededRandom } from '../../shared/random/seeded-random';
import { TEST_SCRYPT_COST } from '../identity/password';
import { createMemoryLogger } from '../logging/logger';
import type { MainServices, MainServicesOptions } from '../services';
import { keyFilePath } from './key-file';
import { encryptPlaintextProfile, type MigrationStep } from './plaintext-migration';
import { bundleRunner, expectEncryptedWithCases, runKilled, seedCases } from './test-support/killed-profiles';
import { startProfile } from './test-support/started-profiles';

const NAME = 'Philomena Quarrington';
const CASES = 12;
const ROUNDS = 6;

let scratch = '';
let plaintextProfile = '';

function start(dataDirectory: string, extra: Partial<MainServicesOptions> = {}): Promise<MainServices> {
  return startProfile(dataDirectory, { logger: createMemoryLogger(), ...extra });
}

function copyProfile(name: string): string {
  const target = path.join(scratch, name);
  fs.cpSync(plaintextProfile, target, { recursive: true });
  return target;
}

/** The next start: an encrypted database holding every case, and nothing of the migration left beside it. */
async function expectEncryptedWithEveryCase(directory: string): Promise<void> {
  const services = await start(directory);
  try {
    await expectEncryptedWithCases(services, CASES);
  } finally {
    await services.close();
  }
  const names = fs.readdirSync(directory);
  expect(names.filter((name) => name.includes('.encrypting') || name.includes('.pending') || name.endsWith('.tmp'))).toEqual([]);
  const database = fs.readFileSync(path.join(directory, 'plaint.sqlite'));
  expect(database.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  expect(database.includes(Buffer.from(NAME))).toBe(false);
}

beforeAll(async () => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-migration-'));
  plaintextProfile = path.join(scratch, 'plaintext');
  // A profile as Plaint wrote it before encryption at rest.
  const services = await start(plaintextProfile, { encryption: 'none-for-tests' });
  await seedCases(services, NAME, CASES);
  await services.close();
  expect(fs.readFileSync(path.join(plaintextProfile, 'plaint.sqlite')).includes(Buffer.from(NAME))).toBe(true);
}, 120_000);

afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('a plaintext profile is encrypted in place on upgrade (P-7.2)', () => {
  it('opens encrypted with every case, and the log shows each step', async () => {
    const directory = copyProfile('upgrade');
    const logger = createMemoryLogger();
    const services = await start(directory, { logger });
    await services.close();
    expect(logger.entries.filter((entry) => entry.message === 'Encrypting the database').map((entry) => entry.details?.['step'])).toEqual([
      'checked',
      'copied',
      'encrypted',
      'switched',
      'done',
    ]);
    await expectEncryptedWithEveryCase(directory);
  });

  it('in the app the services start before the encryption, and the start screen is told each step through app.status', async () => {
    const directory = copyProfile('on-screen');
    const services = await start(directory, { openInBackground: true });
    try {
      const statuses: AppStatus[] = [];
      const opened = new Promise<void>((resolve) =>
        services.events.listenAll((channel, payload) => {
          if (channel !== 'app.status') return;
          statuses.push(payload as AppStatus);
          if ((payload as AppStatus).database.state !== 'opening') resolve();
        }),
      );
      // The window can open at once: nothing is open yet, and the window is told why.
      expect(services.domain).toBeNull();
      expect(await services.dispatch('app.info', {}, { host: 'test' })).toMatchObject({ ok: true, result: { database: { state: 'opening' } } });
      await opened;
      // The byte counts of the copy fold into "copying" (upgrade-progress.test.ts checks them).
      const told = statuses
        .map(({ database: { upgrade, state } }) =>
          !upgrade
            ? state
            : upgrade.outcome !== 'running'
              ? upgrade.outcome
              : upgrade.step === 'checked' && upgrade.copied
                ? 'copying'
                : (upgrade.step ?? 'started'),
        )
        .filter((label, index, all) => label !== all[index - 1]);
      expect(told).toEqual(['started', 'checked', 'copying', 'copied', 'encrypted', 'switched', 'done', 'finished', 'ready']);
      expect(statuses.every(({ database }) => database.upgrade === undefined || database.upgrade.kind === 'encrypt')).toBe(true);
      expect(services.domain).not.toBeNull();
    } finally {
      await services.close();
    }
    await expectEncryptedWithEveryCase(directory);
  });

  it.each<MigrationStep>(['checked', 'copied', 'encrypted', 'switched', 'done'])(
    'an interruption after "%s" loses nothing: the next start finishes or begins again',
    async (step) => {
      const directory = copyProfile(`stopped-after-${step}`);
      const databaseFile = path.join(directory, 'plaint.sqlite');
      await expect(
        encryptPlaintextProfile({
          databaseFile,
          keyring: { file: keyFilePath(databaseFile), protector: null, cost: TEST_SCRYPT_COST },
          onProgress: (reached) => {
            if (reached === step) throw new Error(`stopped after ${step}`);
          },
        }),
      ).rejects.toThrow(`stopped after ${step}`);
      await expectEncryptedWithEveryCase(directory);
    },
  );

  it('a key file write killed half-way leaves no temporary behind: the next start removes it (P-7.2)', async () => {
    // What a SIGKILL inside writeFileAtomically leaves: the temporary, holding (part of) a keyring.
    const directory = copyProfile('killed-in-key-write');
    const keyFile = keyFilePath(path.join(directory, 'plaint.sqlite'));
    const abandoned = [`${keyFile}.pending.4242.1796655911459.tmp`, `${keyFile}.4242.1796655911460.tmp`];
    for (const file of abandoned) fs.writeFileSync(file, '{"wrapped":');
    const unrelated = path.join(directory, 'plaint.keys.json.notes.txt');
    fs.writeFileSync(unrelated, 'kept');
    await expectEncryptedWithEveryCase(directory);
    expect(abandoned.filter((file) => fs.existsSync(file))).toEqual([]);
    expect(fs.readFileSync(unrelated, 'utf8')).toBe('kept');
  });

  it('a damaged plaintext database is not encrypted and is left byte for byte as it was', async () => {
    const directory = copyProfile('damaged');
    const databaseFile = path.join(directory, 'plaint.sqlite');
    const bytes = fs.readFileSync(databaseFile);
    // Scribble over the middle of the file (past the header), as a bad sector would.
    bytes.fill(0x5a, 8192, 16384);
    fs.writeFileSync(databaseFile, bytes);
    const services = await start(directory);
    expect(await services.dispatch('app.info', {}, { host: 'test' })).toMatchObject({ ok: true, result: { database: { state: 'error' } } });
    await services.close();
    expect(fs.readFileSync(databaseFile).equals(bytes)).toBe(true);
    expect(fs.existsSync(keyFilePath(databaseFile))).toBe(false);
    expect(fs.readdirSync(directory).filter((name) => name.includes('.encrypting') || name.includes('.pending'))).toEqual([]);
  });

  it(`loses nothing when killed with SIGKILL at a random point (${ROUNDS} rounds)`, async () => {
    const runner = await bundleRunner('migration-runner');
    // How long one migration takes here sets the range of kill points (not an assertion).
    const timed = copyProfile('timed');
    const started = performance.now();
    const databaseFile = path.join(timed, 'plaint.sqlite');
    await encryptPlaintextProfile({ databaseFile, keyring: { file: keyFilePath(databaseFile), protector: null, cost: TEST_SCRYPT_COST } });
    const span = Math.max(5, (performance.now() - started) * 1.3);
    const seed = Number(process.env['PLAINT_MIGRATION_SEED'] ?? Date.now() % 1_000_000);
    console.warn(`migration kill test: seed ${seed} (replay with PLAINT_MIGRATION_SEED=${seed})`);
    const random = seededRandom(seed);
    const reached = new Set<string>();
    for (let round = 0; round < ROUNDS; round += 1) {
      const directory = copyProfile(`killed-${round}`);
      const killAfter = random() * span;
      const last = await runKilled({ runner, args: [directory], begins: 'migrating', killAfter, what: 'migration' });
      reached.add(last);
      await expectEncryptedWithEveryCase(directory);
    }
    console.warn(`migration kill test: last steps reached ${[...reached].join(', ')}`);
  }, 300_000);
});
