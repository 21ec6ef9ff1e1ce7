/**
 * npm run bench:cases — the complaint domain at 100 000 realistic cases (seeded generator,
 * driven through the real workflow). Each operation is timed many times (median and p95) and
 * compared with the same work on a direct-SQL copy of the data (or, for text search, a plain
 * full scan of the same data), measured side by side in this run. Writes bench-results/cases.json.
 *
 * Need-to-know (P-7.1): the list, count and search for a caseworker who sees about a tenth of the
 * cases (one department of the demo data) are measured side by side with the same operations for
 * a manager who sees them all, in the same run, and printed as ratios (no timed assertions).
 * "Open a case" now includes writing its access log entry (P-7.2) on the first visit.
 *
 * With and without the key (issue 14, P-7.2): the profile measured above is encrypted at rest, as
 * every Plaint profile is. Then an encrypted and a plain profile are seeded with the same
 * generator, each in a worker process of its own (lib/case-profiles.ts), and the domain operations
 * run on both, taking turns run by run; the ratio encrypted / plain is printed per operation
 * (goal: at most 1.3×).
 *
 * Options: --cases N (default 100000).
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import type { CaseDocument } from '../src/main/domain/collections';
import { unwrapSqliteInstance } from '../src/main/storage';
import type { Viewer } from '../src/shared/identity/viewer';
import { deadlineState, type Deadline } from '../src/shared/sla';
import { withDerivedFields } from '../src/main/domain/case-derivation';
import type { TimelineEntry } from '../src/shared/domain/records';
import type { CaseOperation } from './lib/case-profile-protocol';
import { startCaseProfile } from './lib/case-profiles';
import { compareWithAndWithoutKey, isEncryptedFile, printKeyComparison, type KeyedOperation } from './lib/key-comparison';
import { median, percentile, printTable, round, writeResults } from './lib/report';
import { startSeededProfile } from './lib/seeded-profile';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '100000' } } });
const COUNT = Number(args.cases);
const { scratch, services, domain } = await startSeededProfile('cases', COUNT);
// Calls are made as the seed administrator (every role), or as a given viewer (need-to-know, P-7.1).
const call = async <T>(method: string, input: unknown, viewer?: Viewer): Promise<T> => {
  const response = await services.dispatch(method, input, viewer ? { host: 'test', viewer } : { host: 'test' });
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as T;
};

if (!isEncryptedFile(path.join(scratch, 'profile', 'plaint.sqlite'))) throw new Error('The profile is not encrypted at rest');

// The same data in plain SQL tables with the indexes a hand-written app would use.
const sql = new Database(path.join(scratch, 'direct.sqlite'));
sql.pragma('journal_mode = WAL');
sql.pragma('synchronous = FULL');
sql.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, reference TEXT, status TEXT, open INTEGER, assignee_id TEXT, next_due_at REAL, received_at TEXT, doc TEXT);
  CREATE INDEX cases_open_due ON cases (open, next_due_at, id); CREATE INDEX cases_assignee ON cases (assignee_id, open, next_due_at, id);
  CREATE INDEX cases_status ON cases (status, received_at, id); CREATE INDEX cases_reference ON cases (reference);
  CREATE TABLE timeline (id TEXT PRIMARY KEY, case_id TEXT, at TEXT, recorded_at TEXT, ord INTEGER, doc TEXT); CREATE INDEX timeline_case ON timeline (case_id, at, recorded_at, ord);`);
{
  const insertCase = sql.prepare('INSERT INTO cases VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertEntry = sql.prepare('INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?)');
  const copy = sql.transaction((cases: CaseDocument[], entries: TimelineEntry[]) => {
    for (const c of cases) insertCase.run(c.id, c.reference, c.status, c.open ? 1 : 0, c.assigneeId, c.nextDueAt, c.receivedAt, JSON.stringify(c));
    for (const e of entries) insertEntry.run(e.id, e.caseId, e.at, e.recordedAt, e.order, JSON.stringify(e));
  });
  // Setup, not measured: read the rows straight from the storage's tables.
  const source = unwrapSqliteInstance<CaseDocument>(domain.db.cases.storageInstance);
  const timelineSource = unwrapSqliteInstance<TimelineEntry>(domain.db.timeline.storageInstance);
  if (!source || !timelineSource) throw new Error('Not the SQLite storage');
  const read = (table: string) =>
    (source.internals.connection.db.prepare(`SELECT doc FROM ${table} WHERE deleted = 0`).pluck().all() as string[]).map((json) => JSON.parse(json) as unknown);
  copy(read(source.internals.layout.documentsTable) as CaseDocument[], read(timelineSource.internals.layout.documentsTable) as TimelineEntry[]);
}

const staffIds = (await domain.db.staff.find().exec()).map((member) => member.id);
const anyIds = (await domain.db.cases.find({ sort: [{ receivedAt: 'desc' }], limit: 2000 }).exec()).map((d) => d.id);
// A real workflow transition needs a case in the state it starts from: one acknowledged case per run.
const acknowledged = (await domain.db.cases.find({ selector: { status: 'acknowledged' }, limit: 400 }).exec()).map((d) => d.id);
const now = Date.now();
const { slaPolicy } = await domain.settings.values();
const calendar = await domain.settings.calendar();

interface Measure {
  readonly name: string;
  readonly runs: number;
  /** Each side returns what it found, so the two can be checked to agree. */
  readonly ours: (run: number) => Promise<unknown>;
  readonly baseline: (run: number) => unknown;
  readonly baselineKind: 'direct SQL' | 'full scan';
}

