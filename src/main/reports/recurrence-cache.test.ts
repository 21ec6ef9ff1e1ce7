/**
 * Issue 16 (P-5.3): the recurrence report is cached like the dashboard, per viewer and minute, and
 * the cache is emptied when settings change (an improvement action saved) and when cases change
 * (a case resolved with the action's cause), so the next report counts them at once.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiEventName } from '../../shared/api/names';
import { resolvedWithCourierHandling, startTestDomain, type TestDomain } from '../domain/test-support';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-12-01T09:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

/** Resolves when the change feed publishes `channel`. */
const published = (channel: ApiEventName) =>
  new Promise<void>((resolve) => {
    const stop = t.services.events.listenAll((seen) => seen === channel && (stop(), resolve()));
  });

describe('the recurrence report is cached and emptied on changes (P-5.3)', () => {
  it('keeps one report per viewer; a saved action (settings.changed) and a resolved case (cases.changed) show at once', async () => {
    const first = await resolvedWithCourierHandling(t, '2026-10-05');
    expect((await t.call('reports.recurrence', {})).rows).toEqual([]);
    expect(await t.call('reports.recurrence', {})).toEqual({ rows: [], rule: expect.any(Object) });
    expect(t.services.recurrence?.cachedEntries).toBe(1);

    const settingsChanged = published('settings.changed');
    await t.call('improvementActions.save', {
      title: 'Re-train couriers',
      ownerId: t.me(),
      dueOn: '2026-11-01',
      status: 'completed',
      completedOn: '2026-11-01',
      rootCauseIds: ['courier-handling'],
      lessonsLearned: '',
    });
    await settingsChanged;
    const withAction = await t.call('reports.recurrence', {});
    expect(withAction.rows.map((row) => row.before.caseIds)).toEqual([[first]]);

    const casesChanged = published('cases.changed');
    const second = await resolvedWithCourierHandling(t, '2026-10-20');
    await casesChanged;
    const withCase = await t.call('reports.recurrence', {});
    expect([...(withCase.rows[0]?.before.caseIds ?? [])].sort()).toEqual([first, second].sort());
  });
});
