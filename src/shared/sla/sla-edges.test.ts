/**
 * The SLA engine at its edges: exact instants of each deadline state, which policy limit each
 * stage uses, which deadline an extension moves, when a deadline is provisional, and the working
 * calendar's own limits. Every expected date here was worked out by hand from the procedure
 * (P-3.2, P-4.1–P-4.4, "Working days") and a calendar, not from the engine.
 */
import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  computeDeadlines,
  DEFAULT_CALENDAR,
  DEFAULT_SLA_POLICY,
  deadlineState,
  endOfOfficeDay,
  nextRunningDeadline,
  nextWorkingMorning,
  workingDaysBetween,
  type Deadline,
  type DeadlineKind,
} from './index';
import { createWorkingCalendar } from './public-holidays';

const london = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });
const byKind = (deadlines: Deadline[], kind: DeadlineKind): Deadline | undefined => deadlines.find((deadline) => deadline.kind === kind);
const plus = (iso: string, ms: number): Date => new Date(Date.parse(iso) + ms);

describe('deadline states at exact instants (P-3.2, P-4.3)', () => {
  const deadline = { dueAt: '2026-11-27T23:59:59.999Z', warnAt: '2026-11-26T23:59:59.999Z', metAt: null };

  it('is not breached at the due instant itself, and breached 1 ms later', () => {
    expect(deadlineState(deadline, new Date(deadline.dueAt))).toBe('due-soon');
    expect(deadlineState(deadline, plus(deadline.dueAt, 1))).toBe('breached');
  });

  it('is due soon from the warning instant, on track 1 ms before', () => {
    expect(deadlineState(deadline, new Date(deadline.warnAt))).toBe('due-soon');
    expect(deadlineState(deadline, plus(deadline.warnAt, -1))).toBe('on-track');
  });

  it('is met on time when met at the due instant, late when 1 ms after', () => {
    expect(deadlineState({ ...deadline, metAt: deadline.dueAt }, plus(deadline.dueAt, 10_000))).toBe('met-on-time');
    expect(deadlineState({ ...deadline, metAt: plus(deadline.dueAt, 1).toISOString() }, plus(deadline.dueAt, 10_000))).toBe('met-late');
  });
});

describe('each stage uses its own limit (P-4.1, P-4.2)', () => {
  const clock = {
    receivedAt: '2026-10-26T10:00:00.000Z',
    acknowledgedAt: '2026-10-26T11:00:00.000Z',
    stage1ResolvedAt: '2026-10-28T11:00:00.000Z',
    escalationRequestedAt: '2026-10-30T10:00:00.000Z',
    escalationAcknowledgedAt: '2026-11-02T10:00:00.000Z',
  };

  it('stage 1 counts the stage-1 working days and stage 2 the stage-2 working days', () => {
    const deadlines = computeDeadlines(london, { ...DEFAULT_SLA_POLICY, stage1ResolutionWorkingDays: 2, stage2ResolutionWorkingDays: 3 }, clock);
    // Acknowledged Monday 26 October: day 2 is Wednesday 28 October (GMT from 25 October).
    expect(byKind(deadlines, 'stage1Resolution')?.dueAt).toBe('2026-10-28T23:59:59.999Z');
    // Escalation acknowledged Monday 2 November: day 3 is Thursday 5 November.
    expect(byKind(deadlines, 'stage2Resolution')?.dueAt).toBe('2026-11-05T23:59:59.999Z');
  });

  it('the stage-2 resolution is met when it was communicated', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, { ...clock, stage2ResolvedAt: '2026-11-04T10:00:00.000Z' });
    expect(byKind(deadlines, 'stage2Resolution')?.metAt).toBe('2026-11-04T10:00:00.000Z');
  });
});

describe('extensions move only their own deadline, the latest one counting (P-4.4)', () => {
  const clock = {
    receivedAt: '2026-10-26T10:00:00.000Z',
    acknowledgedAt: '2026-10-26T11:00:00.000Z',
    escalationRequestedAt: '2026-11-13T10:00:00.000Z',
    escalationAcknowledgedAt: '2026-11-16T10:00:00.000Z',
  };

  it('a stage-1 extension does not move stage 2, and the later of two stage-1 extensions wins', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      ...clock,
      extensions: [
        { id: 'first', deadline: 'stage1Resolution', newDueAt: '2026-11-20T17:00:00.000Z' },
        { id: 'second', deadline: 'stage1Resolution', newDueAt: '2026-11-27T17:00:00.000Z' },
        { id: 'other', deadline: 'stage2Resolution', newDueAt: '2026-12-18T17:00:00.000Z' },
      ],
    });
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({ dueAt: '2026-11-27T17:00:00.000Z', extensionId: 'second', provisional: false });
    expect(byKind(deadlines, 'stage2Resolution')).toMatchObject({ dueAt: '2026-12-18T17:00:00.000Z', extensionId: 'other' });
  });

  it('a stage-2 extension listed last leaves the stage-1 deadline as the procedure sets it', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      ...clock,
      extensions: [{ id: 'stage2', deadline: 'stage2Resolution', newDueAt: '2026-12-18T17:00:00.000Z' }],
    });
    // Acknowledged Monday 26 October: the 10th working day is Monday 9 November.
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({ dueAt: '2026-11-09T23:59:59.999Z', extensionId: null });
  });
});