// The baseline prepares its statements once, as a careful hand-written app would.
const statements = {
  listMine: sql.prepare('SELECT doc FROM cases WHERE open = 1 AND assignee_id = ? ORDER BY next_due_at, id LIMIT 100 OFFSET ?').pluck(),
  listOpen: sql.prepare('SELECT doc FROM cases WHERE open = 1 ORDER BY next_due_at, id LIMIT 100 OFFSET ?').pluck(),
  listBreached: sql.prepare('SELECT doc FROM cases WHERE open = 1 AND next_due_at < ? ORDER BY next_due_at, id LIMIT 100 OFFSET ?').pluck(),
  countMine: sql.prepare('SELECT count(*) FROM cases WHERE open = 1 AND assignee_id = ?').pluck(),
  countOpen: sql.prepare('SELECT count(*) FROM cases WHERE open = 1').pluck(),
  countBreached: sql.prepare('SELECT count(*) FROM cases WHERE open = 1 AND next_due_at < ?').pluck(),
  allCases: sql.prepare('SELECT doc FROM cases').pluck(),
  caseById: sql.prepare('SELECT doc FROM cases WHERE id = ?').pluck(),
  timelineOf: sql.prepare('SELECT doc FROM timeline WHERE case_id = ? ORDER BY at, recorded_at, ord').pluck(),
  openByDue: sql.prepare('SELECT doc FROM cases WHERE open = 1 ORDER BY next_due_at, id').pluck(),
  updateCase: sql.prepare('UPDATE cases SET status = ?, doc = ? WHERE id = ?'),
  insertEntry: sql.prepare('INSERT INTO timeline VALUES (?, ?, ?, ?, ?, ?)'),
};
const terms = ['smith', 'berzins', 'refund', 'parcel damaged', 'patel', 'locked', 'olivia jones', 'courier'];
const fold = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const idsOf = (rows: readonly string[]) => rows.map((row) => (JSON.parse(row) as CaseDocument).id);

