/**
 * Issue 16, P-5.3: improvement actions (title, owner, due day, status, root causes, lessons
 * learned), created and changed by managers and administrators; bad input is refused at its
 * field and saves nothing; open actions due within a week or overdue appear for their owner.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolvedWithCourierHandling, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
let owner: string;
beforeEach(async () => {
  t = await startTestDomain('2026-12-01T09:00:00.000Z');
  owner = await t.addAccount({ name: 'Ieva Kalniņa', login: 'ieva', roles: ['caseworker'] });
});
afterEach(async () => {
  await t.close();
});

const action = (changes: Record<string, unknown> = {}) => ({
  title: 'Re-train couriers on fragile parcels',
  ownerId: owner,
  dueOn: '2026-12-05',
  status: 'planned' as const,
  rootCauseIds: ['courier-handling'],
  lessonsLearned: '',
  ...changes,
});

describe('improvement actions (P-5.3)', () => {
  it('are created, listed and edited, with who and when', async () => {
    const created = await t.call('improvementActions.save', action());
    expect(created).toMatchObject({
      title: 'Re-train couriers on fragile parcels',
      ownerId: owner,
      ownerName: 'Ieva Kalniņa',
      status: 'planned',
      completedOn: null,
      createdBy: { id: t.me() },
    });
    const edited = await t.call(
      'improvementActions.save',
      action({ id: created.id, status: 'completed', completedOn: '2026-11-30', lessonsLearned: 'Label fragile parcels at packing' }),
    );
    expect(edited).toMatchObject({
      id: created.id,
      status: 'completed',
      completedOn: '2026-11-30',
      lessonsLearned: 'Label fragile parcels at packing',
      createdAt: created.createdAt,
    });
    expect(await t.call('improvementActions.list', {})).toEqual([edited]);
  });

  it('saved at the same moment from two windows, both are kept', async () => {
    const [first, second] = await Promise.all([
      t.call('improvementActions.save', action({ title: 'First' })),
      t.call('improvementActions.save', action({ title: 'Second' })),
    ]);
    expect((await t.call('improvementActions.list', {})).map((entry) => entry.id).sort()).toEqual([first.id, second.id].sort());
  });

  it('refuses bad input at its field and saves nothing', async () => {
    const created = await t.call('improvementActions.save', action());
    const cases: [Record<string, unknown>, string, string][] = [
      [{ title: '' }, 'title', 'required'],
      [{ dueOn: '2026-02-30' }, 'dueOn', 'invalid_date'],
      [{ status: 'finished' }, 'status', 'invalid_choice'],
      [{ rootCauseIds: [] }, 'rootCauseIds', 'too_few'],
      [{ rootCauseIds: ['courier-handling', 'courier-handling'] }, 'rootCauseIds', 'root_cause_repeated'],
      [{ rootCauseIds: ['courier-handling', 'no-such-cause'] }, 'rootCauseIds.1', 'unknown_root_cause'],
      [{ status: 'completed' }, 'completedOn', 'completed_on_needed'],
      [{ completedOn: '2026-11-30' }, 'completedOn', 'completed_on_not_completed'],
      [{ status: 'completed', completedOn: '2026-12-02' }, 'completedOn', 'future_time'],
      [{ ownerId: 'nobody' }, 'ownerId', 'not_found'],
      [{ id: 'no-such-action' }, 'id', 'not_found'],
    ];
    for (const [changes, path, code] of cases) {
      const refusal = await t.fail('improvementActions.save', action({ id: created.id, ...changes }));
      expect(refusal.issues[0], JSON.stringify(changes)).toMatchObject({ path, code });
    }
    await t.call('staff.save', { id: owner, name: 'Ieva Kalniņa', email: '', login: 'ieva', roles: ['caseworker'], departments: [], active: false });
    expect((await t.fail('improvementActions.save', action())).issues[0]).toMatchObject({ path: 'ownerId', code: 'inactive' });
    expect(await t.call('improvementActions.list', {})).toEqual([created]);
  });

  it('may not name a retired cause, unless the action addressed it already', async () => {
    const created = await t.call('improvementActions.save', action());
    await t.call('settings.saveRootCause', {
      categoryId: 'delivery',
      id: 'courier-handling',
      label: { 'en-GB': 'Courier handling', lv: 'Kurjera rīcība' },
      retired: true,
    });
    expect((await t.fail('improvementActions.save', action())).issues[0]).toMatchObject({ path: 'rootCauseIds.0', code: 'retired_root_cause' });
    await t.call('improvementActions.save', action({ id: created.id, status: 'in-progress' }));
  });

  it('are for managers and administrators to list and change', async () => {
    const caseworker = testViewer(owner, ['caseworker']);
    expect(await t.failAs(caseworker, 'improvementActions.list', {})).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.failAs(caseworker, 'improvementActions.save', action())).toMatchObject({ code: 'FORBIDDEN' });
    await t.callAs(testViewer('m1', ['manager']), 'improvementActions.save', action());
  });

  it('appear for their owner when due within a week or overdue, and not once done', async () => {
    const overdue = await t.call('improvementActions.save', action({ title: 'Overdue', dueOn: '2026-11-28' }));
    const dueSoon = await t.call('improvementActions.save', action({ title: 'Due soon', dueOn: '2026-12-08', status: 'in-progress' }));
    await t.call('improvementActions.save', action({ title: 'Later', dueOn: '2026-12-20' }));
    await t.call('improvementActions.save', action({ title: 'Done', dueOn: '2026-11-20', status: 'completed', completedOn: '2026-11-20' }));
    await t.call('improvementActions.save', action({ title: 'Not mine', ownerId: t.me(), dueOn: '2026-11-28' }));
    const mine = await t.callAs(testViewer(owner, ['caseworker']), 'improvementActions.mine', {});
    expect(mine.map((entry) => [entry.action.id, entry.due])).toEqual([
      [overdue.id, 'overdue'],
      [dueSoon.id, 'due-soon'],
    ]);
  });
});

describe('the recurrence report through the API (P-5.3)', () => {
  it('counts the resolved cases of each completed action’s causes, for managers and administrators', async () => {
    const ids: string[] = [];
    for (const day of ['2026-10-05', '2026-10-06']) {
      ids.push(await resolvedWithCourierHandling(t, day));
    }
    const saved = await t.call('improvementActions.save', action({ status: 'completed', completedOn: '2026-11-01' }));
    const report = await t.call('reports.recurrence', {});
    expect(report.rows).toEqual([
      expect.objectContaining({ actionId: saved.id, rootCauseId: 'courier-handling', periodDays: 30, verdict: 'cannot-tell', doubt: 'too-few-cases' }),
    ]);
    expect([...(report.rows[0]?.before.caseIds ?? [])].sort()).toEqual([...ids].sort());
    expect(report.rows[0]?.after.count).toBe(0);
    expect(await t.failAs(testViewer(owner, ['caseworker']), 'reports.recurrence', {})).toMatchObject({ code: 'FORBIDDEN' });
  });
});
