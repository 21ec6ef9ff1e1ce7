/**
 * P-7.2 (issue 14): "existing plaintext profiles are encrypted in place on upgrade: a verified
 * backup first, progress shown, then an integrity check". Both start-up upgrades (plaintext →
 * encrypted, ChaCha20 → AEGIS) tell a plain event source each step in order, the bytes of their
 * copy (the backup) as it is written, and a final state: 'finished', or 'failed' with the profile
 * unchanged. services.ts passes these states to the window (app.status); the screens are tested in
 * the renderer (StartingScreen.test.tsx).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProfileUpgradeStatus } from '@shared/api/types/app';
import { TEST_SCRYPT_COST } from '../identity/password';
import { upgradeProfileCipherShowingProgress } from './cipher-upgrade';
import { keyFilePath } from './key-file';
import { profileKey } from './profile-key';
import { opensWith } from './test-support/chacha-profile';
import { fakeKeychain } from './test-support/fake-keychain';
import { UpgradeProgress } from './upgrade-progress';

let scratch = '';
const key = crypto.randomBytes(32).toString('hex');

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-upgrade-progress-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** A database of a few hundred pages (so a damaged page can be far from the first), plain or in ChaCha20 as earlier versions wrote it. */
function database(name: string, encrypted: boolean): string {
  const directory = path.join(scratch, name);
  fs.mkdirSync(directory);
  const file = path.join(directory, 'plaint.sqlite');
  const db = new Database(file);
  try {
    db.exec('CREATE TABLE complaints (id INTEGER PRIMARY KEY, text TEXT NOT NULL)');
    const insert = db.prepare('INSERT INTO complaints (text) VALUES (?)');
    db.transaction(() => {
      for (let index = 0; index < 3_000; index += 1) insert.run(`Complaint ${index} ${'x'.repeat(300)}`);
    })();
    // The key given with no cipher named: SQLite3MultipleCiphers' default, ChaCha20-Poly1305.
    if (encrypted) db.pragma(`rekey='${key}'`);
  } finally {
    db.close();
  }
  return file;
}

/** Damages a page near the end: the first page (and the file's opening) still reads. */
function damageLastPages(file: string): void {
  const bytes = fs.readFileSync(file);
  for (let offset = bytes.length - 3 * 4096; offset < bytes.length - 4096; offset += 512) bytes[offset] = (bytes[offset] ?? 0) ^ 0xff;
  fs.writeFileSync(file, bytes);
}

/** Every state told, and the run of states with the byte updates folded into "copying". */
function record(progress: UpgradeProgress<'encrypt'> | UpgradeProgress<'cipher'>) {
  const states: ProfileUpgradeStatus[] = [];
  progress.subscribe((status) => states.push(status));
  const labels = () =>
    states
      .map((state) => (state.outcome !== 'running' ? state.outcome : state.step === 'checked' && state.copied ? 'copying' : (state.step ?? 'started')))
      .filter((label, index, all) => label !== all[index - 1]);
  return { states, labels };
}

function expectWholeCopyTold(states: readonly ProfileUpgradeStatus[], size: number): void {
  const copied = states.map((state) => state.copied).filter((bytes) => bytes !== null);
  expect(copied[0]).toEqual({ bytes: 0, of: size });
  expect(copied.at(-1)).toEqual({ bytes: size, of: size });
  for (let index = 1; index < copied.length; index += 1) expect(copied[index]?.bytes).toBeGreaterThanOrEqual(copied[index - 1]?.bytes ?? 0);
  // At most one report a hundredth (plus the first and the last), however large the file.
  expect(new Set(copied.map((bytes) => bytes?.bytes)).size).toBeLessThanOrEqual(102);
}

describe('the progress of a start-up upgrade (P-7.2)', () => {
  it('a ChaCha20 profile moving to AEGIS tells: started, the copy byte by byte, each step in order, then finished', async () => {
    const file = database('cipher', true);
    const size = fs.statSync(file).size;
    const progress = new UpgradeProgress('cipher');
    const { states, labels } = record(progress);
    expect(await upgradeProfileCipherShowingProgress({ databaseFile: file, key }, progress)).toBe('upgraded');
    expect(labels()).toEqual(['started', 'checked', 'copying', 'copied', 'rekeyed', 'switched', 'finished']);
    expectWholeCopyTold(states, size);
    expect(progress.status()).toEqual({ kind: 'cipher', step: 'switched', copied: { bytes: size, of: size }, outcome: 'finished' });
    expect(opensWith(file, key, 'aegis')).toBe(true);
  });

  it('a profile already in AEGIS tells nothing (there is no upgrade to show)', async () => {
    const file = database('current', true);
    const progress = new UpgradeProgress('cipher');
    expect(await upgradeProfileCipherShowingProgress({ databaseFile: file, key }, progress)).toBe('upgraded');
    const { states } = record(progress);
    expect(await upgradeProfileCipherShowingProgress({ databaseFile: file, key }, progress)).toBe('current');
    expect(states).toEqual([]);
  });

  it('a damaged ChaCha20 profile ends "failed", unchanged and still in ChaCha20', async () => {
    const file = database('cipher-damaged', true);
    damageLastPages(file);
    const before = fs.readFileSync(file);
    const progress = new UpgradeProgress('cipher');
    const { labels } = record(progress);
    await expect(upgradeProfileCipherShowingProgress({ databaseFile: file, key }, progress)).rejects.toThrow();
    expect(labels()).toEqual(['started', 'failed']);
    expect(progress.status().outcome).toBe('failed');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('a plaintext profile encrypted in place tells: started, each step with the copy byte by byte, then finished', async () => {
    const file = database('plain', false);
    const size = fs.statSync(file).size;
    const progress = new UpgradeProgress('encrypt');
    const { states, labels } = record(progress);
    const decided = await profileKey({ databaseFile: file, protector: fakeKeychain(), cost: TEST_SCRYPT_COST, progress });
    expect(decided.state).toBe('open');
    expect(labels()).toEqual(['started', 'checked', 'copying', 'copied', 'encrypted', 'switched', 'done', 'finished']);
    expectWholeCopyTold(states, size);
    expect(progress.status().outcome).toBe('finished');
    expect(fs.existsSync(keyFilePath(file))).toBe(true);
  });

  it('a damaged plaintext profile ends "failed": it opens unencrypted, as it was', async () => {
    const file = database('plain-damaged', false);
    damageLastPages(file);
    const before = fs.readFileSync(file);
    const progress = new UpgradeProgress('encrypt');
    const { labels } = record(progress);
    const decided = await profileKey({ databaseFile: file, protector: fakeKeychain(), cost: TEST_SCRYPT_COST, progress });
    expect(decided.state).toBe('plaintext');
    expect(labels()).toEqual(['started', 'failed']);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.existsSync(keyFilePath(file))).toBe(false);
  });

  it('tells "started" once, and a byte count only when it reaches a new hundredth (and at the end)', () => {
    const progress = new UpgradeProgress('cipher');
    const { states } = record(progress);
    progress.started();
    progress.started();
    progress.copied(0, 1_000);
    progress.copied(5, 1_000);
    progress.copied(10, 1_000);
    progress.copied(999, 1_000);
    progress.copied(1_000, 1_000);
    progress.step('copied');
    expect(states.map((state) => [state.step, state.copied?.bytes ?? null, state.outcome])).toEqual([
      [null, null, 'running'],
      [null, 0, 'running'],
      [null, 10, 'running'],
      [null, 999, 'running'],
      [null, 1_000, 'running'],
      ['copied', 1_000, 'running'],
    ]);
  });
});
