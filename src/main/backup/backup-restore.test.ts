/**
 * Issue 14, backup and restore through the API as an administrator would: a backup taken while
 * cases are being written restores to a consistent database; generations are pruned to the number
 * kept, only after the new one is verified; a bad folder is refused in words and changes nothing;
 * a failed backup leaves no generation; restore goes only into a new, empty profile folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint as complaint, startTestDomain, type TestDomain } from '../domain/test-support';

const phoneComplaint = { ...complaint, receivedAt: '2026-11-23T08:00:00.000Z' };
import { MANIFEST_FILE, readManifest } from './backup-manifest';
import { verifyGeneration } from './verify-generation';

let t: TestDomain;
let folder: string;
const scratch: string[] = [];

function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

beforeEach(async () => {
  t = await startTestDomain();
  folder = tempDir('plaint-backups-');
});

afterEach(async () => {
  await t.close();
  for (const dir of scratch.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const issueOf = (error: { issues: readonly { code: string }[] }) => error.issues[0]?.code;

describe('back up now (issue 14)', () => {
  it('takes a consistent backup while cases are being written, and it restores to a profile that opens with the same records', async () => {
    await t.call('backup.configure', { folder, keep: 7, daily: false });
    for (let i = 0; i < 5; i += 1) await t.call('cases.create', { ...phoneComplaint, summary: `Before the backup ${i}` });
    const writes = Array.from({ length: 20 }, (_, i) => t.call('cases.create', { ...phoneComplaint, summary: `During the backup ${i}` }));
    const view = await t.call('backup.now', {});
    await Promise.all(writes);

    const generation = view.last?.generation;
    expect(generation, JSON.stringify(view.last)).toBeTruthy();
    expect(view.generations.map((entry) => entry.name)).toEqual([generation]);
    const manifest = await verifyGeneration(path.join(folder, generation ?? ''));
    const cases = manifest.collections.find((entry) => entry.collection === 'cases');
    expect(cases?.documents).toBeGreaterThanOrEqual(5);
    expect(cases?.documents).toBeLessThanOrEqual(25);
    expect(manifest.app.version).toBe('0.0.0-test');
    expect(manifest.schemaVersions['cases']).toBe(3);

    const target = path.join(tempDir('plaint-restored-'), 'profile');
    const restored = await t.call('backup.restore', { from: path.join(folder, generation ?? ''), dataDirectory: target });
    expect(restored).toMatchObject({ dataDirectory: target, generation });
    // The restored profile opens, and holds exactly what the manifest vouches for, each case whole.
    const again = await startTestDomain('2026-11-23T10:00:00.000Z', target, { signedIn: false });
    try {
      const db = again.services.domain?.db;
      expect(await db?.cases.count().exec()).toBe(cases?.documents);
      const restoredCases = (await db?.cases.find().exec()) ?? [];
      expect(restoredCases.filter((doc) => doc.summary.startsWith('Before'))).toHaveLength(5);
      // Each case was written with its timeline in one transaction: the snapshot has both or neither.
      const timelineCases = new Set(((await db?.timeline.find().exec()) ?? []).map((entry) => entry.caseId));
      expect(restoredCases.filter((doc) => !timelineCases.has(doc.id)).map((doc) => doc.id)).toEqual([]);
      expect([...timelineCases].filter((id) => !restoredCases.some((doc) => doc.id === id))).toEqual([]);
    } finally {
      await again.close();
    }
  });

  it('keeps only the newest N generations, deleting older ones after the new one is verified', async () => {
    await t.call('backup.configure', { folder, keep: 2, daily: false });
    const names: string[] = [];
    for (let i = 0; i < 4; i += 1) {
      t.clock.advanceHours(1);
      const view = await t.call('backup.now', {});
      names.push(view.last?.generation ?? '');
    }
    const view = await t.call('backup.status', {});
    expect(view.generations.map((entry) => entry.name)).toEqual([names[3], names[2]]);
    expect(fs.readdirSync(folder).sort()).toEqual([names[2], names[3]].sort());
  });

  it('refuses a missing folder, a file and an unwritable folder, each in its own words, and keeps the settings as they were', async () => {
    await t.call('backup.configure', { folder, keep: 3, daily: true });
    const file = path.join(folder, 'not-a-folder.txt');
    fs.writeFileSync(file, 'x');
    expect(issueOf(await t.fail('backup.configure', { folder: path.join(folder, 'missing'), keep: 5, daily: false }))).toBe('backup_folder_missing');
    expect(issueOf(await t.fail('backup.configure', { folder: file, keep: 5, daily: false }))).toBe('backup_folder_not_folder');
    expect(issueOf(await t.fail('backup.configure', { folder: 'relative/path', keep: 5, daily: false }))).toBe('backup_folder_not_absolute');
    if (process.platform !== 'win32') {
      // root writes through file modes, so as root /proc (a folder nobody can add a file to) stands in.
      const locked = process.getuid?.() === 0 ? '/proc' : tempDir('plaint-locked-');
      if (locked !== '/proc') fs.chmodSync(locked, 0o500);
      expect(issueOf(await t.fail('backup.configure', { folder: locked, keep: 5, daily: false }))).toBe('backup_folder_not_writable');
    }
    expect((await t.call('backup.status', {})).settings).toEqual({ folder, keep: 3, daily: true });
    expect(fs.readdirSync(folder)).toEqual(['not-a-folder.txt']);
  });

  it('records a failed backup in words and leaves no generation behind', async () => {
    expect(issueOf(await t.fail('backup.now', {}))).toBe('backup_folder_not_set');
    const gone = tempDir('plaint-gone-');
    await t.call('backup.configure', { folder: gone, keep: 7, daily: false });
    fs.rmSync(gone, { recursive: true });
    expect(issueOf(await t.fail('backup.now', {}))).toBe('backup_folder_missing');
    const view = await t.call('backup.status', {});
    expect(view.last).toMatchObject({ trigger: 'manual', generation: null, error: { code: 'backup_folder_missing' } });
    expect(fs.existsSync(gone)).toBe(false);
  });

  it('never counts what an interrupted backup left as a generation, and clears it at the next backup', async () => {
    await t.call('backup.configure', { folder, keep: 7, daily: false });
    const partial = path.join(folder, '.plaint-backup-20261123T085900000Z.partial');
    fs.mkdirSync(partial);
    fs.writeFileSync(path.join(partial, 'plaint.sqlite'), 'half a file');
    expect((await t.call('backup.status', {})).generations).toEqual([]);
    const view = await t.call('backup.now', {});
    expect(view.generations).toHaveLength(1);
    expect(fs.existsSync(partial)).toBe(false);
    expect(fs.readdirSync(folder)).toEqual([view.last?.generation]);
  });
});

describe('restore (issue 14)', () => {
  let generation: string;
  beforeEach(async () => {
    await t.call('cases.create', phoneComplaint);
    await t.call('backup.configure', { folder, keep: 7, daily: false });
    generation = path.join(folder, (await t.call('backup.now', {})).last?.generation ?? '');
  });

  it('refuses a folder that is not empty (never restores over a profile), and a file, changing neither', async () => {
    const busy = tempDir('plaint-busy-');
    fs.writeFileSync(path.join(busy, 'plaint.sqlite'), 'someone else’s data');
    expect(issueOf(await t.fail('backup.restore', { from: generation, dataDirectory: busy }))).toBe('restore_target_not_empty');
    expect(fs.readdirSync(busy)).toEqual(['plaint.sqlite']);
    expect(fs.readFileSync(path.join(busy, 'plaint.sqlite'), 'utf8')).toBe('someone else’s data');
    expect(issueOf(await t.fail('backup.restore', { from: generation, dataDirectory: t.directory }))).toBe('restore_target_not_empty');
    const file = path.join(busy, 'plaint.sqlite');
    expect(issueOf(await t.fail('backup.restore', { from: generation, dataDirectory: file }))).toBe('restore_target_not_folder');
  });

  it('refuses a tampered manifest and leaves nothing behind in the new profile folder', async () => {
    const manifest = readManifest(generation);
    const cases = manifest.collections.find((entry) => entry.collection === 'cases');
    const tampered = {
      ...manifest,
      collections: manifest.collections.map((entry) => (entry === cases ? { ...entry, documents: entry.documents + 1 } : entry)),
    };
    fs.writeFileSync(path.join(generation, MANIFEST_FILE), JSON.stringify(tampered));
    const parent = tempDir('plaint-restored-');
    const target = path.join(parent, 'new', 'profile');
    const error = await t.fail('backup.restore', { from: generation, dataDirectory: target });
    expect(error.issues[0]).toMatchObject({ code: 'backup_collection_mismatch', params: { collection: 'cases' } });
    // Not even the folders the restore made on the way.
    expect(fs.readdirSync(parent)).toEqual([]);
  });
});
