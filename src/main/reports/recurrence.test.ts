/**
 * Issue 16, P-5.3: the recurrence rule (conditional binomial test of two Poisson counts over equal
 * periods, two-sided p < 0.05, at least 10 cases and 28 days) with known answers, and the report's
 * rows built from hand-made cases, each figure carrying exactly its case ids.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ImprovementAction } from '../../shared/domain/improvement-actions';
import { recurrenceReport, type RecurrenceCase } from './recurrence';
import { binomialHalfCdf, equalRateTwoSidedP, judgeRecurrence } from './recurrence-rule';
import { london } from './test-support';

describe('the exact binomial test (known values)', () => {
  it('gives the textbook p-values', () => {
    // 0 of 10 in one period: 2 × (1/2)^10.
    expect(equalRateTwoSidedP(10, 0)).toBeCloseTo(2 / 1024, 12);
    // 2 of 10: 2 × (1 + 10 + 45) / 1024.
    expect(equalRateTwoSidedP(8, 2)).toBeCloseTo(112 / 1024, 12);
    expect(equalRateTwoSidedP(2, 8)).toBeCloseTo(112 / 1024, 12);
    expect(equalRateTwoSidedP(5, 5)).toBe(1);
    expect(equalRateTwoSidedP(0, 0)).toBe(1);
    expect(binomialHalfCdf(1, 3)).toBeCloseTo(0.5, 12);
  });

  it('does not underflow for large counts, and a CDF never leaves [0, 1]', () => {
    expect(equalRateTwoSidedP(1_100, 1_000)).toBeGreaterThan(0.02);
    expect(equalRateTwoSidedP(1_100, 1_000)).toBeLessThan(0.05);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (k, extra) => {
        const p = binomialHalfCdf(k, k + extra);
        return p >= 0 && p <= 1 && binomialHalfCdf(k + 1, k + extra) >= p - 1e-12;
      }),
    );
  });
});

describe('the verdict (fell / rose / cannot tell)', () => {
  it('fell: 20 complaints before, 5 after over 90 days each (p ≈ 0.004)', () => {
    const judged = judgeRecurrence(20, 5, 90);
    expect(judged).toMatchObject({ verdict: 'fell', doubt: null });
    expect(judged.pValue).toBeCloseTo(0.004077, 5);
  });

  it('rose: 5 before, 20 after', () => {
    expect(judgeRecurrence(5, 20, 90)).toMatchObject({ verdict: 'rose', doubt: null });
  });

  it('cannot tell: too few cases (3 and 2), below the minimum of 10, whatever the split', () => {
    expect(judgeRecurrence(3, 2, 90)).toEqual({ verdict: 'cannot-tell', doubt: 'too-few-cases', pValue: null });
    expect(judgeRecurrence(9, 0, 90)).toEqual({ verdict: 'cannot-tell', doubt: 'too-few-cases', pValue: null });
  });

  it('cannot tell: too soon after completion (under 28 days), however many cases', () => {
    expect(judgeRecurrence(40, 0, 27)).toEqual({ verdict: 'cannot-tell', doubt: 'too-soon', pValue: null });
  });

  it('cannot tell: a difference chance explains (12 and 10, p ≈ 0.83)', () => {
    const judged = judgeRecurrence(12, 10, 90);
    expect(judged).toMatchObject({ verdict: 'cannot-tell', doubt: 'not-significant' });
    expect(judged.pValue).toBeCloseTo(0.8318, 3);
  });

  it('at the edge: 8 and 2 is not significant (p ≈ 0.11), 9 and 1 is (p ≈ 0.021)', () => {
    expect(judgeRecurrence(8, 2, 60).verdict).toBe('cannot-tell');
    expect(judgeRecurrence(9, 1, 60).verdict).toBe('fell');
  });

  it('refuses counts that are not whole numbers', () => {
    expect(() => judgeRecurrence(-1, 3, 90)).toThrow(RangeError);
    expect(() => judgeRecurrence(1.5, 3, 90)).toThrow(RangeError);
  });
});

const completed = (id: string, completedOn: string, rootCauseIds: string[], status: ImprovementAction['status'] = 'completed'): ImprovementAction => ({
  id,
  title: `Action ${id}`,
  ownerId: 'owner',
  ownerName: 'Owner',
  dueOn: completedOn,
  status,
  completedOn: status === 'completed' ? completedOn : null,
  rootCauseIds,
  lessonsLearned: '',
  createdAt: '2026-01-01T00:00:00.000Z',
  createdBy: { id: 'owner', name: 'Owner' },
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: { id: 'owner', name: 'Owner' },
});

/** `count` cases of the cause received on `day` at noon (London). */
function casesOn(prefix: string, day: string, count: number, rootCauseId: string | null): RecurrenceCase[] {
  return Array.from({ length: count }, (_, index) => ({ id: `${prefix}-${index}`, receivedAt: `${day}T12:00:00.000Z`, rootCauseId }));
}

