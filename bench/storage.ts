/**
 * npm run bench:storage — Plaint's SQLite RxStorage measured side by side with other storages
 * and with hand-written SQL, in one process. Prints tables; writes bench-results/storage.json.
 *
 * 1. RxDB's own performance test (runPerformanceTests) against this storage, RxDB's memory storage
 *    (the ceiling: no durability), a plain SQLite key–value table under the same RxStorage
 *    interface (the strongest peer that runs here: the same file format and fsync, no index
 *    columns), and two weak peers, Dexie on fake-indexeddb and localstorage's mock (both keep
 *    everything in JavaScript objects in memory; they are RxDB's usual reference points, not
 *    durable storages). The storages take turns round by round so machine noise hits all alike.
 *    Each metric is compared on its own; the summary is the geometric mean of the per-metric
 *    ratios (a sum of medians of different metrics would weigh the slow ones only).
 * 2. Complaint-office scale: 100 000 case-sized documents (~2 KB, seeded). Bulk insert, find by
 *    id, indexed filter + sort + limit 50, count and changed-since paging, through RxDB on this
 *    storage against the same work written directly in SQL on better-sqlite3 (statements
 *    prepared once). Read operations run once to warm up, then --rounds times with the two
 *    sides taking turns to go first; medians. The filter and count queries are measured twice on
 *    our side: through RxDB, which answers a repeated query on an unchanged collection from its
 *    query cache (no storage read at all: not a fair match for SQL, which runs each time), and at
 *    the storage interface, running in SQLite each time like the SQL side. Both sides have the same
 *    indexes (status + received, assignee + deadline, reference; ours also lead with "deleted").
 *
 * `plaintSqliteNormalSync` is the same storage with synchronous=NORMAL (no fsync per commit): not
 * the product's setting, shown so the cost of power-loss durability is visible.
 *
 * 3. With and without the key (issue 14, P-7.2): the complaint-scale operations through RxDB on
 *    this storage, on an encrypted database (a random 256-bit key, AEGIS-256 as every Plaint
 *    profile) and a plain one, taking turns run by run; the ratio encrypted / plain per operation
 *    (goal: at most 1.3×).
 * 4. Which cipher (issue 14): the bulk insert below RxDB, with better-sqlite3, plain and under each
 *    SQLite3MultipleCiphers cipher, taking turns (bench/lib/cipher-comparison.ts): why AEGIS.
 *
 * Options: --rounds N (default 3), --docs N (default 100000), --part 1|2|3|4 (default all).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3-multiple-ciphers';
import { IDBKeyRange, indexedDB } from 'fake-indexeddb';
import {
  createRxDatabase,
  getChangedDocumentsSince,
  type MangoQuery,
  type PreparedQuery,
  type RxCollection,
  type RxDatabase,
  type RxStorage,
  type RxStorageDefaultCheckpoint,
} from 'rxdb';
import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
import { getLocalStorageMock, getRxStorageLocalstorage } from 'rxdb/plugins/storage-localstorage';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { runPerformanceTests } from 'rxdb/plugins/test-utils';
import { getRxStorageSqlite } from '../src/main/storage';
import { ASSIGNEES, benchCaseSchema, makeBenchCases, STATUSES, type BenchCase } from './lib/case-documents';
import { compareCiphers, printCipherComparison } from './lib/cipher-comparison';
import { compareWithAndWithoutKey, isEncryptedFile, printKeyComparison, timedHere, type KeyedOperation } from './lib/key-comparison';
import { median, printTable, round, timed, writeResults } from './lib/report';

const { values: args } = parseArgs({
  options: { rounds: { type: 'string', default: '3' }, docs: { type: 'string', default: '100000' }, part: { type: 'string' } },
});
const ROUNDS = Number(args.rounds);
const DOCS = Number(args.docs);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-bench-'));

type Storages = Record<string, () => RxStorage<unknown, unknown>>;

const storages: Storages = {
  plaintSqlite: () => getRxStorageSqlite({ directory: fs.mkdtempSync(path.join(scratch, 'sqlite-')) }) as RxStorage<unknown, unknown>,
  // Not a contender: the same storage without an fsync per commit, to show what durability costs.
  plaintSqliteNormalSync: () =>
    getRxStorageSqlite({ directory: fs.mkdtempSync(path.join(scratch, 'sqlite-normal-')), synchronous: 'NORMAL' }) as RxStorage<unknown, unknown>,
  memory: () => getRxStorageMemory() as RxStorage<unknown, unknown>,
  plainSqliteKeyValue: () =>
    getRxStorageSqlite({ directory: fs.mkdtempSync(path.join(scratch, 'sqlite-kv-')), secondaryIndexes: false }) as RxStorage<unknown, unknown>,
  dexieFakeIndexedDb: () => getRxStorageDexie({ indexedDB, IDBKeyRange }) as RxStorage<unknown, unknown>,
  localstorageMock: () => getRxStorageLocalstorage({ localStorage: getLocalStorageMock() }) as RxStorage<unknown, unknown>,
};

async function rxdbPerformance(): Promise<Record<string, unknown>> {
  const samples: Record<string, Record<string, number[]>> = {};
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex += 1) {
    for (const [name, make] of Object.entries(storages)) {
      process.stdout.write(`RxDB performance test, round ${roundIndex + 1}/${ROUNDS}: ${name}\n`);
      const result = (await runPerformanceTests(make(), name, { runs: 1, log: false, waitBetweenTests: 0 })) as Record<string, unknown>;
      for (const [metric, value] of Object.entries(result)) {
        if (typeof value !== 'number' || ['collectionsAmount', 'docsAmount'].includes(metric)) continue;
        ((samples[metric] ??= {})[name] ??= []).push(value);
      }
    }
  }
  const names = Object.keys(storages);
  const metrics = Object.fromEntries(
    Object.entries(samples).map(([metric, byStorage]) => {
      const medians = Object.fromEntries(names.map((name) => [name, round(median(byStorage[name] ?? []))]));
      const ours = medians['plaintSqlite'] ?? 0;
      const ratios = Object.fromEntries(
        names.filter((name) => name !== 'plaintSqlite').map((name) => [`plaintSqliteTo_${name}`, round(ours / (medians[name] || 1e-9))]),
      );
      return [metric, { ...medians, ...ratios }];
    }),
  );
  const metricNames = Object.keys(metrics);
  const ratioTo = (other: string, metric: string) =>
    ((metrics[metric] as Record<string, number>)['plaintSqlite'] ?? 0) / ((metrics[metric] as Record<string, number>)[other] || 1e-9);
  // The geometric mean of per-metric ratios: each metric counts once, whatever its scale.
  const geometricMean = (other: string) =>
    round(Math.exp(metricNames.reduce((sum, metric) => sum + Math.log(Math.max(ratioTo(other, metric), 1e-9)), 0) / metricNames.length));
  const betterThan = (other: string) => metricNames.filter((metric) => ratioTo(other, metric) < 1);
  const peers = names.filter((name) => name !== 'plaintSqlite');
  const goals = Object.fromEntries(
    peers.flatMap((peer) => [
      [`metricsBetterThan_${peer}`, `${betterThan(peer).length}/${metricNames.length}`],
      [`geometricMeanRatioTo_${peer}`, geometricMean(peer)],
    ]),
  );
  printTable(
    `RxDB performance test: median ms of ${ROUNDS} rounds (lower is better); ratios are ours / theirs`,
    ['metric', ...names, ...peers.map((peer) => `ours/${peer}`)],
    metricNames
      .map((metric) => {
        const row = metrics[metric] as Record<string, number>;
        return [metric, ...names.map((name) => row[name] ?? 0), ...peers.map((peer) => round(ratioTo(peer, metric)))];
      })
      .concat([['geometric mean of ratios', ...names.map(() => ''), ...peers.map((peer) => geometricMean(peer))]]),
  );
  console.log('Dexie on fake-indexeddb and the localstorage mock keep their data in memory objects: weak peers, shown because RxDB uses them as references.');
  console.log(goals);
  return { rounds: ROUNDS, metrics, goals };
}

/** Names the RxDB rows whose repeated queries RxDB answers from its query cache (see rxOperations). */
const THROUGH_CACHE = ', through RxDB (its query cache)';

