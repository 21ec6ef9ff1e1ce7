/**
 * npm run bench:sync — sync through a CouchDB-compatible server (pouchdb-server on loopback),
 * measured against PouchDB, the reference client of the CouchDB replication protocol, on the
 * same server, the same documents and the same machine, side by side in one run:
 *
 * 1. Initial sync: 10 000 cases with their timelines (and staff, settings, device codes) from
 *    the server into an empty device, until the device reports "up to date" — against
 *    PouchDB replicating the same databases into empty local LevelDB databases.
 * 2. Edit latency: one edit of a case on one device until the second device has it (both live)
 *    — against a PouchDB document edited in one local database until a second one has it,
 *    both live-syncing through the same server.
 *
 * Writes bench-results/sync.json with the medians and the ratios ours / PouchDB.
 * Like with like: PouchDB's edit-latency document is a copy of the very case Plaint edits (the
 * same size), and each side does at least 5 initial syncs, taking turns to go first.
 * Options: --cases N (default 10000), --runs N (initial syncs per side, default 5), --edits N (default 20).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import levelAdapter from 'pouchdb-adapter-leveldb';
import replication from 'pouchdb-replication';
import { startCouchServer } from '../src/main/sync/local-server/pouchdb-server';
import { LIVE_COLLECTIONS, remoteDatabaseName } from '../src/main/sync/replicated-collections';
import { connect, startDevice, waitUntil, type Device } from '../src/main/sync/test-support/devices';
import { median, percentile, printTable, round, timed, writeResults } from './lib/report';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '10000' }, runs: { type: 'string', default: '5' }, edits: { type: 'string', default: '20' } },
});
const CASES = Number(values.cases);
const RUNS = Number(values.runs);
const EDITS = Number(values.edits);
const TEAM = 'team';
const RETRY = { firstMs: 1_000, maxMs: 10_000 };

const Pouch = PouchDB.plugin(httpAdapter).plugin(levelAdapter).plugin(replication);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-bench-sync-'));
const couch = await startCouchServer();
const remote = (collection: (typeof LIVE_COLLECTIONS)[number]) => `${couch.url}/${remoteDatabaseName(TEAM, collection)}`;
const say = (line: string) => process.stdout.write(`${line}\n`);

async function upToDate(device: Device, timeoutMs = 900_000): Promise<void> {
  await waitUntil(async () => (await device.call('sync.status', {})).state === 'up-to-date', `${device.name} to be up to date`, timeoutMs);
}

// The team's data: a device with the demo cases pushes them to the server.
say(`Seeding ${CASES} cases and pushing them to the server…`);
const source = await startDevice('source', { retry: RETRY });
await source.seedDemo(CASES);
const push = await timed(async () => {
  await connect(source, couch.url);
  await upToDate(source);
});
const documents: Record<string, number> = {};
for (const collection of LIVE_COLLECTIONS) documents[collection.collection] = await source.count(collection.collection);
say(`Pushed ${documents['cases']} cases and ${documents['timeline']} timeline entries in ${round(push.ms / 1000, 1)} s.`);

async function initialSyncOurs(run: number): Promise<{ ms: number; device: Device }> {
  const device = await startDevice(`fresh-${run}`, { retry: RETRY });
  const { ms } = await timed(async () => {
    await connect(device, couch.url);
    await upToDate(device);
  });
  const cases = await device.count('cases');
  if (cases !== documents['cases']) throw new Error(`The fresh device has ${cases} cases, not ${documents['cases']}`);
  return { ms, device };
}

async function initialSyncPouch(run: number): Promise<number> {
  const { ms } = await timed(() =>
    Promise.all(
      LIVE_COLLECTIONS.map(async (collection) => {
        const local = new Pouch(path.join(scratch, `pouch-${run}-${collection.suffix}`));
        await Pouch.replicate(remote(collection), local, { batch_size: collection.batchSize });
        const count = (await local.info()).doc_count;
        if (count < (documents[collection.collection] ?? 0)) throw new Error(`PouchDB got ${count} ${collection.collection}`);
        await local.close();
      }),
    ),
  );
  return ms;
}

const ours: number[] = [];
const pouch: number[] = [];
let target: Device | null = null;
for (let run = 0; run < RUNS; run += 1) {
  // Alternate the order, so neither side always runs on a warmer server.
  const runOurs = async () => {
    const result = await initialSyncOurs(run);
    ours.push(result.ms);
    if (target) await result.device.close();
    else target = result.device;
  };
  const runPouch = async () => pouch.push(await initialSyncPouch(run));
  if (run % 2 === 0) {
    await runOurs();
    await runPouch();
  } else {
    await runPouch();
    await runOurs();
  }
  say(`Initial sync run ${run + 1}: ours ${round(ours.at(-1) ?? 0)} ms, PouchDB ${round(pouch.at(-1) ?? 0)} ms`);
}

// Edit latency: source edits, target (live) sees it.
if (!target) throw new Error('No synced device');
const receiver: Device = target;
const caseId = (await source.call('cases.list', { limit: 1 })).items[0]?.id;
if (!caseId) throw new Error('No case to edit');
const oursLatency: number[] = [];
for (let edit = 0; edit < EDITS; edit += 1) {
  const summary = `Edit ${edit} at ${Date.now()}`;
  await receiver.watchCase(caseId, summary);
  const startedAt = performance.timeOrigin + performance.now();
  await source.call('cases.updateDetails', { caseId, changes: { summary } });
  oursLatency.push((await receiver.seenAt(caseId)) - startedAt);
}

const editor = new Pouch(path.join(scratch, 'pouch-editor'));
const watcher = new Pouch(path.join(scratch, 'pouch-watcher'));
const editDatabase = `${couch.url}/${TEAM}_pouchlatency`;
await fetch(editDatabase, { method: 'PUT' });
const syncs = [Pouch.sync(editor, editDatabase, { live: true, retry: true }), Pouch.sync(watcher, editDatabase, { live: true, retry: true })];
// The same case document Plaint edits, so both sides move documents of the same size.
const editedCase = (await source.call('cases.get', { caseId })).case;
say(`Edit latency on a case document of ${JSON.stringify(editedCase).length} bytes on both sides.`);
let revision = (await editor.put({ ...editedCase, _id: 'case', summary: 'start' })).rev;
await waitUntil(async () => (await watcher.get('case').catch(() => null)) !== null, 'PouchDB to sync the first document');
const pouchLatency: number[] = [];
for (let edit = 0; edit < EDITS; edit += 1) {
  const summary = `Edit ${edit} at ${Date.now()}`;
  const seen = new Promise<number>((resolve) => {
    const feed = watcher.changes({ since: 'now', live: true, include_docs: true }).on('change', (change) => {
      if (change.doc?.['summary'] !== summary) return;
      feed.cancel();
      resolve(performance.timeOrigin + performance.now());
    });
  });
  const startedAt = performance.timeOrigin + performance.now();
  revision = (await editor.put({ ...editedCase, _id: 'case', _rev: revision, summary })).rev;
  pouchLatency.push((await seen) - startedAt);
}
syncs.forEach((sync) => sync.cancel());

const rows = [
  {
    measure: `initial sync of ${documents['cases']} cases + ${documents['timeline']} timeline entries (ms)`,
    ours: round(median(ours)),
    pouchdb: round(median(pouch)),
    ratio: round(median(ours) / median(pouch)),
  },
  {
    measure: `one edit reaching the second device (ms, median of ${EDITS})`,
    ours: round(median(oursLatency)),
    pouchdb: round(median(pouchLatency)),
    ratio: round(median(oursLatency) / median(pouchLatency)),
  },
  {
    measure: 'one edit reaching the second device (ms, p95)',
    ours: round(percentile(oursLatency, 95)),
    pouchdb: round(percentile(pouchLatency, 95)),
    ratio: round(percentile(oursLatency, 95) / percentile(pouchLatency, 95)),
  },
];
printTable(
  `Sync through pouchdb-server: Plaint (RxDB + SQLite) against PouchDB (LevelDB), ${RUNS} initial syncs each`,
  ['measure', 'ours', 'PouchDB', 'ours / PouchDB'],
  rows.map((row) => [row.measure, row.ours, row.pouchdb, row.ratio]),
);
console.log(
  `Wrote ${writeResults('sync', { cases: documents['cases'], documents, runs: RUNS, edits: EDITS, pushFromSourceMs: round(push.ms), initialSyncMs: { ours, pouchdb: pouch }, editLatencyMs: { ours: oursLatency.map((ms) => round(ms)), pouchdb: pouchLatency.map((ms) => round(ms)) }, results: rows })}`,
);

await Promise.all([editor.close(), watcher.close(), source.close(), receiver.close()]);
await couch.close();
fs.rmSync(scratch, { recursive: true, force: true });