describe('the recurrence report rows', () => {
  // Completed on 1 September; today 30 November: 90 days after (1 Sep – 29 Nov), 90 days before (3 Jun – 31 Aug).
  const now = new Date('2026-11-30T10:00:00.000Z');
  const cases = [
    ...casesOn('before', '2026-06-03', 14, 'courier-handling'),
    ...casesOn('before-edge', '2026-08-31', 6, 'courier-handling'),
    ...casesOn('too-early', '2026-06-02', 7, 'courier-handling'),
    ...casesOn('after', '2026-09-01', 3, 'courier-handling'),
    ...casesOn('after-edge', '2026-11-29', 2, 'courier-handling'),
    ...casesOn('today', '2026-11-30', 4, 'courier-handling'),
    ...casesOn('other-cause', '2026-09-10', 5, 'late-dispatch'),
    ...casesOn('no-cause', '2026-09-10', 5, null),
  ];

  it('counts each cause in equal periods before and after completion, each figure with its case ids', () => {
    const report = recurrenceReport(
      cases,
      [completed('a1', '2026-09-01', ['courier-handling', 'late-dispatch']), completed('a2', '2026-09-01', ['staff-error'], 'in-progress')],
      london,
      now,
    );
    expect(report.rows).toHaveLength(2);
    const [courier, dispatch] = report.rows;
    expect(courier).toMatchObject({
      actionId: 'a1',
      rootCauseId: 'courier-handling',
      periodDays: 90,
      beforeFrom: '2026-06-03',
      afterTo: '2026-11-29',
      verdict: 'fell',
      doubt: null,
    });
    expect(courier?.before.count).toBe(20);
    expect([...(courier?.before.caseIds ?? [])].sort()).toEqual(
      [...casesOn('before', '2026-06-03', 14, null), ...casesOn('before-edge', '2026-08-31', 6, null)].map((entry) => entry.id).sort(),
    );
    expect(courier?.after).toEqual({ count: 5, caseIds: ['after-0', 'after-1', 'after-2', 'after-edge-0', 'after-edge-1'] });
    expect(courier).toMatchObject({ beforePer30Days: 6.7, afterPer30Days: 1.7 });
    expect(dispatch).toMatchObject({ rootCauseId: 'late-dispatch', before: { count: 0 }, after: { count: 5 }, verdict: 'cannot-tell', doubt: 'too-few-cases' });
    expect(report.rule).toEqual({ significance: 0.05, minimumCases: 10, minimumDays: 28, maximumDays: 365 });
  });

  it('says too soon for an action completed under 28 days ago, and caps the periods at a year', () => {
    const soon = recurrenceReport(cases, [completed('a1', '2026-11-10', ['courier-handling'])], london, now).rows[0];
    expect(soon).toMatchObject({ periodDays: 20, verdict: 'cannot-tell', doubt: 'too-soon' });
    const old = recurrenceReport([], [completed('a1', '2024-01-01', ['courier-handling'])], london, now).rows[0];
    expect(old).toMatchObject({ periodDays: 365, beforeFrom: '2023-01-01', afterTo: '2024-12-30' });
  });
});
