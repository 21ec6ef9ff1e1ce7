/**
 * npm run bench:scale — what a new device costs under need-to-know replication (issue 19),
 * against a local pouchdb-server seeded with the demo team's cases (each demo department has a
 * tenth of them), side by side in one run:
 *
 * - a new **caseworker's** device (one department, `--department`, Warehouse by default: a tenth
 *   of the cases) and
 * - a new **manager's** device (every case: what full replication gave every device before).
 *
 * For each: bytes on the device once fully synced, counted the same way on both: every file of
 * its data directory as found, then again after the database's WAL is checkpointed (so a page
 * counts once, whichever device still had more of it waiting in the log), with the database's
 * free pages and its pages in use per collection (storage/storage-footprint.ts); time from
 * sign-in until the case list shows a first page; time until fully synced ("up to date" with
 * every case it may see); and the requests and bytes it read from the server (a counting proxy
 * in between). The share of the cases and the share of the bytes are printed side by side (the
 * goal: no more bytes than cases, "10% of the bytes for 10% of the cases").
 * Writes bench-results/scale.json. Options: --cases N (default 1000), --department NAME.
 *
 * Not modelled here: scans (file contents are fetched on demand since issue 19, so they are not
 * part of either replica).
 */
import http from 'node:http';
import { parseArgs } from 'node:util';
import { startCouchServer } from '../src/main/sync/local-server/pouchdb-server';
import { connect, startDevice, waitUntil, type Device, type DeviceFootprint } from '../src/main/sync/test-support/devices';
import { printTable, round, writeResults } from './lib/report';

// Warehouse by default: its caseworker sees the demo's tenth of the cases, the 10%. Customer
// service also receives every stage-2 escalation (P-4.2: forwarded to its head), so its caseworker
// sees about a fifth, and the longest timelines.
const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' }, department: { type: 'string', default: 'Warehouse' } } });
const CASES = Number(values.cases);
const DEPARTMENT = values.department;
const RETRY = { firstMs: 1_000, maxMs: 10_000 };
const PASSWORD = 'correct horse battery';
const say = (line: string) => process.stdout.write(`${line}\n`);

