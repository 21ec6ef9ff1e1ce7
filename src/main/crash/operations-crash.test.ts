/**
 * Crash rounds on whole operations: the real main services log letters with multi-part scans,
 * create and acknowledge cases, add notes and undo letters, and are killed with SIGKILL at random
 * moments. After every kill the database is read directly and must hold every operation that was
 * acknowledged (none lost) and no part of one that was not (none half-written): no case without
 * its creation entries, no timeline entry without its case, no letter without its case or its
 * correspondence entry, no scan record without all its chunks, no chunk without its scan record,
 * no scans left on a voided letter, no half-finished undo.
 *
 * The seed is printed; PLAINT_CRASH_SEED replays a run.
 */
import { caseSchema } from '../domain/collections';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../shared/random/seeded-random';

const writer = path.join(import.meta.dirname, 'test-support', 'operation-writer.ts');
const ROUNDS = 25;

interface Acknowledged {
  cases: Set<string>;
  letters: Map<string, string>;
  acknowledged: Set<string>;
  notes: Map<string, number>;
  undone: Set<string>;
  undoing: Set<string>;
  count: number;
}

/**
 * The writer, bundled once into plain JavaScript (its dependencies stay in node_modules): each
 * round then starts in about a second instead of compiling TypeScript again, so 25 rounds stay
 * affordable on a busy machine.
 */
async function bundleWriter(directory: string): Promise<string> {
  const outfile = path.join(directory, 'operation-writer.mjs');
  await build({ entryPoints: [writer], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node22', packages: 'external', logLevel: 'silent' });
  return outfile;
}

function runAndKill(bundle: string, directory: string, seed: number, killAfterMs: number, seen: Acknowledged): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bundle, directory, String(seed)], {
      stdio: ['ignore', 'pipe', 'pipe'],
      cwd: path.resolve(import.meta.dirname, '..', '..', '..'),
    });
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) record(line, seen, () => setTimeout(() => child.kill('SIGKILL'), killAfterMs));
    });
    child.once('exit', (_code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`the writer stopped by itself: ${errors.slice(-2000)}`))));
  });
}

function record(line: string, seen: Acknowledged, onReady: () => void): void {
  const [what, id = '', caseId = ''] = line.split(' ');
  if (what === 'READY') return onReady();
  if (what === 'CASE') seen.cases.add(id);
  else if (what === 'LETTER') seen.letters.set(id, caseId);
  else if (what === 'ACK') seen.acknowledged.add(id);
  else if (what === 'NOTE') seen.notes.set(id, (seen.notes.get(id) ?? 0) + 1);
  else if (what === 'UNDOING') seen.undoing.add(id);
  else if (what === 'UNDONE') seen.undone.add(id);
  else if (what === 'KEPT') seen.undoing.delete(id);
  else return;
  if (what !== 'UNDOING' && what !== 'KEPT') seen.count += 1;
}

type Doc = Record<string, unknown> & { id: string };

function live(db: Database.Database, collection: string, version: number): Doc[] {
  const table = `rx__${collection}__v${version}`;
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  if (!exists) return [];
  return (db.prepare(`SELECT doc FROM "${table}" WHERE deleted = 0`).pluck().all() as string[]).map((json) => JSON.parse(json) as Doc);
}

interface Findings {
  lost: string[];
  halfWritten: string[];
  integrity: string;
}

