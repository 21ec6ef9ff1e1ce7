/**
 * Working calendar II through the API (issue 15): the working week and extra working days are
 * saved, refused at the field at fault, read back from calendars stored before they existed, and
 * move every open case's deadlines with a timeline entry saying why, once, also when the change
 * arrives through the settings change stream as sync writes it. Expected dates are worked out by
 * hand from a calendar and the procedure's "Working days" section.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadlinesMoved, TimelineEntry } from '../../shared/domain/records';
import { deadlinesMovedEntryId } from './deadline-moves';
import { deadlineSettingsChange } from './settings-service';
import { phoneComplaint, startTestDomain, storedCalendar, type TestDomain } from './test-support';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const LONDON = { region: 'GB-ENG', timeZone: 'Europe/London', closures: [] as string[] };
const domain = () => t.services.domain!;

/** A case acknowledged on Friday 20 November 2026: its stage-1 resolution is due Friday 4 December (10 working days, 23–27 Nov and 30 Nov–4 Dec). */
async function acknowledgedCase(): Promise<string> {
  const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T16:00:00.000Z' });
  await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-20T17:00:00.000Z', channel: 'email' } });
  return caseId;
}

const stage1Due = async (caseId: string) =>
  (await t.call('cases.get', { caseId })).case.deadlines.find((deadline) => deadline.kind === 'stage1Resolution')?.dueAt;
const moves = async (caseId: string) =>
  (await t.call('cases.get', { caseId })).timeline.filter(
    (entry): entry is Extract<TimelineEntry, { kind: 'deadlines-moved' }> => entry.kind === 'deadlines-moved',
  );

describe('the calendar settings', () => {
  it('start as the procedure says: Monday to Friday, no extra working days, no notes', async () => {
    expect(storedCalendar((await t.call('settings.get', {})).calendar)).toEqual({ ...LONDON, extraWorkingDays: [], workWeek: [1, 2, 3, 4, 5], dayNotes: {} });
  });

  it('a calendar stored before issue 15 (no working week, no extra days) still reads and counts as before', async () => {
    const caseId = await acknowledgedCase();
    // As an older Plaint (or another device running one) stored it.
    await domain().db.settings.upsert({
      id: 'calendar',
      value: { data: { ...LONDON, closures: ['2026-11-27'] } },
      updatedAt: '2026-11-23T09:30:00.000Z',
      updatedBy: { id: 'old', name: 'Old Plaint' },
    });
    await domain().rescheduler.idle();
    expect(storedCalendar((await t.call('settings.get', {})).calendar)).toEqual({
      ...LONDON,
      closures: ['2026-11-27'],
      extraWorkingDays: [],
      workWeek: [1, 2, 3, 4, 5],
      dayNotes: {},
    });
    // The closure on Friday 27 November pushes day 10 to Monday 7 December, as it always did.
    expect(await stage1Due(caseId)).toBe('2026-12-07T23:59:59.999Z');
  });

  it('are saved tidied: days sorted once each, the working week sorted, notes trimmed and kept only for listed days', async () => {
    const saved = await t.call('settings.updateCalendar', {
      ...LONDON,
      closures: ['2026-12-24', '2026-12-24'],
      extraWorkingDays: ['2026-12-19', '2026-11-28'],
      workWeek: [5, 1, 2, 3, 4, 1],
      dayNotes: { '2026-11-28': '  transferred from Mon 23 Nov ', '2026-12-01': 'not a listed day', '2026-12-19': '' },
    });
    expect(storedCalendar(saved.calendar)).toEqual({
      ...LONDON,
      closures: ['2026-12-24'],
      extraWorkingDays: ['2026-11-28', '2026-12-19'],
      workWeek: [1, 2, 3, 4, 5],
      dayNotes: { '2026-11-28': 'transferred from Mon 23 Nov' },
    });
  });

  it('refuses, at the field and with a code of its own: a day both closed and working, an empty working week, a weekday outside 1–7, an unknown region or time zone', async () => {
    const refused = async (input: object) => (await t.fail('settings.updateCalendar', { ...LONDON, ...input })).issues[0];
    expect(await refused({ closures: ['2026-11-28'], extraWorkingDays: ['2026-12-05', '2026-11-28'] })).toMatchObject({
      path: 'extraWorkingDays.1',
      code: 'closed_and_working',
    });
    expect(await refused({ workWeek: [] })).toMatchObject({ path: 'workWeek' });
    expect(await refused({ workWeek: [1, 8] })).toMatchObject({ path: 'workWeek.1' });
    expect(await refused({ extraWorkingDays: ['2026-02-30'] })).toMatchObject({ path: 'extraWorkingDays.0' });
    expect(await refused({ region: 'XX' })).toMatchObject({ path: 'region', code: 'unknown_region' });
    expect(await refused({ timeZone: 'Moon/Base' })).toMatchObject({ path: 'timeZone', code: 'unknown_time_zone' });
    expect((await t.call('settings.get', {})).calendar.extraWorkingDays).toEqual([]);
  });
});

