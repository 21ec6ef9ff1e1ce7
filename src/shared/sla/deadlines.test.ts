import { describe, expect, it } from 'vitest';
import {
  computeDeadlines,
  deadlineRule,
  DEFAULT_SLA_POLICY,
  deadlineState,
  nextRunningDeadline,
  receiptInstant,
  timeTaken,
  type Deadline,
  type DeadlineKind,
} from './index';
import { createWorkingCalendar } from './public-holidays';

const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });
const byKind = (deadlines: Deadline[], kind: DeadlineKind) => deadlines.find((deadline) => deadline.kind === kind);

describe('P-3.2 acknowledgement deadline', () => {
  it('is 48 clock hours after receipt by default', () => {
    const [ack] = computeDeadlines(london, DEFAULT_SLA_POLICY, { receivedAt: '2026-11-27T16:00:00.000Z' });
    expect(ack).toMatchObject({ kind: 'acknowledgement', dueAt: '2026-11-29T16:00:00.000Z', warnAt: '2026-11-28T16:00:00.000Z', metAt: null });
  });

  it('is 2 working days when the administrator chooses that (Friday → Tuesday 23:59:59)', () => {
    const policy = { ...DEFAULT_SLA_POLICY, acknowledgement: { unit: 'working-days', amount: 2 } as const };
    const [ack] = computeDeadlines(london, policy, { receivedAt: '2026-11-27T16:00:00.000Z' });
    expect(ack?.dueAt).toBe('2026-12-01T23:59:59.999Z');
  });
});

describe('P-4.1 stage-1 resolution deadline', () => {
  it('is 10 working days from the day of acknowledgement (the procedure example)', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, { receivedAt: '2026-12-16T10:00:00.000Z', acknowledgedAt: '2026-12-17T11:00:00.000Z' });
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({
      dueAt: '2027-01-05T23:59:59.999Z',
      provisional: false,
      startsAt: '2026-12-17T11:00:00.000Z',
    });
    expect(byKind(deadlines, 'acknowledgement')?.metAt).toBe('2026-12-17T11:00:00.000Z');
  });

  it('is provisional, counted from the acknowledgement deadline, while unacknowledged (product decision)', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, { receivedAt: '2026-12-15T10:00:00.000Z' });
    const stage1 = byKind(deadlines, 'stage1Resolution');
    expect(stage1).toMatchObject({ provisional: true, startsAt: '2026-12-17T10:00:00.000Z', dueAt: '2027-01-05T23:59:59.999Z' });
  });

  it('starts again from the day of reopening', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      receivedAt: '2026-11-02T10:00:00.000Z',
      acknowledgedAt: '2026-11-02T12:00:00.000Z',
      stage1ReopenedAt: '2026-11-25T10:00:00.000Z',
    });
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({ dueAt: '2026-12-09T23:59:59.999Z', metAt: null });
  });
});

describe('P-4.3 escalation acknowledgement: target 5, limit 10 working days', () => {
  const clock = {
    receivedAt: '2026-10-01T09:00:00.000Z',
    acknowledgedAt: '2026-10-01T10:00:00.000Z',
    stage1ResolvedAt: '2026-10-08T10:00:00.000Z',
    escalationRequestedAt: '2026-11-02T10:00:00.000Z',
  };
  it('warns after the target and breaches after the limit', () => {
    const escalation = byKind(computeDeadlines(london, DEFAULT_SLA_POLICY, clock), 'escalationAcknowledgement') as Deadline;
    expect(escalation).toMatchObject({ warnAt: '2026-11-09T23:59:59.999Z', dueAt: '2026-11-16T23:59:59.999Z' });
    expect(deadlineState(escalation, new Date('2026-11-09T12:00:00Z'))).toBe('on-track');
    expect(deadlineState(escalation, new Date('2026-11-10T12:00:00Z'))).toBe('due-soon');
    expect(deadlineState(escalation, new Date('2026-11-17T00:00:01Z'))).toBe('breached');
  });

  it('P-4.2: the stage-2 resolution runs 10 working days from the escalation acknowledgement', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, { ...clock, escalationAcknowledgedAt: '2026-11-04T15:00:00.000Z' });
    expect(byKind(deadlines, 'stage2Resolution')).toMatchObject({ dueAt: '2026-11-18T23:59:59.999Z', provisional: false });
    expect(byKind(deadlines, 'escalationAcknowledgement')?.metAt).toBe('2026-11-04T15:00:00.000Z');
  });
});

describe('P-4.4 extensions', () => {
  it('replace the resolution deadline they extend; the latest extension wins', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      receivedAt: '2026-11-02T10:00:00.000Z',
      acknowledgedAt: '2026-11-02T12:00:00.000Z',
      extensions: [
        { id: 'e1', deadline: 'stage1Resolution', newDueAt: '2026-12-01T17:00:00.000Z' },
        { id: 'e2', deadline: 'stage1Resolution', newDueAt: '2026-12-15T17:00:00.000Z' },
      ],
    });
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({ dueAt: '2026-12-15T17:00:00.000Z', extensionId: 'e2', warnAt: '2026-12-14T17:00:00.000Z' });
  });
});