function inspect(directory: string, seen: Acknowledged): Findings {
  const db = new Database(path.join(directory, 'plaint.sqlite'), { readonly: true });
  try {
    const cases = new Map(live(db, 'cases', caseSchema.version).map((doc) => [doc.id, doc]));
    const timeline = live(db, 'timeline', 0);
    const letters = new Map(live(db, 'letters', 0).map((doc) => [doc.id, doc]));
    const files = new Map(live(db, 'files', 0).map((doc) => [doc.id, doc]));
    const chunks = live(db, 'fileChunks', 0);
    const lost: string[] = [];
    const half: string[] = [];
    const entriesOf = new Map<string, Doc[]>();
    for (const entry of timeline) entriesOf.set(String(entry['caseId']), [...(entriesOf.get(String(entry['caseId'])) ?? []), entry]);

    // Every case has its creation entries; every timeline entry has its case.
    for (const [id] of cases) {
      const created = (entriesOf.get(id) ?? []).filter((entry) => entry['kind'] === 'transition' && (entry['data'] as { action?: string }).action === 'create');
      if (created.length !== 1) half.push(`case ${id} has ${created.length} creation entries`);
    }
    for (const entry of timeline) if (!cases.has(String(entry['caseId']))) half.push(`timeline entry ${entry.id} has no case`);

    // Letters: a live letter's case exists and records it; a voided letter keeps no scans.
    for (const [id, letter] of letters) {
      const caseId = letter['caseId'] as string | null;
      if (letter['voided']) {
        if ((letter['files'] as unknown[]).length > 0) half.push(`voided letter ${id} still lists scans`);
        if (letter['kind'] === 'new-complaint' && caseId && cases.has(caseId)) half.push(`undone letter ${id} left its case`);
        continue;
      }
      if (!caseId || !cases.has(caseId)) {
        half.push(`letter ${id} has no case`);
        continue;
      }
      const recorded = (entriesOf.get(caseId) ?? []).some(
        (entry) => entry['kind'] === 'communication' && (entry['data'] as { letterId?: string }).letterId === id,
      );
      if (!recorded) half.push(`letter ${id} is not on its case's timeline`);
      for (const ref of letter['files'] as { id: string }[]) if (!files.has(ref.id)) half.push(`letter ${id} lists a missing scan ${ref.id}`);
    }
    // Scans: owned by a live letter, with every chunk; every chunk belongs to a scan.
    const chunkCount = new Map<string, number>();
    for (const chunk of chunks) chunkCount.set(String(chunk['fileId']), (chunkCount.get(String(chunk['fileId'])) ?? 0) + 1);
    for (const [id, file] of files) {
      const owner = letters.get(String(file['ownerId']));
      if (!owner || owner['voided']) half.push(`scan ${id} has no live letter`);
      if ((chunkCount.get(id) ?? 0) !== file['chunkCount']) half.push(`scan ${id} has ${chunkCount.get(id) ?? 0} of ${String(file['chunkCount'])} chunks`);
    }
    for (const [fileId] of chunkCount) if (!files.has(fileId)) half.push(`chunks of a missing scan ${fileId}`);

    // Acknowledged operations are all there (an undo may have committed before it was reported).
    const undoneOrUndoing = (letterId: string) => seen.undone.has(letterId) || seen.undoing.has(letterId);
    const undoneCases = new Set([...seen.letters].filter(([letterId]) => undoneOrUndoing(letterId)).map(([, caseId]) => caseId));
    for (const id of seen.cases) if (!cases.has(id)) lost.push(`case ${id}`);
    for (const [letterId, caseId] of seen.letters) {
      const letter = letters.get(letterId);
      if (!letter) lost.push(`letter ${letterId}`);
      else if (letter['voided'] && !undoneOrUndoing(letterId)) lost.push(`letter ${letterId} was voided without an undo`);
      else if (!letter['voided'] && seen.undone.has(letterId)) lost.push(`undo of ${letterId}`);
      if (!undoneCases.has(caseId) && !cases.has(caseId)) lost.push(`case ${caseId} of letter ${letterId}`);
    }
    for (const id of seen.acknowledged) if (cases.has(id) && cases.get(id)!['status'] === 'received') lost.push(`acknowledgement of ${id}`);
    for (const [id, count] of seen.notes) {
      const notes = (entriesOf.get(id) ?? []).filter((entry) => entry['kind'] === 'note').length;
      if (cases.has(id) && notes < count) lost.push(`${count - notes} notes on ${id}`);
    }
    return { lost, halfWritten: half, integrity: db.pragma('integrity_check', { simple: true }) as string };
  } finally {
    db.close();
  }
}

describe('crash rounds on whole operations', () => {
  it(`loses nothing acknowledged and leaves nothing half-written through ${ROUNDS} SIGKILLs`, async () => {
    const seed = Number(process.env['PLAINT_CRASH_SEED'] ?? Date.now() % 1_000_000_007);
    console.warn(`operations crash test: seed ${seed} (replay with PLAINT_CRASH_SEED=${seed})`);
    const random = seededRandom(seed);
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-operations-crash-'));
    // Inside the project, so the bundle's imports resolve from node_modules.
    const cache = path.resolve(import.meta.dirname, '..', '..', '..', 'node_modules', '.cache');
    fs.mkdirSync(cache, { recursive: true });
    const bundle = await bundleWriter(fs.mkdtempSync(path.join(cache, 'plaint-operations-writer-')));
    const seen: Acknowledged = {
      cases: new Set(),
      letters: new Map(),
      acknowledged: new Set(),
      notes: new Map(),
      undone: new Set(),
      undoing: new Set(),
      count: 0,
    };
    let lost = 0;
    let halfWritten = 0;
    try {
      for (let round = 0; round < ROUNDS; round += 1) {
        await runAndKill(bundle, directory, Math.floor(random() * 1e9), 50 + Math.floor(random() * 1500), seen);
        const findings = inspect(directory, seen);
        lost += findings.lost.length;
        halfWritten += findings.halfWritten.length;
        expect(findings.integrity, `round ${round}, seed ${seed}`).toBe('ok');
        expect(findings.lost, `round ${round}, seed ${seed}: acknowledged but missing`).toEqual([]);
        expect(findings.halfWritten, `round ${round}, seed ${seed}: half-written`).toEqual([]);
      }
    } finally {
      console.warn(`operations crash test: ${ROUNDS} rounds, ${seen.count} acknowledged operations, ${lost} lost, ${halfWritten} half-written (seed ${seed})`);
      fs.rmSync(directory, { recursive: true, force: true });
    }
    expect(seen.count).toBeGreaterThan(ROUNDS);
  }, 600_000);
});