const measures: Measure[] = [
  {
    // Every run asks a different page (offset = run) so no query cache answers it.
    name: 'case list: filter + sort + a page of 100 (with total)',
    runs: 60,
    baselineKind: 'direct SQL',
    ours: async (run) => {
      const view = run % 3;
      const filters = view === 0 ? { open: true, assigneeIds: [staffIds[run % staffIds.length]] } : view === 1 ? { open: true } : { deadline: 'breached' };
      const page = await call<{ items: { id: string }[]; total: number }>('cases.list', {
        filters,
        sort: { field: 'nextDueAt', direction: 'asc' },
        offset: run,
        limit: 100,
      });
      return { ids: page.items.map((item) => item.id), total: page.total };
    },
    baseline: (run) => {
      const view = run % 3;
      const staff = staffIds[run % staffIds.length];
      if (view === 0) return { ids: idsOf(statements.listMine.all(staff, run) as string[]), total: statements.countMine.get(staff) };
      if (view === 1) return { ids: idsOf(statements.listOpen.all(run) as string[]), total: statements.countOpen.get() };
      return { ids: idsOf(statements.listBreached.all(listNow, run) as string[]), total: statements.countBreached.get(listNow) };
    },
  },
  {
    name: 'text search (name, summary, description)',
    runs: 40,
    baselineKind: 'full scan',
    ours: async (run) => (await call<{ total: number }>('cases.list', { search: terms[run % terms.length], limit: 100 })).total > 0,
    baseline: (run) => {
      const words = fold(terms[run % terms.length] ?? '').split(' ');
      let matches = 0;
      for (const json of statements.allCases.iterate() as IterableIterator<string>) {
        const c = JSON.parse(json) as CaseDocument;
        const text = fold(`${c.reference} ${c.complainant.name} ${c.summary} ${c.description}`);
        if (words.every((word) => text.includes(word))) matches += 1;
      }
      // The index also finds word prefixes and more fields, so only "found something" is compared.
      return matches > 0;
    },
  },
  {
    name: 'open a case with its timeline',
    runs: 200,
    baselineKind: 'direct SQL',
    ours: async (run) => (await call<{ case: { id: string }; timeline: unknown[] }>('cases.get', { caseId: anyIds[run % anyIds.length] })).timeline.length,
    baseline: (run) => {
      const id = anyIds[run % anyIds.length];
      JSON.parse(statements.caseById.get(id) as string);
      return (statements.timelineOf.all(id) as string[]).map((row) => JSON.parse(row) as unknown).length;
    },
  },
  {
    // P-4.1: acknowledged → investigating, with deadlines recomputed, the transition and the audit
    // entries recorded, in one transaction on both sides.
    name: 'a workflow transition (start the investigation)',
    runs: Math.min(200, Math.floor(acknowledged.length / 2)),
    baselineKind: 'direct SQL',
    ours: async (run) =>
      (
        await call<{ case: { status: string } }>('cases.act', {
          caseId: acknowledged[2 * run],
          action: { type: 'startInvestigation', at: new Date().toISOString() },
        })
      ).case.status,
    baseline: (run) => {
      const id = acknowledged[2 * run + 1] ?? '';
      const at = new Date().toISOString();
      return sql
        .transaction(() => {
          const doc = JSON.parse(statements.caseById.get(id) as string) as CaseDocument;
          if (doc.status !== 'acknowledged') throw new Error(`${id} is ${doc.status}`);
          const next = withDerivedFields({ ...doc, status: 'investigating', updatedAt: at }, calendar, slaPolicy);
          statements.updateCase.run(next.status, JSON.stringify(next), id);
          statements.insertEntry.run(
            `bench-t-${run}`,
            id,
            at,
            at,
            0,
            JSON.stringify({ kind: 'transition', data: { action: 'startInvestigation', from: doc.status, to: next.status } }),
          );
          statements.insertEntry.run(
            `bench-a-${run}`,
            id,
            at,
            at,
            1,
            JSON.stringify({ kind: 'audit', data: { field: 'status', before: doc.status, after: next.status } }),
          );
          return next.status;
        })
        .immediate();
    },
  },
  {
    name: "every open case's deadline states",
    runs: 8,
    baselineKind: 'direct SQL',
    ours: async () => (await domain.queries.openDeadlines(new Date())).length,
    baseline: () => {
      const at = new Date();
      let count = 0;
      for (const json of statements.openByDue.iterate() as IterableIterator<string>) {
        const c = JSON.parse(json) as CaseDocument;
        c.deadlines.filter((d: Deadline) => !d.metAt).forEach((d) => deadlineState(d, at));
        count += 1;
      }
      return count;
    },
  },
];

