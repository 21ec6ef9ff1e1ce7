/**
 * The PC's time zone as the deadline notifier's watchdog reads it (time-zone.ts), and why the
 * notifier takes it injected: in a worker thread, setting process.env.TZ does not reach Intl.
 */
import { isMainThread, Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { systemTimeZone } from './time-zone';

const startZone = process.env['TZ'];
afterEach(() => {
  if (startZone === undefined) delete process.env['TZ'];
  else process.env['TZ'] = startZone;
});

/** Another zone than `zone`, either way round. */
const otherThan = (zone: string) => (zone === 'Asia/Tokyo' ? 'Europe/Riga' : 'Asia/Tokyo');

describe('the time zone the notifier watches', () => {
  // Skipped only in a worker thread (Stryker's Vitest pool): there the next test's finding holds instead.
  it.skipIf(!isMainThread)("follows a change of the process's time zone, as the app's main process does", () => {
    const zone = otherThan(systemTimeZone());
    process.env['TZ'] = zone;
    expect(systemTimeZone()).toBe(zone);
    process.env['TZ'] = otherThan(zone);
    expect(systemTimeZone()).toBe(otherThan(zone));
  });

  it('in a worker thread, setting process.env.TZ leaves Intl on the old zone (so tests inject the zone instead)', async () => {
    const code = `
      const { parentPort } = require('node:worker_threads');
      const zone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
      const before = zone();
      process.env.TZ = before === 'Asia/Tokyo' ? 'Europe/Riga' : 'Asia/Tokyo';
      parentPort.postMessage({ before, asked: process.env.TZ, after: zone() });
    `;
    const worker = new Worker(code, { eval: true });
    const seen = await new Promise<{ before: string; asked: string; after: string }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    expect(seen.asked).not.toBe(seen.before);
    expect(seen.after).toBe(seen.before);
  });
});
