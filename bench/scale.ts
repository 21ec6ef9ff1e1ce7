/**
 * npm run bench:scale — what a new device costs under need-to-know replication (issue 19),
 * against a local pouchdb-server seeded with the demo team's cases (each demo department has a
 * tenth of them), side by side in one run:
 *
 * - a new **caseworker's** device (one department: a tenth of the cases) and
 * - a new **manager's** device (every case: what full replication gave every device before).
 *
 * For each: bytes on the device (its data directory, once fully synced), time from sign-in until
 * the case list shows a first page, time until fully synced ("up to date" with every case it may
 * see), and the requests and bytes it read from the server (a counting proxy in between).
 * Writes bench-results/scale.json. Options: --cases N (default 1000).
 *
 * Not modelled here: scans (file contents are fetched on demand since issue 19, so they are not
 * part of either replica) and the 10 000 / 100 000-case runs the issue asks for.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCouchServer } from '../src/main/sync/local-server/pouchdb-server';
import { connect, startDevice, waitUntil, type Device } from '../src/main/sync/test-support/devices';
import { printTable, round, writeResults } from './lib/report';

const { values } = parseArgs({ options: { cases: { type: 'string', default: '1000' } } });
const CASES = Number(values.cases);
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

function directoryBytes(directory: string): number {
  let total = 0;
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    total += entry.isDirectory() ? directoryBytes(full) : fs.statSync(full).size;
  }
  return total;
}

const couch = await startCouchServer();
say(`Seeding ${CASES} demo cases and pushing them to the server…`);
const source = await startDevice('source', { retry: RETRY });
await source.seedDemo(CASES);
await source.call('staff.save', { name: 'Case Worker', login: 'worker', roles: ['caseworker'], departments: ['Customer service'], password: PASSWORD });
await source.call('staff.save', { name: 'Team Manager', login: 'boss', roles: ['manager'], departments: [], password: PASSWORD });
await connect(source, couch.url);
await waitUntil(async () => (await source.call('sync.status', {})).state === 'up-to-date', 'the source device to push the team', 1_800_000);
const totalCases = await source.count('cases');

async function newDevice(name: string, login: string): Promise<Record<string, number>> {
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
  const result = {
    cases,
    timelineEntries: timeline,
    usableListMs: round(usable),
    fullySyncedMs: round(synced),
    serverRequests: proxy.requests(),
    bytesReadFromServer: proxy.bytesRead(),
    bytesOnDevice: directoryBytes(device.directory),
  };
  await device.close().catch(() => undefined);
  await proxy.close();
  return result;
}

const caseworker = await newDevice('caseworker', 'worker');
const manager = await newDevice('manager', 'boss');
const rows = (['cases', 'bytesOnDevice', 'usableListMs', 'fullySyncedMs', 'serverRequests', 'bytesReadFromServer'] as const).map(
  (measure) => [measure, caseworker[measure] ?? 0, manager[measure] ?? 0, round((caseworker[measure] ?? 0) / Math.max(1, manager[measure] ?? 0))] as const,
);
printTable(
  `A new device under need-to-know replication, ${totalCases} cases on the server`,
  ['measure', 'caseworker (one department)', 'manager (full replica)', 'caseworker / manager'],
  rows,
);
console.log(
  `Wrote ${writeResults('scale', { casesOnServer: totalCases, caseworker, manager, ratios: Object.fromEntries(rows.map(([measure, , , ratio]) => [measure, ratio])) })}`,
);
await source.close();
await couch.close();