// The breached view compares with the moment the API call is made; the same instant for both.
let listNow = now;
const results = [];
for (const measure of measures) {
  const ours: number[] = [];
  const base: number[] = [];
  for (let run = 0; run < measure.runs; run += 1) {
    // Alternate which goes first so caches and noise fall on both alike.
    let oursFound: unknown;
    let baseFound: unknown;
    const timeOurs = async () => {
      const start = performance.now();
      oursFound = await measure.ours(run);
      ours.push(performance.now() - start);
    };
    const timeBase = () => {
      const start = performance.now();
      baseFound = measure.baseline(run);
      base.push(performance.now() - start);
    };
    listNow = Date.now();
    if (run % 2 === 0) {
      await timeOurs();
      timeBase();
    } else {
      timeBase();
      await timeOurs();
    }
    // Both sides must have done the same work: a baseline that finds less is no baseline.
    if (JSON.stringify(oursFound) !== JSON.stringify(baseFound)) {
      throw new Error(
        `${measure.name}, run ${run}: the two sides disagree: ${String(JSON.stringify(oursFound)).slice(0, 200)} vs ${String(JSON.stringify(baseFound)).slice(0, 200)}`,
      );
    }
  }
  const row = {
    operation: measure.name,
    runs: measure.runs,
    oursMedianMs: round(median(ours)),
    oursP95Ms: round(percentile(ours, 95)),
    baseline: measure.baselineKind,
    baselineMedianMs: round(median(base)),
    baselineP95Ms: round(percentile(base, 95)),
    ratioMedian: round(median(ours) / median(base)),
  };
  results.push(row);
  process.stdout.write(`  ${measure.name}: ours ${row.oursMedianMs} ms (p95 ${row.oursP95Ms}), ${measure.baselineKind} ${row.baselineMedianMs} ms\n`);
}
// P-7.1: a caseworker of one department (no cases assigned to them) beside a manager.
const manager: Viewer = { accountId: 'bench-manager', name: 'Bench Manager', roles: ['manager'], departments: [] };
const caseworker: Viewer = { accountId: 'bench-caseworker', name: 'Bench Caseworker', roles: ['caseworker'], departments: ['Billing'] };
const visibleToCaseworker = (await call<Record<string, number>>('cases.count', { views: { all: {} } }, caseworker))['all'] ?? 0;
interface PairedMeasure {
  readonly name: string;
  readonly runs: number;
  readonly run: (run: number, viewer: Viewer) => Promise<unknown>;
}
const paired: PairedMeasure[] = [
  {
    name: 'list: open cases by deadline, a page of 100 (with total)',
    runs: 40,
    run: (run, viewer) => call('cases.list', { filters: { open: true }, sort: { field: 'nextDueAt', direction: 'asc' }, offset: run, limit: 100 }, viewer),
  },
  {
    name: 'count: the status bar (open, breached, due today)',
    runs: 40,
    run: (_run, viewer) =>
      call('cases.count', { views: { open: { open: true }, breached: { deadline: 'breached' }, dueToday: { deadline: 'due-today' } } }, viewer),
  },
  { name: 'text search, a page of 100', runs: 40, run: (run, viewer) => call('cases.list', { search: terms[run % terms.length], limit: 100 }, viewer) },
];
const needToKnow = [];
for (const measure of paired) {
  const asCaseworker: number[] = [];
  const asManager: number[] = [];
  for (let run = 0; run < measure.runs; run += 1) {
    const time = async (viewer: Viewer, into: number[]) => {
      const start = performance.now();
      await measure.run(run, viewer);
      into.push(performance.now() - start);
    };
    // Alternate which goes first so caches and noise fall on both alike.
    if (run % 2 === 0) {
      await time(caseworker, asCaseworker);
      await time(manager, asManager);
    } else {
      await time(manager, asManager);
      await time(caseworker, asCaseworker);
    }
  }
  needToKnow.push({
    operation: measure.name,
    runs: measure.runs,
    caseworkerMedianMs: round(median(asCaseworker)),
    managerMedianMs: round(median(asManager)),
    ratioMedian: round(median(asCaseworker) / median(asManager)),
    ratioP95: round(percentile(asCaseworker, 95) / percentile(asManager, 95)),
  });
}
printTable(
  `Need-to-know (P-7.1): a caseworker who sees ${visibleToCaseworker} of ${COUNT} cases, beside a manager (ratio = caseworker / manager)`,
  ['operation', 'runs', 'caseworker median', 'manager median', 'ratio (median)', 'ratio (p95)'],
  needToKnow.map((r) => [r.operation, r.runs, r.caseworkerMedianMs, r.managerMedianMs, r.ratioMedian, r.ratioP95]),
);