describe('a calendar change moves open deadlines and says why (procedure, "Working days")', () => {
  it('an extra working Saturday moves the stage-1 resolution one day earlier, with one timeline entry', async () => {
    const caseId = await acknowledgedCase();
    expect(await stage1Due(caseId)).toBe('2026-12-04T23:59:59.999Z');
    // Saturday 28 November worked: 23–27 Nov (1–5), Sat 28 (6), 30 Nov–3 Dec (7–10): Thursday 3 December.
    await t.call('settings.updateCalendar', { ...LONDON, extraWorkingDays: ['2026-11-28'], dayNotes: { '2026-11-28': 'stocktake weekend' } });
    expect(await stage1Due(caseId)).toBe('2026-12-03T23:59:59.999Z');
    await domain().rescheduler.idle(); // the change stream asked again for the same change
    const [entry, ...more] = await moves(caseId);
    expect(more).toEqual([]);
    const me = (await t.call('settings.get', {})).staff[0]!;
    expect(entry).toMatchObject({
      by: { id: me.id, name: me.name },
      data: {
        because: 'calendar',
        moved: [{ deadline: 'stage1Resolution', from: '2026-12-04T23:59:59.999Z', to: '2026-12-03T23:59:59.999Z' }],
        changes: [{ setting: 'extraWorkingDays', added: ['2026-11-28'], removed: [], notes: { '2026-11-28': 'stocktake weekend' } }],
      } satisfies DeadlinesMoved,
    });
  });

  it('a Monday-to-Saturday week moves it to Wednesday 2 December; the same calendar saved again moves nothing and records nothing', async () => {
    const caseId = await acknowledgedCase();
    // Sat 21 (1), 23–28 Nov (2–7), 30 Nov (8), 1 Dec (9), 2 Dec (10).
    await t.call('settings.updateCalendar', { ...LONDON, workWeek: [1, 2, 3, 4, 5, 6] });
    expect(await stage1Due(caseId)).toBe('2026-12-02T23:59:59.999Z');
    await t.call('settings.updateCalendar', { ...LONDON, workWeek: [1, 2, 3, 4, 5, 6] });
    await domain().rescheduler.idle();
    const recorded = await moves(caseId);
    expect(recorded).toHaveLength(1);
    expect(recorded[0]?.data.changes).toEqual([{ setting: 'workWeek', before: [1, 2, 3, 4, 5], after: [1, 2, 3, 4, 5, 6] }]);
  });

  it('a closed case is left alone', async () => {
    const caseId = await acknowledgedCase();
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-20T17:30:00.000Z' } });
    await t.call('cases.act', {
      caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-11-20T18:00:00.000Z',
        channel: 'email',
        summary: 'Replaced',
        outcome: 'upheld',
      },
    });
    await t.call('cases.act', { caseId, action: { type: 'close', at: '2026-11-20T18:30:00.000Z' } });
    await t.call('settings.updateCalendar', { ...LONDON, extraWorkingDays: ['2026-11-28'] });
    await domain().rescheduler.idle();
    expect(await stage1Due(caseId)).toBe('2026-12-04T23:59:59.999Z');
    expect(await moves(caseId)).toEqual([]);
  });

  it('an SLA policy change records its changed fields', async () => {
    const caseId = await acknowledgedCase();
    const policy = (await t.call('settings.get', {})).slaPolicy;
    // 12 working days from Friday 20 November: 23 Nov–4 Dec (1–10), 7 Dec (11), 8 Dec (12).
    await t.call('settings.updateSlaPolicy', { ...policy, stage1ResolutionWorkingDays: 12 });
    expect(await stage1Due(caseId)).toBe('2026-12-08T23:59:59.999Z');
    await domain().rescheduler.idle();
    expect((await moves(caseId)).map((entry) => entry.data)).toEqual([
      {
        because: 'slaPolicy',
        moved: [{ deadline: 'stage1Resolution', from: '2026-12-04T23:59:59.999Z', to: '2026-12-08T23:59:59.999Z' }],
        changes: [{ setting: 'stage1ResolutionWorkingDays', before: 10, after: 12 }],
      },
    ]);
  });
});