/** The same documents and indexes, written and read with plain SQL: the physical limit here. */
function openDirectSql(file: string) {
  const db = new Database(file);
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, reference TEXT NOT NULL, status TEXT NOT NULL, assignee TEXT NOT NULL,
    received_at REAL NOT NULL, next_deadline_at REAL NOT NULL, lwt REAL NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX cases_reference ON cases (reference);
    CREATE INDEX cases_status ON cases (status, received_at, id);
    CREATE INDEX cases_assignee ON cases (assignee, next_deadline_at, id);
    CREATE INDEX cases_changes ON cases (lwt, id);`);
  return db;
}

interface Operation {
  readonly name: string;
  readonly ours: () => Promise<number>;
  readonly sql: () => number;
}

type BenchDatabase = RxDatabase<{ cases: RxCollection<BenchCase> }>;
const BATCH = 2000;
const since = Date.UTC(2024, 6, 1);

/** The complaint-scale work through RxDB on one database (parts 2 and 3), each returning what it found. */
type RxWork = Record<
  | 'insert'
  | 'findById'
  | 'findByIdStorage'
  | 'myCases'
  | 'myCasesStorage'
  | 'newestByStatus'
  | 'newestByStatusStorage'
  | 'count'
  | 'countStorage'
  | 'changedSince',
  () => Promise<number>
>;

/** Page `i` of 200 of "my cases by deadline", "newest first by status", and count `i` of 60 by status and date. */
const myCasesPage = (i: number): MangoQuery<BenchCase> => ({
  selector: { assignee: ASSIGNEES[i % 25] },
  sort: [{ nextDeadlineAt: 'asc' }],
  skip: i,
  limit: 50,
});
const newestByStatusPage = (i: number): MangoQuery<BenchCase> => ({
  selector: { status: STATUSES[i % 6] },
  sort: [{ receivedAt: 'desc' }, { id: 'desc' }],
  skip: i,
  limit: 50,
});
const countByStatusSince = (i: number): MangoQuery<BenchCase> => ({ selector: { status: STATUSES[i % 6], receivedAt: { $gt: since + i * 86_400_000 } } });

function rxOperations(rx: BenchDatabase, cases: readonly BenchCase[], lookups: readonly string[]): RxWork {
  // Through RxDB, a query repeated on an unchanged collection is answered from RxDB's query cache
  // without reaching the storage: after the warm-up, the RxDB rows measure that cache. The storage
  // rows run RxDB's own prepared queries (prepared once, as an RxQuery keeps its own, and as the SQL
  // side prepares its statements once) in SQLite every time: what a page costs when the data changed.
  const pages = (query: (i: number) => MangoQuery<BenchCase>, count: number) =>
    Array.from({ length: count }, (_, i) => rx.cases.find(query(i)).getPreparedQuery());
  const [myCasesPrepared, newestPrepared] = [pages(myCasesPage, 200), pages(newestByStatusPage, 200)];
  const countsPrepared = Array.from({ length: 60 }, (_, i) => rx.cases.count(countByStatusSince(i)).getPreparedQuery());
  const rowsAtStorage = async (prepared: readonly PreparedQuery<BenchCase>[]) => {
    let rows = 0;
    for (const query of prepared) rows += (await rx.cases.storageInstance.query(query)).documents.length;
    return rows;
  };
  return {
    insert: async () => {
      for (let i = 0; i < cases.length; i += BATCH) await rx.cases.bulkInsert(cases.slice(i, i + BATCH));
      return cases.length;
    },
    findById: async () => {
      let found = 0;
      for (const id of lookups) found += (await rx.cases.findByIds([id]).exec()).size;
      return found;
    },
    findByIdStorage: async () => {
      let found = 0;
      for (const id of lookups) found += (await rx.cases.storageInstance.findDocumentsById([id], false)).length;
      return found;
    },
    myCases: async () => {
      let rows = 0;
      for (let i = 0; i < 200; i += 1) rows += (await rx.cases.find(myCasesPage(i)).exec()).length;
      return rows;
    },
    myCasesStorage: () => rowsAtStorage(myCasesPrepared),
    newestByStatus: async () => {
      let rows = 0;
      for (let i = 0; i < 200; i += 1) rows += (await rx.cases.find(newestByStatusPage(i)).exec()).length;
      return rows;
    },
    newestByStatusStorage: () => rowsAtStorage(newestPrepared),
    count: async () => {
      let total = 0;
      for (let i = 0; i < 60; i += 1) total += await rx.cases.count(countByStatusSince(i)).exec();
      return total;
    },
    countStorage: async () => {
      let total = 0;
      for (const query of countsPrepared) total += (await rx.cases.storageInstance.count(query)).count;
      return total;
    },
    changedSince: async () => {
      let read = 0;
      let checkpoint: RxStorageDefaultCheckpoint | undefined;
      for (;;) {
        const page = await getChangedDocumentsSince(rx.cases.storageInstance, 1000, checkpoint);
        if (page.documents.length === 0) return read;
        read += page.documents.length;
        checkpoint = page.checkpoint as RxStorageDefaultCheckpoint;
      }
    },
  };
}

async function openBenchDatabase(directory: string, key?: string, name = 'bench'): Promise<BenchDatabase> {
  const rx = await createRxDatabase<{ cases: RxCollection<BenchCase> }>({
    name,
    storage: getRxStorageSqlite({ directory, ...(key ? { key } : {}) }),
    multiInstance: false,
    allowSlowCount: true,
  });
  await rx.addCollections({ cases: { schema: benchCaseSchema } });
  return rx;
}

async function complaintScale(): Promise<Record<string, unknown>> {
  console.log(`\nGenerating ${DOCS} case documents…`);
  const cases = makeBenchCases(DOCS);
  const averageBytes = Math.round(cases.slice(0, 1000).reduce((sum, doc) => sum + JSON.stringify(doc).length, 0) / 1000);
  const ourDirectory = fs.mkdtempSync(path.join(scratch, 'ours-'));
  const sqlFile = path.join(fs.mkdtempSync(path.join(scratch, 'sql-')), 'direct.sqlite');
  const rx = await openBenchDatabase(ourDirectory);
  const sql = openDirectSql(sqlFile);
  const ids = cases.map((doc) => doc.id);
  const lookups = Array.from({ length: 2000 }, (_, i) => ids[(i * 7919) % ids.length] as string);
  const ours = rxOperations(rx, cases, lookups);

  const insertSql = sql.prepare('INSERT INTO cases VALUES (@id, @reference, @status, @assignee, @receivedAt, @nextDeadlineAt, @lwt, @doc)');
  const byId = sql.prepare('SELECT doc FROM cases WHERE id = ?').pluck();
  const byAssignee = sql.prepare('SELECT doc FROM cases WHERE assignee = ? ORDER BY next_deadline_at, id LIMIT 50 OFFSET ?').pluck();
  const newestByStatus = sql.prepare('SELECT doc FROM cases WHERE status = ? ORDER BY received_at DESC, id DESC LIMIT 50 OFFSET ?').pluck();
  const countSql = sql.prepare('SELECT count(*) FROM cases WHERE status = ? AND received_at > ?').pluck();
  const changesSql = sql.prepare('SELECT doc FROM cases WHERE (lwt, id) > (?, ?) ORDER BY lwt, id LIMIT ?').pluck();
  const lwtById = sql.prepare('SELECT lwt FROM cases WHERE id = ?').pluck();
  const myCasesSql = () => {
    let rows = 0;
    for (let i = 0; i < 200; i += 1) rows += (byAssignee.all(ASSIGNEES[i % 25], i) as string[]).map((doc) => JSON.parse(doc) as unknown).length;
    return rows;
  };
  const newestByStatusSql = () => {
    let rows = 0;
    for (let i = 0; i < 200; i += 1) rows += (newestByStatus.all(STATUSES[i % 6], i) as string[]).map((doc) => JSON.parse(doc) as unknown).length;
    return rows;
  };
  const countsSql = () => {
    let total = 0;
    for (let i = 0; i < 60; i += 1) total += countSql.get(STATUSES[i % 6], since + i * 86_400_000) as number;
    return total;
  };

  const operations: Operation[] = [
    {
      name: `bulk insert ${DOCS} (batches of ${BATCH})`,
      ours: ours.insert,
      sql: () => {
        const insertBatch = sql.transaction((batch: BenchCase[]) => {
          for (const doc of batch) insertSql.run({ ...doc, lwt: Date.now(), doc: JSON.stringify(doc) });
        });
        for (let i = 0; i < cases.length; i += BATCH) insertBatch(cases.slice(i, i + BATCH));
        return cases.length;
      },
    },
    {
      name: 'find by id (2000 single lookups)',
      ours: ours.findById,
      sql: () => lookups.reduce((found, id) => found + (JSON.parse(byId.get(id) as string) ? 1 : 0), 0),
    },
    {
      name: 'find by id, storage interface only (2000 lookups)',
      ours: ours.findByIdStorage,
      sql: () => lookups.reduce((found, id) => found + (JSON.parse(byId.get(id) as string) ? 1 : 0), 0),
    },
    { name: `filter + sort + limit 50: my cases by deadline (200 pages)${THROUGH_CACHE}`, ours: ours.myCases, sql: myCasesSql },
    { name: 'filter + sort + limit 50: my cases by deadline (200 pages), storage interface only', ours: ours.myCasesStorage, sql: myCasesSql },
    { name: `filter + sort + limit 50: newest first by status (200 pages)${THROUGH_CACHE}`, ours: ours.newestByStatus, sql: newestByStatusSql },
    {
      name: 'filter + sort + limit 50: newest first by status (200 pages), storage interface only',
      ours: ours.newestByStatusStorage,
      sql: newestByStatusSql,
    },
    { name: `count by status and date (60 counts)${THROUGH_CACHE}`, ours: ours.count, sql: countsSql },
    { name: 'count by status and date (60 counts), storage interface only', ours: ours.countStorage, sql: countsSql },
    {
      name: `changed-since paging over all ${DOCS} (pages of 1000)`,
      ours: ours.changedSince,
      sql: () => {
        let read = 0;
        let checkpoint = { lwt: 0, id: '' };
        for (;;) {
          const docs = (changesSql.all(checkpoint.lwt, checkpoint.id, 1000) as string[]).map((doc) => JSON.parse(doc) as BenchCase & { lwt?: number });
          if (docs.length === 0) return read;
          read += docs.length;
          const last = docs.at(-1) as BenchCase;
          const row = lwtById.get(last.id) as number;
          checkpoint = { lwt: row, id: last.id };
        }
      },
    },
  ];

  const results = [];
  for (const [index, operation] of operations.entries()) {
    // The bulk insert fills both databases, so it runs once; reads warm up once, then take turns.
    const rounds = index === 0 ? 1 : ROUNDS;
    if (index > 0) {
      await operation.ours();
      operation.sql();
    }
    const oursMs: number[] = [];
    const sqlMs: number[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const timeOurs = async () => {
        const measured = await timed(operation.ours);
        oursMs.push(measured.ms);
        return measured.value;
      };
      const timeSql = async () => {
        const measured = await timed(async () => operation.sql());
        sqlMs.push(measured.ms);
        return measured.value;
      };
      const [oursValue, sqlValue] = round % 2 === 0 ? [await timeOurs(), await timeSql()] : [await timeSql(), await timeOurs()].reverse();
      if (oursValue !== sqlValue) throw new Error(`${operation.name}: ours returned ${oursValue}, SQL ${sqlValue}`);
    }
    const [ours, direct] = [median(oursMs), median(sqlMs)];
    results.push({ operation: operation.name, rounds, oursMs: round(ours), sqlMs: round(direct), ratio: round(ours / direct), within3x: ours <= 3 * direct });
    process.stdout.write(`  ${operation.name}: ours ${round(ours)} ms, SQL ${round(direct)} ms (median of ${rounds})\n`);
  }
  await rx.close();
  sql.close();
  const fileSize = (file: string) => round(fs.statSync(file).size / 1024 / 1024, 1);
  const files = { oursMiB: fileSize(path.join(ourDirectory, 'bench.sqlite')), sqlMiB: fileSize(sqlFile) };
  const peakRssMiB = round(process.resourceUsage().maxRSS / 1024, 0);
  printTable(
    `Complaint-office scale: ${DOCS} case documents of ~${averageBytes} bytes (ours = RxDB on Plaint's SQLite storage)`,
    ['operation', 'rounds', 'ours ms', 'direct SQL ms', 'ratio', 'within 3×'],
    results.map((row) => [row.operation, row.rounds, row.oursMs, row.sqlMs, row.ratio, row.within3x ? 'yes' : 'NO']),
  );
  console.log(`Files: ours ${files.oursMiB} MiB, direct SQL ${files.sqlMiB} MiB; peak RSS of this process ${peakRssMiB} MiB`);
  console.log('Rows "through RxDB (its query cache)": RxDB answers the repeated queries from its cache; compare SQL with the "storage interface only" rows.');
  return { documents: DOCS, averageDocumentBytes: averageBytes, operations: results, files, peakRssMiB };
}