printTable(
  `Complaint domain at ${COUNT} cases (ours = the API through the main-process services)`,
  ['operation', 'runs', 'ours median', 'ours p95', 'baseline', 'base median', 'base p95', 'ratio'],
  results.map((r) => [r.operation, r.runs, r.oursMedianMs, r.oursP95Ms, r.baseline, r.baselineMedianMs, r.baselineP95Ms, r.ratioMedian]),
);
const openCount = (await domain.queries.openDeadlines()).length;
console.log(`${openCount} of ${COUNT} cases are open. Peak RSS ${round(process.resourceUsage().maxRSS / 1024, 0)} MiB.`);
sql.close();
await services.close();

// Issue 14 (P-7.2): the same domain operations with and without the key, side by side, each
// profile in a worker process of its own (seeded alike; the profile above is closed first).
process.stdout.write(`\nWith and without the key: seeding an encrypted and a plain profile of ${COUNT} cases…\n`);
const workers = {
  encrypted: await startCaseProfile(path.join(scratch, 'encrypted'), 'encrypted', COUNT),
  plain: await startCaseProfile(path.join(scratch, 'plain'), 'plain', COUNT),
};
const keyed = (name: string, operation: CaseOperation, runs: number, agree = true): KeyedOperation => ({
  name,
  runs,
  agree,
  measure: (side, run) => workers[side].measure(operation, run),
});
const withAndWithoutKey = await compareWithAndWithoutKey([
  keyed('case list: open cases by deadline, a page of 100 (with total)', 'list', 40),
  keyed('count: the status bar (open, breached, due today)', 'count', 40),
  keyed('text search, a page of 100', 'search', 40),
  keyed('open a case with its timeline', 'open', 100, false),
  keyed(
    'a workflow transition (start the investigation)',
    'transition',
    Math.min(100, Math.min(workers.encrypted.acknowledged, workers.plain.acknowledged) - 1),
  ),
  keyed('add a note', 'note', 100, false),
  keyed("every open case's deadline states", 'deadlines', 8),
]);
printKeyComparison(`Encrypted at rest beside plain (issue 14, P-7.2): ${COUNT} cases each (ratio = encrypted / plain; goal ≤ 1.3×)`, withAndWithoutKey);
await Promise.all([workers.encrypted.close(), workers.plain.close()]);

console.log(
  `Wrote ${writeResults('cases', { cases: COUNT, openCases: openCount, operations: results, needToKnow: { caseworkerSees: visibleToCaseworker, operations: needToKnow }, withAndWithoutKey })}`,
);
fs.rmSync(scratch, { recursive: true, force: true });
