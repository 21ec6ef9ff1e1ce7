/**
 * Issue 14 (P-7.2), retention through the API as the renderer calls it:
 * - the policy per final outcome, default 6 years after closing, validated with field errors;
 * - the cases past it are listed to administrators, and only approved ones are anonymised
 *   (all or none; a case not past retention refuses the whole approval);
 * - the approval keeps the dashboard's figures and is recorded in the erasure register;
 * - the daily check on the injected timers records what it found, and erases again what reached
 *   an anonymised case afterwards (an entry written offline elsewhere, arriving by sync).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/domain/records';
import { managerViewer, startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import { FakeTimers } from '../notifier/fake-timers';
import { PERSON, personalCase, type PersonalCase } from '../erasure/test-support';
import { FIRST_CHECK_MS } from './retention-service';

let t: TestDomain;
let timers: FakeTimers;
let person: PersonalCase;
/** Closed 2027-01-06 as not upheld. */
let notUpheld: string;

beforeEach(async () => {
  t = await startTestDomain('2026-12-16T10:00:00.000Z', undefined, { timers: (clock) => (timers = new FakeTimers(clock)) });
  person = await personalCase(t);
  t.clock.set('2027-01-04T10:00:00.000Z');
  ({ caseId: notUpheld } = await t.call('cases.create', {
    complainant: { name: 'Other Person', email: 'other@example.org', preferredChannel: 'email' },
    channel: 'email',
    type: 'billing',
    summary: 'Charged twice',
    receivedAt: '2027-01-04T09:00:00.000Z',
  }));
  await t.call('cases.act', { caseId: notUpheld, action: { type: 'acknowledge', at: '2027-01-04T09:30:00.000Z', channel: 'email' } });
  await t.call('cases.act', { caseId: notUpheld, action: { type: 'startInvestigation', at: '2027-01-04T09:40:00.000Z' } });
  await t.call('cases.act', {
    caseId: notUpheld,
    action: {
      type: 'communicateResolution',
      rootCauseId: 'courier-handling',
      at: '2027-01-04T10:00:00.000Z',
      channel: 'email',
      summary: 'Charged once only',
      outcome: 'not-upheld',
      redress: [],
    },
  });
  await t.call('cases.act', { caseId: notUpheld, action: { type: 'close', at: '2027-01-04T10:00:00.000Z' } });
});
afterEach(async () => {
  await t.close();
});

const settle = async () => {
  await t.services.retention?.idle();
  await new Promise((resolve) => setImmediate(resolve));
  await t.services.retention?.idle();
};
const dueIds = async () => (await t.call('retention.status', {})).due.map((entry) => entry.caseId);

describe('the retention policy (issue 14)', () => {
  it('defaults to 6 years after closing for every outcome: due the day after, not before', async () => {
    expect((await t.call('retention.status', {})).policy.years).toEqual({ upheld: 6, 'partly-upheld': 6, 'not-upheld': 6, none: 6 });
    t.clock.set('2032-12-22T09:59:00.000Z');
    expect(await dueIds()).toEqual([]);
    t.clock.set('2032-12-22T10:01:00.000Z');
    expect((await t.call('retention.status', {})).due).toEqual([
      {
        caseId: person.caseId,
        reference: person.reference,
        type: 'product',
        outcome: 'upheld',
        closedAt: '2026-12-22T10:00:00.000Z',
        dueSince: '2032-12-22T10:00:00.000Z',
      },
    ]);
    t.clock.set('2033-01-05T10:00:00.000Z');
    expect(await dueIds()).toEqual([person.caseId, notUpheld]);
  });

  it('is set per outcome by an administrator', async () => {
    const view = await t.call('retention.setPolicy', { years: { upheld: 6, 'partly-upheld': 6, 'not-upheld': 2, none: 3 } });
    expect(view.policy.years['not-upheld']).toBe(2);
    t.clock.set('2029-01-05T10:00:00.000Z');
    expect(await dueIds()).toEqual([notUpheld]);
  });

  it('bad input is refused at its field, and a non-administrator is refused; the policy stays as it was', async () => {
    expect(await t.fail('retention.setPolicy', { years: { upheld: 0, 'partly-upheld': 6, 'not-upheld': 6, none: 6 } })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'years.upheld', code: 'too_small' }],
    });
    expect(await t.fail('retention.setPolicy', { years: { upheld: 6, 'partly-upheld': 6, 'not-upheld': 6.5, none: 6 } })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'years.not-upheld' }],
    });
    expect(await t.fail('retention.setPolicy', { years: { upheld: 6, 'partly-upheld': 6, 'not-upheld': 6 } })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'years.none' }],
    });
    expect(await t.fail('retention.setPolicy', { years: { upheld: 6, 'partly-upheld': 6, 'not-upheld': 6, none: 6, withdrawn: 1 } })).toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    expect(
      await t.failAs(testViewer('mgr', ['manager']), 'retention.setPolicy', { years: { upheld: 1, 'partly-upheld': 1, 'not-upheld': 1, none: 1 } }),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('retention.status', {})).policy.years.upheld).toBe(6);
  });
});