describe('provisional and firm deadlines', () => {
  it('the acknowledgement and escalation-acknowledgement deadlines are never provisional', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      receivedAt: '2026-10-26T10:00:00.000Z',
      acknowledgedAt: '2026-10-26T11:00:00.000Z',
      stage1ResolvedAt: '2026-10-28T11:00:00.000Z',
      escalationRequestedAt: '2026-10-30T10:00:00.000Z',
    });
    expect(byKind(deadlines, 'acknowledgement')?.provisional).toBe(false);
    expect(byKind(deadlines, 'escalationAcknowledgement')?.provisional).toBe(false);
  });

  it('stage 2 is provisional until the escalation is acknowledged, counted from the 10-day limit', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      receivedAt: '2026-10-26T10:00:00.000Z',
      acknowledgedAt: '2026-10-26T11:00:00.000Z',
      escalationRequestedAt: '2026-10-30T10:00:00.000Z',
    });
    // Requested Friday 30 October: the 10th working day is Friday 13 November.
    expect(byKind(deadlines, 'escalationAcknowledgement')).toMatchObject({ dueAt: '2026-11-13T23:59:59.999Z', warnAt: '2026-11-06T23:59:59.999Z' });
    expect(byKind(deadlines, 'stage2Resolution')).toMatchObject({ provisional: true, startsAt: '2026-11-13T23:59:59.999Z', dueAt: '2026-11-27T23:59:59.999Z' });
  });

  it('a reopened stage 1 or stage 2 counts firmly from the reopening', () => {
    const deadlines = computeDeadlines(london, DEFAULT_SLA_POLICY, {
      receivedAt: '2026-10-01T10:00:00.000Z',
      acknowledgedAt: '2026-10-01T11:00:00.000Z',
      stage1ReopenedAt: '2026-10-05T10:00:00.000Z',
      escalationRequestedAt: '2026-10-20T10:00:00.000Z',
      escalationAcknowledgedAt: '2026-10-21T10:00:00.000Z',
      stage2ReopenedAt: '2026-11-02T10:00:00.000Z',
    });
    expect(byKind(deadlines, 'stage1Resolution')).toMatchObject({
      startsAt: '2026-10-05T10:00:00.000Z',
      provisional: false,
      dueAt: '2026-10-19T22:59:59.999Z',
    });
    expect(byKind(deadlines, 'stage2Resolution')).toMatchObject({
      startsAt: '2026-11-02T10:00:00.000Z',
      provisional: false,
      dueAt: '2026-11-16T23:59:59.999Z',
    });
  });
});

describe('the next running deadline', () => {
  it('is the earliest unmet one, whatever the order of the list', () => {
    const later = {
      kind: 'stage1Resolution',
      startsAt: '',
      dueAt: '2026-12-10T00:00:00.000Z',
      warnAt: '',
      provisional: false,
      extensionId: null,
      metAt: null,
    } as const;
    const earlier = { ...later, kind: 'acknowledgement', dueAt: '2026-12-01T00:00:00.000Z' } as const;
    const met = { ...later, kind: 'escalationAcknowledgement', dueAt: '2026-11-01T00:00:00.000Z', metAt: '2026-10-30T00:00:00.000Z' } as const;
    expect(nextRunningDeadline([later, met, earlier])?.kind).toBe('acknowledgement');
    expect(nextRunningDeadline([met])).toBeNull();
  });
});

