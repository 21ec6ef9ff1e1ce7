/**
 * A working-calendar change travels by sync (issue 15): device A's administrator adds a working
 * Saturday; device B, which meanwhile logged a case offline that A has never seen, moves that
 * case's deadline too when the change arrives through its settings change stream. Both devices
 * end with the same deadlines and exactly one "deadlines moved" entry per case, whichever device
 * wrote it, with no conflict between the two recomputes.
 *
 * By hand (procedure, "Working days"): acknowledged Friday 20 November 2026, the 10th working day
 * is Friday 4 December; with Saturday 28 November worked it is Thursday 3 December.
 */
import { describe, expect, it } from 'vitest';
import { connect, disconnect, waitForConvergence, type Device } from '../sync/test-support/devices';
import { syncLab } from '../sync/test-support/sync-lab';
import { phoneComplaint } from './test-support';

const { server, device } = syncLab();

async function acknowledgedCase(on: Device): Promise<string> {
  const { caseId } = await on.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T16:00:00.000Z' });
  await on.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-20T17:00:00.000Z', channel: 'email' } });
  return caseId;
}

describe('a calendar change from another device', () => {
  it('moves the deadlines of cases only this device has, and each move is recorded once on both devices', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    await connect(a, couch.url);
    await connect(b, couch.url);
    const shared = await acknowledgedCase(a);
    await waitForConvergence([a, b]);

    await disconnect(b, couch.url);
    const onlyOnB = await acknowledgedCase(b);
    const adminOfA = await a.me();
    await a.call('settings.updateCalendar', { region: 'GB-ENG', timeZone: 'Europe/London', closures: [], extraWorkingDays: ['2026-11-28'] });
    await connect(b, couch.url);
    await waitForConvergence([a, b]);

    for (const on of [a, b]) {
      expect((await on.call('settings.get', {})).calendar.extraWorkingDays, on.name).toEqual(['2026-11-28']);
      for (const caseId of [shared, onlyOnB]) {
        const { case: record, timeline } = await on.call('cases.get', { caseId });
        expect(record.deadlines.find((deadline) => deadline.kind === 'stage1Resolution')?.dueAt, `${on.name} ${caseId}`).toBe('2026-12-03T23:59:59.999Z');
        const moves = timeline.filter((entry) => entry.kind === 'deadlines-moved');
        expect(moves, `${on.name} ${caseId}`).toHaveLength(1);
        expect(moves[0]).toMatchObject({
          by: { id: adminOfA },
          data: { because: 'calendar', moved: [{ deadline: 'stage1Resolution', from: '2026-12-04T23:59:59.999Z', to: '2026-12-03T23:59:59.999Z' }] },
        });
        expect(
          timeline.filter((entry) => entry.kind === 'conflict'),
          `${on.name} ${caseId}: the two recomputes did not fight`,
        ).toEqual([]);
      }
    }
  }, 180_000);
});