/** A loopback proxy that counts the requests a device sends and the bytes it reads back. */
async function countingProxy(target: string): Promise<{ url: string; requests: () => number; bytesRead: () => number; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let requests = 0;
  let bytesRead = 0;
  const server = http.createServer((request, response) => {
    requests += 1;
    const forwarded = http.request(
      { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.on('data', (chunk: Buffer) => {
          bytesRead += chunk.length;
          response.write(chunk);
        });
        answer.on('end', () => response.end());
        answer.on('error', () => response.socket?.destroy());
      },
    );
    forwarded.on('error', () => response.socket?.destroy());
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The proxy has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests: () => requests,
    bytesRead: () => bytesRead,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

/** Bytes on the device, counted the same way on both: every file after the WAL is checkpointed, and the database's pages by collection. */
function bytesOf(footprint: DeviceFootprint): { asFound: number; onDevice: number; free: number; byCollection: Record<string, number>; otherFiles: number } {
  const total = (files: Readonly<Record<string, number>>) => Object.values(files).reduce((sum, bytes) => sum + bytes, 0);
  const onDevice = total(footprint.files);
  const byCollection: Record<string, number> = {};
  for (const database of footprint.databases)
    for (const [collection, bytes] of Object.entries(database.byCollection)) byCollection[collection] = (byCollection[collection] ?? 0) + bytes;
  const databaseFiles = new Set(footprint.databases.flatMap((database) => [database.file, `${database.file}-wal`]));
  const otherFiles = Object.entries(footprint.files).reduce((sum, [file, bytes]) => sum + (databaseFiles.has(file) ? 0 : bytes), 0);
  return {
    asFound: total(footprint.asFound),
    onDevice,
    free: footprint.databases.reduce((sum, database) => sum + database.freeBytes, 0),
    byCollection,
    otherFiles,
  };
}

const couch = await startCouchServer();
say(`Seeding ${CASES} demo cases and pushing them to the server…`);
const source = await startDevice('source', { retry: RETRY });
await source.seedDemo(CASES);
await source.call('staff.save', { name: 'Case Worker', login: 'worker', roles: ['caseworker'], departments: [DEPARTMENT], password: PASSWORD });
await source.call('staff.save', { name: 'Team Manager', login: 'boss', roles: ['manager'], departments: [], password: PASSWORD });
await connect(source, couch.url);
await waitUntil(async () => (await source.call('sync.status', {})).state === 'up-to-date', 'the source device to push the team', 1_800_000);
const totalCases = await source.count('cases');

interface DeviceResult {
  readonly measures: Record<string, number>;
  readonly byCollection: Record<string, number>;
  /** Each file of the data directory as found and after the checkpoint. */
  readonly files: { readonly asFound: Readonly<Record<string, number>>; readonly checkpointed: Readonly<Record<string, number>> };
}

async function newDevice(name: string, login: string): Promise<DeviceResult> {
  const proxy = await countingProxy(couch.url);
  const device: Device = await startDevice(name, { retry: RETRY, signedOut: true });
  await device.call('session.joinTeam', { enabled: true, serverUrl: proxy.url, database: 'team', username: '' });
  await waitUntil(async () => (await device.call('session.current', {})).state === 'signed-out', 'the directory', 600_000);
  await waitUntil(async () => (await device.call('session.signIn', { login, password: PASSWORD })).state === 'signed-in', 'the sign-in', 600_000);
  const signedIn = performance.now();
  await waitUntil(async () => (await device.call('cases.list', { limit: 25 })).items.length > 0, 'a first page of cases', 1_800_000);
  const usable = performance.now() - signedIn;
  await waitUntil(async () => (await device.call('sync.status', {})).state === 'up-to-date', 'fully synced', 1_800_000);
  const synced = performance.now() - signedIn;
  const cases = await device.count('cases');
  const timeline = await device.count('timeline');
  // Every shared document it holds: the share of the data, beside the share of the cases.
  const documents = cases + timeline + (await device.count('letters')) + (await device.count('files'));
  const footprint = await device.footprint();
  const bytes = bytesOf(footprint);
  const measures = {
    cases,
    timelineEntries: timeline,
    documents,
    usableListMs: round(usable),
    fullySyncedMs: round(synced),
    serverRequests: proxy.requests(),
    bytesReadFromServer: proxy.bytesRead(),
    bytesAsFound: bytes.asFound,
    bytesOnDevice: bytes.onDevice,
    freeDatabaseBytes: bytes.free,
    otherFileBytes: bytes.otherFiles,
  };
  await device.close().catch(() => undefined);
  await proxy.close();
  return { measures, byCollection: bytes.byCollection, files: { asFound: footprint.asFound, checkpointed: footprint.files } };
}

const caseworker = await newDevice('caseworker', 'worker');
const manager = await newDevice('manager', 'boss');
const ratio = (part: number, whole: number) => round(part / Math.max(1, whole), 3);
const rows = (
  [
    'cases',
    'timelineEntries',
    'documents',
    'bytesAsFound',
    'bytesOnDevice',
    'freeDatabaseBytes',
    'otherFileBytes',
    'usableListMs',
    'fullySyncedMs',
    'serverRequests',
    'bytesReadFromServer',
  ] as const
).map(
  (measure) =>
    [
      measure,
      caseworker.measures[measure] ?? 0,
      manager.measures[measure] ?? 0,
      ratio(caseworker.measures[measure] ?? 0, manager.measures[measure] ?? 0),
    ] as const,
);
printTable(
  `A new device under need-to-know replication, ${totalCases} cases on the server`,
  ['measure', 'caseworker (one department)', 'manager (full replica)', 'caseworker / manager'],
  rows,
);
// Where the bytes are: pages in use per collection (tables, their indexes and RxDB's replication state), largest first.
const collections = [...new Set([...Object.keys(caseworker.byCollection), ...Object.keys(manager.byCollection)])].sort(
  (a, b) => (manager.byCollection[b] ?? 0) - (manager.byCollection[a] ?? 0),
);
const collectionRows = collections.map(
  (name) =>
    [
      name,
      caseworker.byCollection[name] ?? 0,
      manager.byCollection[name] ?? 0,
      ratio(caseworker.byCollection[name] ?? 0, manager.byCollection[name] ?? 0),
    ] as const,
);
printTable('Database pages in use by collection (bytes, WAL checkpointed)', ['collection', 'caseworker', 'manager', 'ratio'], collectionRows);
const goal = {
  casesShare: ratio(caseworker.measures['cases'] ?? 0, manager.measures['cases'] ?? 0),
  documentsShare: ratio(caseworker.measures['documents'] ?? 0, manager.measures['documents'] ?? 0),
  bytesShare: ratio(caseworker.measures['bytesOnDevice'] ?? 0, manager.measures['bytesOnDevice'] ?? 0),
};
say(
  `\nShare of the full replica held by the caseworker (${DEPARTMENT}): ${goal.casesShare} of the cases, ${goal.documentsShare} of the documents, ${goal.bytesShare} of the bytes ` +
    `(goal, issue 19: a bytes share no larger than the cases share, "10% of the bytes for 10% of the cases": ${goal.bytesShare <= goal.casesShare ? 'met' : 'NOT met'})`,
);
console.log(
  `Wrote ${writeResults('scale', {
    casesOnServer: totalCases,
    department: DEPARTMENT,
    caseworker: caseworker.measures,
    manager: manager.measures,
    ratios: Object.fromEntries(rows.map(([measure, , , value]) => [measure, value])),
    share: goal,
    byCollection: { caseworker: caseworker.byCollection, manager: manager.byCollection },
    files: { caseworker: caseworker.files, manager: manager.files },
  })}`,
);
await source.close();
await couch.close();