/** Reads in part 3 run at least this often on each side: a ratio of two medians of 3 is mostly noise. */
const KEY_RUNS = Math.max(ROUNDS, 9);

/** Part 3 (issue 14): the same work on an encrypted and a plain database, taking turns. */
async function withAndWithoutKey(): Promise<Record<string, unknown>> {
  console.log(`\nWith and without the key: generating ${DOCS} case documents…`);
  const cases = makeBenchCases(DOCS);
  const ids = cases.map((doc) => doc.id);
  const lookups = Array.from({ length: 2000 }, (_, i) => ids[(i * 7919) % ids.length] as string);
  const key = randomBytes(32).toString('hex');
  const files: Record<'encrypted' | 'plain', string> = { encrypted: '', plain: '' };
  const open = (side: 'encrypted' | 'plain') => {
    const directory = fs.mkdtempSync(path.join(scratch, `key-${side}-`));
    // Two databases open at once need two names (RxDB refuses a duplicate).
    files[side] = path.join(directory, `bench-${side}.sqlite`);
    return openBenchDatabase(directory, side === 'encrypted' ? key : undefined, `bench-${side}`);
  };
  // The bulk insert fills a fresh pair of databases each round (which goes first alternates); the last pair is then read.
  const insertMs: Record<'encrypted' | 'plain', number[]> = { encrypted: [], plain: [] };
  let databases: Record<'encrypted' | 'plain', BenchDatabase> | null = null;
  for (let roundIndex = 0; roundIndex < ROUNDS; roundIndex += 1) {
    if (databases) await Promise.all([databases.encrypted.close(), databases.plain.close()]);
    const pair = { encrypted: await open('encrypted'), plain: await open('plain') };
    for (const side of roundIndex % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) {
      insertMs[side].push((await timed(rxOperations(pair[side], cases, lookups).insert)).ms);
    }
    databases = pair;
  }
  if (!databases) throw new Error('No rounds');
  const sides = databases;
  for (const side of ['encrypted', 'plain'] as const) {
    if (isEncryptedFile(files[side]) !== (side === 'encrypted')) throw new Error(`The ${side} database is ${side === 'encrypted' ? 'not ' : ''}encrypted`);
  }
  const operations = { encrypted: rxOperations(sides.encrypted, cases, lookups), plain: rxOperations(sides.plain, cases, lookups) };
  const [template] = makeBenchCases(1);
  if (!template) throw new Error('No case to copy');
  let written = 0;
  // Each call (the warm-up too) writes a document of its own.
  const single = (side: 'encrypted' | 'plain') => {
    written += 1;
    return sides[side].cases.insert({ ...template, id: `single-${written}-${side}`, reference: `SINGLE-${written}` }).then(() => 1);
  };
  const keyed: KeyedOperation[] = [
    { name: 'find by id (2000 single lookups)', runs: KEY_RUNS, measure: timedHere((side) => operations[side].findById()) },
    { name: 'find by id, storage interface only (2000 lookups)', runs: KEY_RUNS, measure: timedHere((side) => operations[side].findByIdStorage()) },
    {
      name: `filter + sort + limit 50: my cases by deadline (200 pages)${THROUGH_CACHE}`,
      runs: KEY_RUNS,
      measure: timedHere((side) => operations[side].myCases()),
    },
    {
      name: 'filter + sort + limit 50: my cases by deadline (200 pages), storage interface only',
      runs: KEY_RUNS,
      measure: timedHere((side) => operations[side].myCasesStorage()),
    },
    {
      name: `filter + sort + limit 50: newest first by status (200 pages)${THROUGH_CACHE}`,
      runs: KEY_RUNS,
      measure: timedHere((side) => operations[side].newestByStatus()),
    },
    {
      name: 'filter + sort + limit 50: newest first by status (200 pages), storage interface only',
      runs: KEY_RUNS,
      measure: timedHere((side) => operations[side].newestByStatusStorage()),
    },
    { name: `count by status and date (60 counts)${THROUGH_CACHE}`, runs: KEY_RUNS, measure: timedHere((side) => operations[side].count()) },
    { name: 'count by status and date (60 counts), storage interface only', runs: KEY_RUNS, measure: timedHere((side) => operations[side].countStorage()) },
    { name: `changed-since paging over all ${DOCS} (pages of 1000)`, runs: KEY_RUNS, measure: timedHere((side) => operations[side].changedSince()) },
    // One committed (fsynced) write at a time, as the app writes a note or a transition.
    { name: 'insert one document (a commit each)', runs: 100, measure: timedHere(single), agree: true },
  ];
  const reads = await compareWithAndWithoutKey(keyed);
  const insertRow = {
    operation: `bulk insert ${DOCS} (batches of ${BATCH}, fresh databases)`,
    runs: ROUNDS,
    encryptedMedianMs: round(median(insertMs.encrypted)),
    plainMedianMs: round(median(insertMs.plain)),
    ratioMedian: round(median(insertMs.encrypted) / median(insertMs.plain)),
    ratioP95: round(Math.max(...insertMs.encrypted) / Math.max(...insertMs.plain)),
    withinGoal: median(insertMs.encrypted) / median(insertMs.plain) <= 1.3,
  };
  const rows = [insertRow, ...reads];
  printKeyComparison(
    `With and without the key (issue 14): ${DOCS} case documents, RxDB on Plaint's SQLite storage (ratio = encrypted / plain; goal ≤ 1.3×)`,
    rows,
  );
  await Promise.all([sides.encrypted.close(), sides.plain.close()]);
  return { documents: DOCS, rounds: ROUNDS, operations: rows };
}

const output: Record<string, unknown> = { synchronous: 'FULL (default)' };
if (args.part === undefined || args.part === '1') output['rxdbPerformanceTest'] = await rxdbPerformance();
if (args.part === undefined || args.part === '2') output['complaintScale'] = await complaintScale();
if (args.part === undefined || args.part === '3') output['withAndWithoutKey'] = await withAndWithoutKey();
if (args.part === undefined || args.part === '4') {
  const rows = compareCiphers(makeBenchCases(DOCS), ROUNDS, fs.mkdtempSync(path.join(scratch, 'ciphers-')));
  printCipherComparison(
    `Which cipher (issue 14): bulk insert of ${DOCS} case rows with better-sqlite3, batches of 2000, then the WAL checkpointed; ${ROUNDS} rounds, taking turns (ratio = cipher / plain)`,
    rows,
  );
  output['ciphers'] = { documents: DOCS, rounds: ROUNDS, loadAverage: os.loadavg().map((load) => round(load)), ciphers: rows };
}
console.log(`\nWrote ${writeResults('storage', output)}`);
fs.rmSync(scratch, { recursive: true, force: true });
