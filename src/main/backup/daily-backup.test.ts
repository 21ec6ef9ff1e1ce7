/**
 * Issue 14: daily backups while the app runs, on the injected timers (virtual time): the first
 * check after start-up backs up, nothing more for 24 hours after a success, a failure is shown in
 * words and tried again an hour later (not sooner), and turning daily backups off stops them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { FakeTimers } from '../notifier/fake-timers';
import { FIRST_CHECK_MS } from './backup-service';

let t: TestDomain;
let timers: FakeTimers;
let folder: string;

beforeEach(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z', undefined, { timers: (clock) => (timers = new FakeTimers(clock)) });
  t.clock.tickMs = 0;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-daily-'));
});

afterEach(async () => {
  await t.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

const settle = async () => {
  await t.services.backups?.idle();
  // The check reads its state before it starts a backup: let that read finish, then wait again.
  await new Promise((resolve) => setImmediate(resolve));
  await t.services.backups?.idle();
};
const at = (ms: number) => t.clock.millis + ms;
const generations = async () => (await t.call('backup.status', {})).generations.map((entry) => entry.createdAt.slice(0, 16));

it('backs up daily while the app runs, and shows the last result', async () => {
  await t.call('backup.configure', { folder, keep: 7, daily: true });
  await timers.advanceTo(at(FIRST_CHECK_MS), settle);
  expect(await generations()).toEqual(['2026-11-23T09:01']);
  expect((await t.call('backup.status', {})).last).toMatchObject({ trigger: 'daily', error: null, at: expect.stringMatching(/^2026-11-23T09:01/) });
  // Hourly checks within the day take none.
  await timers.advanceTo(at(23 * 3_600_000), settle);
  expect(await generations()).toHaveLength(1);
  await timers.advanceTo(at(3_600_000), settle);
  expect(await generations()).toEqual(['2026-11-24T09:01', '2026-11-23T09:01']);
});

it('records a failed daily backup in words and tries again an hour later', async () => {
  const gone = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-unplugged-'));
  await t.call('backup.configure', { folder: gone, keep: 7, daily: true });
  fs.rmSync(gone, { recursive: true });
  await timers.advanceTo(at(FIRST_CHECK_MS), settle);
  expect((await t.call('backup.status', {})).last).toMatchObject({
    trigger: 'daily',
    generation: null,
    error: { code: 'backup_folder_missing', params: { path: gone } },
  });
  fs.mkdirSync(gone);
  await timers.advanceTo(at(3_600_000), settle);
  expect((await t.call('backup.status', {})).last).toMatchObject({ trigger: 'daily', error: null });
  fs.rmSync(gone, { recursive: true, force: true });
});

it('takes no daily backup when daily backups are off', async () => {
  await t.call('backup.configure', { folder, keep: 7, daily: false });
  await timers.advanceTo(at(3 * 24 * 3_600_000), settle);
  expect(await generations()).toEqual([]);
  expect((await t.call('backup.status', {})).last).toBeNull();
});