describe('approving the cases past retention (issue 14)', () => {
  it('anonymises only what is approved, keeps the dashboard figures, and records it in the register', async () => {
    t.clock.set('2033-01-05T10:00:00.000Z');
    const range = { from: '2026-01-01', to: '2027-12-31' };
    const before = await t.callAs(managerViewer, 'reports.dashboard', range);
    const record = await t.call('retention.approve', { caseIds: [person.caseId] });
    expect(record).toMatchObject({ trigger: 'retention', reason: '', counts: { cases: 1, letters: 2, files: 2 } });
    expect(await t.callAs(managerViewer, 'reports.dashboard', range)).toEqual(before);
    expect(await dueIds()).toEqual([notUpheld]);
    expect((await t.call('cases.get', { caseId: person.caseId })).case.complainant.name).toBe('Anonymised');
    expect((await t.call('cases.get', { caseId: notUpheld })).case.complainant.name).toBe('Other Person');
    expect((await t.call('erasure.register', {})).map((line) => line.trigger)).toEqual(['retention']);
  });

  it('a case not past retention, or unknown, refuses the whole approval and nothing changes', async () => {
    t.clock.set('2033-01-01T10:00:00.000Z'); // person's case is due, the other not yet
    expect(await t.fail('retention.approve', { caseIds: [person.caseId, notUpheld] })).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'caseIds.1', code: 'not_past_retention' }],
    });
    expect(await t.fail('retention.approve', { caseIds: [person.caseId, 'no-such-case'] })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'caseIds.1' }],
    });
    expect(await t.fail('retention.approve', { caseIds: [] })).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'caseIds', code: 'too_few' }] });
    expect(await t.failAs(testViewer('cw', ['caseworker']), 'retention.approve', { caseIds: [person.caseId] })).toMatchObject({ code: 'FORBIDDEN' });
    expect((await t.call('cases.get', { caseId: person.caseId })).case.complainant.name).toBe(PERSON.name);
    expect(await t.call('erasure.register', {})).toEqual([]);
  });
});

describe('the daily check (issue 14)', () => {
  it('records how many cases are past retention, once a day, naming none in the log', async () => {
    t.clock.set('2033-01-05T09:00:00.000Z');
    t.clock.tickMs = 0;
    const start = t.clock.millis;
    // The first check (a minute after start-up, long past) runs at once.
    await timers.advanceTo(start + FIRST_CHECK_MS, settle);
    expect((await t.call('retention.status', {})).lastCheck).toEqual({ at: '2033-01-05T09:00:00.000Z', due: 2 });
    // Hourly checks within the day record nothing new.
    await timers.advanceTo(start + 23 * 3_600_000, settle);
    expect((await t.call('retention.status', {})).lastCheck?.at).toBe('2033-01-05T09:00:00.000Z');
    await timers.advanceTo(start + 25 * 3_600_000, settle);
    expect((await t.call('retention.status', {})).lastCheck?.at).toBe('2033-01-06T09:00:00.000Z');
    const logged = JSON.stringify((t.services.logger as unknown as { entries: unknown[] }).entries ?? []);
    expect(logged).not.toContain(person.reference);
  });

  it('erases at once an entry that reaches an anonymised case afterwards (written offline on another device, arriving by sync)', async () => {
    t.clock.set('2033-01-05T09:00:00.000Z');
    await t.call('retention.approve', { caseIds: [person.caseId] });
    const late: TimelineEntry = {
      id: 'late-note',
      caseId: person.caseId,
      kind: 'note',
      at: '2033-01-04T09:00:00.000Z',
      recordedAt: '2033-01-04T09:00:00.000Z',
      order: 0,
      by: { id: t.me(), name: 'Admin' },
      data: { text: `Called ${PERSON.name} back` },
    };
    await t.services.domain!.db.timeline.insert(late);
    await settle();
    const stored = (await t.services.domain!.db.timeline.findOne('late-note').exec())?.toJSON();
    expect(stored?.data).toEqual({ text: '', redacted: true });
  });
});