describe('a calendar change from another device (the settings change stream)', () => {
  it('moves this device’s open cases by itself, recorded as the other administrator’s change with the id every device gives it', async () => {
    const caseId = await acknowledgedCase();
    const previous = (await domain().db.settings.findOne('calendar').exec())?.toJSON();
    // What replication writes when another device's administrator saved a working Saturday.
    const arriving = {
      id: 'calendar',
      value: { data: { ...LONDON, extraWorkingDays: ['2026-11-28'], workWeek: [1, 2, 3, 4, 5], dayNotes: {} } },
      updatedAt: '2026-11-23T09:15:00.000Z',
      updatedBy: { id: 'liga', name: 'Līga Ozola' },
    };
    await domain().db.settings.upsert(arriving);
    await domain().rescheduler.idle();
    expect(await stage1Due(caseId)).toBe('2026-12-03T23:59:59.999Z');
    const recorded = await moves(caseId);
    expect(recorded).toHaveLength(1);
    const change = deadlineSettingsChange(previous, arriving)!;
    expect(recorded[0]).toMatchObject({
      id: deadlinesMovedEntryId(caseId, change),
      by: { id: 'liga', name: 'Līga Ozola' },
      at: '2026-11-23T09:15:00.000Z',
      recordedAt: '2026-11-23T09:15:00.000Z',
    });
  });

  it('a move another device already recorded is not recorded again, and the case still moves', async () => {
    const caseId = await acknowledgedCase();
    const arriving = {
      id: 'calendar',
      value: { data: { ...LONDON, extraWorkingDays: ['2026-11-28'] } },
      updatedAt: '2026-11-23T08:15:00.000Z',
      updatedBy: { id: 'liga', name: 'Līga Ozola' },
    };
    const change = deadlineSettingsChange(undefined, arriving)!;
    // The other device's entry synced before its copy of the case and before the settings.
    const theirs = {
      id: deadlinesMovedEntryId(caseId, change),
      caseId,
      kind: 'deadlines-moved',
      at: change.at,
      recordedAt: change.at,
      order: 0,
      by: change.by,
      data: { because: 'calendar', moved: [], changes: [] },
    } as const;
    await domain().db.timeline.insert(theirs);
    await domain().db.settings.upsert(arriving);
    await domain().rescheduler.idle();
    expect(await stage1Due(caseId)).toBe('2026-12-03T23:59:59.999Z');
    expect((await moves(caseId)).map((entry) => entry.id)).toEqual([theirs.id]);
  });

  it('a day both closed and working after two administrators’ edits merged counts as closed, and nothing breaks', async () => {
    const caseId = await acknowledgedCase();
    await domain().db.settings.upsert({
      id: 'calendar',
      value: { data: { ...LONDON, closures: ['2026-11-30'], extraWorkingDays: ['2026-11-28', '2026-11-30'] } },
      updatedAt: '2026-11-23T08:20:00.000Z',
      updatedBy: { id: 'liga', name: 'Līga Ozola' },
    });
    await domain().rescheduler.idle();
    expect((await t.call('settings.get', {})).calendar).toMatchObject({ closures: ['2026-11-30'], extraWorkingDays: ['2026-11-28'] });
    // Sat 28 Nov working, Mon 30 Nov closed: 23–27 (1–5), 28 (6), 1–4 Dec (7–10): Friday 4 December.
    expect(await stage1Due(caseId)).toBe('2026-12-04T23:59:59.999Z');
  });
});
