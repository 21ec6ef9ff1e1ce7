/**
 * "Sync now" after an outage, with a real network's latency (issue 21, issue 11's e2e flake):
 * a loopback proxy adds 30–100 ms to every request between a device and a real pouchdb-server.
 * Over 20 rounds of outage → work offline → "Sync now", the status may never say "up to date"
 * while the server lacks a document the device has. The proxy records when the server accepted
 * each document; every "up to date" the device published is checked against it, so the test
 * does not race the device.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint } from '../domain/test-support';
import { startCouchServer } from './local-server/pouchdb-server';
import { connect, startDevice, waitUntil } from './test-support/devices';
import { startLatencyProxy } from './test-support/latency-proxy';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const ROUNDS = 20;

describe('"Sync now" after an outage, behind 30–100 ms of latency', () => {
  it(`${ROUNDS} rounds: never "up to date" before the work done offline is on the server`, async () => {
    const couch = await startCouchServer();
    cleanups.push(() => couch.close());
    const proxy = await startLatencyProxy(couch.url, { minMs: 30, maxMs: 100 });
    cleanups.push(() => proxy.close());
    const a = await startDevice('a');
    cleanups.push(() => a.close());
    await connect(a, proxy.url);
    const state = async () => (await a.call('sync.status', {})).state;
    await waitUntil(async () => (await state()) === 'up-to-date', 'the first exchange');

    const created: { id: string; existsSince: number }[] = [];
    for (let round = 0; round < ROUNDS; round += 1) {
      proxy.down();
      await waitUntil(async () => (await state()) === 'error', `round ${round}: the outage noticed`);
      const { caseId } = await a.call('cases.create', {
        ...phoneComplaint,
        summary: `Logged offline in round ${round}`,
        receivedAt: '2026-11-20T10:00:00.000Z',
      });
      created.push({ id: caseId, existsSince: Date.now() });
      proxy.up();
      await a.call('sync.now', {});
      await waitUntil(async () => (await state()) === 'up-to-date', `round ${round}: up to date again`);
      // The moment the device says so, the case is on the server.
      expect((await fetch(`${couch.url}/team_cases/${caseId}`)).status, `round ${round}`).toBe(200);
    }

    const log = await a.statusLog();
    const upToDate = log.filter((entry) => entry.status.state === 'up-to-date');
    let checked = 0;
    for (const entry of upToDate) {
      for (const made of created.filter((candidate) => candidate.existsSince < entry.at)) {
        expect(proxy.written.get(made.id) ?? Infinity, `case ${made.id} accepted by the server before "up to date" at ${entry.at}`).toBeLessThanOrEqual(
          entry.at,
        );
        checked += 1;
      }
    }
    expect(upToDate.length).toBeGreaterThanOrEqual(ROUNDS);
    console.warn(
      `[counts] Latency: ${ROUNDS} rounds, ${log.length} statuses published, ${upToDate.length} "up to date", ${checked} case-before-"up to date" checks, ${created.length} cases on the server`,
    );
  }, 600_000);
});
