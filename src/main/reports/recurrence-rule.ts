/**
 * Issue 16, P-5.3: did recurrence fall or rise after an improvement action? The statistical rule,
 * as a pure function (stated in the README):
 *
 * - Two periods of equal length L days: the L days before the action's completion day, and L days
 *   from it. L is the days since completion (today not included), at most MAXIMUM_DAYS.
 * - Under "no change", complaints with the cause arrive at one rate, so of the n = before + after
 *   complaints each falls in the after period with probability 1/2 (the conditional test of two
 *   Poisson counts over equal exposure): after ~ Binomial(n, 1/2).
 * - The exact two-sided p-value is compared with SIGNIFICANCE (0.05). Below it, recurrence fell
 *   (after < before) or rose (after > before); otherwise the difference may be chance and it
 *   cannot be told yet.
 * - No test runs when L < MINIMUM_DAYS (too soon) or n < MINIMUM_CASES (too few cases).
 */
import type { RecurrenceDoubt, RecurrenceVerdict } from '../../shared/domain/recurrence';

export const RECURRENCE_RULE = { significance: 0.05, minimumCases: 10, minimumDays: 28, maximumDays: 365 } as const;

/** P(X ≤ k) for X ~ Binomial(n, 1/2), summed in log space so large n does not underflow. */
export function binomialHalfCdf(k: number, n: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  let logTerm = n * Math.log(0.5);
  let logSum = logTerm;
  for (let i = 1; i <= k; i += 1) {
    logTerm += Math.log((n - i + 1) / i);
    const high = Math.max(logSum, logTerm);
    logSum = high + Math.log(Math.exp(logSum - high) + Math.exp(logTerm - high));
  }
  return Math.min(1, Math.exp(logSum));
}

/** The exact two-sided p-value of `after` of `before + after` against Binomial(n, 1/2). */
export function equalRateTwoSidedP(before: number, after: number): number {
  const n = before + after;
  if (n === 0) return 1;
  return Math.min(1, 2 * binomialHalfCdf(Math.min(before, after), n));
}

export interface RecurrenceJudgement {
  readonly verdict: RecurrenceVerdict;
  readonly doubt: RecurrenceDoubt | null;
  readonly pValue: number | null;
}

/** The verdict for counts over two equal periods of `periodDays` days each. */
export function judgeRecurrence(before: number, after: number, periodDays: number, rule = RECURRENCE_RULE): RecurrenceJudgement {
  if (!Number.isInteger(before) || !Number.isInteger(after) || before < 0 || after < 0) throw new RangeError('Counts are whole numbers, 0 or more');
  if (periodDays < rule.minimumDays) return { verdict: 'cannot-tell', doubt: 'too-soon', pValue: null };
  if (before + after < rule.minimumCases) return { verdict: 'cannot-tell', doubt: 'too-few-cases', pValue: null };
  const pValue = equalRateTwoSidedP(before, after);
  if (pValue >= rule.significance || before === after) return { verdict: 'cannot-tell', doubt: 'not-significant', pValue };
  return { verdict: after < before ? 'fell' : 'rose', doubt: null, pValue };
}