describe('the working calendar at its limits', () => {
  it('has no closures unless given, and refuses closures that are not real dates', () => {
    expect(london.closures.size).toBe(0);
    for (const closure of ['x2026-12-24', '2026-12-24x', '2026-02-30', '2026-13-01', '24/12/2026']) {
      expect(() => createWorkingCalendar({ ...DEFAULT_CALENDAR, closures: [closure] }), closure).toThrow(/not a YYYY-MM-DD date/);
    }
    expect(createWorkingCalendar({ ...DEFAULT_CALENDAR, closures: ['2026-12-24'] }).closures.has('2026-12-24')).toBe(true);
  });

  it('counts only public holidays: England and Wales 2026 (Boxing Day on a Saturday, with its Monday substitute)', () => {
    // A calendar of its own: holidays are cached per calendar, and this test must compute them.
    const fresh = createWorkingCalendar({ region: 'GB-ENG', timeZone: 'Europe/London' });
    expect([...fresh.holidays(2026).keys()].sort()).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
  });

  it('refuses a negative or fractional number of working days, saying why', () => {
    expect(() => addWorkingDays(london, new Date('2026-11-02T10:00:00.000Z'), -1)).toThrow('Working days must be a whole number ≥ 0, got -1');
    expect(() => addWorkingDays(london, new Date('2026-11-02T10:00:00.000Z'), 1.5)).toThrow('got 1.5');
  });

  it('counts working days between in either direction, and 0 between an instant and itself', () => {
    const monday = new Date('2026-11-02T10:00:00.000Z');
    const nextMonday = new Date('2026-11-09T10:00:00.000Z');
    expect(workingDaysBetween(london, monday, nextMonday)).toBe(5);
    expect(workingDaysBetween(london, nextMonday, monday)).toBe(-5);
    expect(workingDaysBetween(london, monday, monday)).toBe(0);
  });

  it('ends an office day at 23:59:59.999 office time, across summer time', () => {
    expect(endOfOfficeDay(london, new Date('2026-07-01T22:30:00.000Z')).toISOString()).toBe('2026-07-01T22:59:59.999Z');
    expect(endOfOfficeDay(london, new Date('2026-07-01T23:30:00.000Z')).toISOString()).toBe('2026-07-02T22:59:59.999Z');
    expect(endOfOfficeDay(london, new Date('2026-12-01T12:00:00.000Z')).toISOString()).toBe('2026-12-01T23:59:59.999Z');
  });

  it('the next working morning is the opening itself when asked at that instant, else the next one', () => {
    expect(nextWorkingMorning(london, new Date('2026-11-23T09:00:00.000Z'), '09:00').toISOString()).toBe('2026-11-23T09:00:00.000Z');
    expect(nextWorkingMorning(london, new Date('2026-11-23T09:00:00.001Z'), '09:00').toISOString()).toBe('2026-11-24T09:00:00.000Z');
    // Christmas Eve evening 2026: Christmas, the weekend and the Boxing Day substitute pass; Tuesday 29 December.
    expect(nextWorkingMorning(london, new Date('2026-12-24T18:00:00.000Z'), '09:00').toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });

  it('gives up, saying so, when 400 days in a row are closed (and not one day sooner)', () => {
    const start = Date.UTC(2027, 0, 4); // Monday 4 January 2027
    const closures = Array.from({ length: 400 }, (_, day) => new Date(start + day * 86_400_000).toISOString().slice(0, 10));
    const shut = createWorkingCalendar({ ...DEFAULT_CALENDAR, closures });
    expect(() => nextWorkingMorning(shut, new Date('2027-01-04T08:00:00.000Z'), '09:00')).toThrow('No working day within 400 days');
    // Day 401 (Tuesday 8 February 2028) is open: one closure fewer and it is found.
    const almost = createWorkingCalendar({ ...DEFAULT_CALENDAR, closures: closures.slice(0, 399) });
    expect(nextWorkingMorning(almost, new Date('2027-01-04T08:00:00.000Z'), '09:00').toISOString()).toBe('2028-02-07T09:00:00.000Z');
  });
});

describe("the procedure's defaults (product decisions)", () => {
  it('P-3.2, P-4.1, P-4.3: 48 clock hours, 10 working days, escalation acknowledged in 5 (target) to 10 (limit), office 09:00–17:30', () => {
    expect(DEFAULT_SLA_POLICY).toEqual({
      acknowledgement: { unit: 'clock-hours', amount: 48 },
      stage1ResolutionWorkingDays: 10,
      escalationAcknowledgementTargetWorkingDays: 5,
      escalationAcknowledgementLimitWorkingDays: 10,
      stage2ResolutionWorkingDays: 10,
      warningLeadHours: 24,
      officeOpensAt: '09:00',
      officeClosesAt: '17:30',
    });
  });

  it('working days are those of England and Wales, in London time', () => {
    expect(DEFAULT_CALENDAR).toEqual({ region: 'GB-ENG', timeZone: 'Europe/London', closures: [] });
  });
});