describe('deadline states', () => {
  const deadline = { dueAt: '2026-11-20T23:59:59.999Z', warnAt: '2026-11-19T23:59:59.999Z', metAt: null };
  it.each([
    ['2026-11-18T12:00:00Z', 'on-track'],
    ['2026-11-20T08:00:00Z', 'due-soon'],
    ['2026-11-21T00:00:00Z', 'breached'],
  ])('at %s it is %s', (now, state) => {
    expect(deadlineState(deadline, new Date(now))).toBe(state);
  });
  it('met on time or late, whatever the time now', () => {
    expect(deadlineState({ ...deadline, metAt: '2026-11-20T23:59:59.999Z' }, new Date('2027-01-01'))).toBe('met-on-time');
    expect(deadlineState({ ...deadline, metAt: '2026-11-21T09:00:00.000Z' }, new Date('2027-01-01'))).toBe('met-late');
  });
  it('a deadline breached, then extended, is met late even when met before the extended date (issue 18)', () => {
    expect(deadlineState({ ...deadline, metAt: '2026-11-20T12:00:00.000Z', breachedAt: '2026-11-18T23:59:59.999Z' }, new Date('2027-01-01'))).toBe('met-late');
    expect(deadlineState({ ...deadline, metAt: '2026-11-20T12:00:00.000Z', breachedAt: null }, new Date('2027-01-01'))).toBe('met-on-time');
  });
  it('the earliest breach of a deadline kind stays on record through later extensions (issue 18)', () => {
    const clock = {
      receivedAt: '2026-11-23T09:00:00.000Z',
      acknowledgedAt: '2026-11-23T10:00:00.000Z',
      extensions: [
        { id: 'e1', deadline: 'stage1Resolution' as const, newDueAt: '2026-12-10T17:00:00.000Z', breachedAt: '2026-12-07T23:59:59.999Z' },
        { id: 'e2', deadline: 'stage1Resolution' as const, newDueAt: '2026-12-15T17:00:00.000Z' },
      ],
    };
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, clock);
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({ extensionId: 'e2', breachedAt: '2026-12-07T23:59:59.999Z' });
    expect(byKind(deadlines, 'acknowledgement')).not.toHaveProperty('breachedAt');
    const unbreached = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      ...clock,
      extensions: [{ id: 'e3', deadline: 'stage1Resolution' as const, newDueAt: '2026-12-15T17:00:00.000Z' }],
    });
    expect(byKind(unbreached, 'stage1Resolution')).not.toHaveProperty('breachedAt');
  });
  it('the next running deadline is the earliest unmet one', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, { receivedAt: '2026-11-23T09:00:00.000Z', acknowledgedAt: '2026-11-23T10:00:00.000Z' });
    expect(nextRunningDeadline(deadlines)?.kind).toBe('stage1Resolution');
    expect(nextRunningDeadline(computeDeadlines(london, DEFAULT_SLA_POLICY, { receivedAt: '2026-11-23T09:00:00.000Z' }))?.kind).toBe('acknowledgement');
  });
});

describe('P-5.1 time taken', () => {
  it('in clock hours and working days', () => {
    expect(timeTaken(london, '2026-11-27T16:00:00.000Z', '2026-11-30T10:00:00.000Z')).toEqual({ hours: 66, workingDays: 1 });
    expect(timeTaken(london, '2026-12-17T11:00:00.000Z', '2027-01-05T15:00:00.000Z')).toEqual({ hours: 460, workingDays: 10 });
  });
});

describe('how each deadline is counted (P-3.2, P-4.1, P-4.3)', () => {
  // Every amount differs, so a rule that read another kind's setting would show.
  const policy = {
    ...DEFAULT_SLA_POLICY,
    acknowledgement: { unit: 'clock-hours' as const, amount: 47 },
    stage1ResolutionWorkingDays: 11,
    escalationAcknowledgementLimitWorkingDays: 12,
    escalationAcknowledgementTargetWorkingDays: 4,
    stage2ResolutionWorkingDays: 13,
  };

  it('takes each kind from its own setting: the acknowledgement as set, the rest in working days', () => {
    expect(deadlineRule('acknowledgement', policy)).toEqual({ unit: 'clock-hours', amount: 47 });
    expect(deadlineRule('stage1Resolution', policy)).toEqual({ unit: 'working-days', amount: 11 });
    // P-4.3: the deadline is the limit (10 by default); the 5-day target is shown beside it, not enforced.
    expect(deadlineRule('escalationAcknowledgement', policy)).toEqual({ unit: 'working-days', amount: 12 });
    expect(deadlineRule('stage2Resolution', policy)).toEqual({ unit: 'working-days', amount: 13 });
  });
});

describe('when a posted complaint was received (P-3.2)', () => {
  const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });

  it('starts its clock at office opening on the day it arrived, in office time', () => {
    // 09:00 in London is 08:00 UTC in summer time.
    expect(receiptInstant(london, '2026-07-06', '09:00', new Date('2026-07-07T12:00:00Z')).toISOString()).toBe('2026-07-06T08:00:00.000Z');
    expect(receiptInstant(london, '2026-12-07', '09:00', new Date('2026-12-07T15:00:00Z')).toISOString()).toBe('2026-12-07T09:00:00.000Z');
  });

  it("starts it now when today's post is logged before opening, never in the future", () => {
    expect(receiptInstant(london, '2026-12-07', '09:00', new Date('2026-12-07T07:45:00Z')).toISOString()).toBe('2026-12-07T07:45:00.000Z');
  });
});
