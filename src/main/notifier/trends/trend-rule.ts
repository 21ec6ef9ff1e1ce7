/**
 * P-5.2 trend alerts: the statistical rule, pure. A week's count of new complaints in one series
 * (a complaint type, a product, …) is a spike when
 *
 * - it is at least `minimumCount` (5), and
 * - the one-sided exact Poisson test of this week's rate against the previous `baselineWeeks` (8)
 *   weeks' rate gives p < `alpha` (0.01).
 *
 * The exact test is the conditional one (as R's `poisson.test(c(k, b), c(1, 8), alternative =
 * "greater")`): if both are Poisson with the same weekly rate, then given the n = k + b complaints
 * of the nine weeks, this week's k is Binomial(n, 1/9), and p = P(K ≥ k). Plugging the baseline's
 * mean into a plain Poisson tail instead treats an estimate as the true rate; with 8 weeks that
 * alarms about 1.2% of the time on pure noise, above the level stated, so it is not used.
 */
export interface TrendRule {
  readonly baselineWeeks: number;
  readonly alpha: number;
  readonly minimumCount: number;
}

export const TREND_RULE: TrendRule = { baselineWeeks: 8, alpha: 0.01, minimumCount: 5 };

export interface TrendVerdict {
  readonly spike: boolean;
  readonly count: number;
  /** Complaints a week in the baseline weeks. */
  readonly baselineMean: number;
  readonly pValue: number;
}

/** ln(k!) by summing logarithms (nine weeks of one series are few enough for this to be exact and quick). */
function logFactorial(k: number): number {
  let sum = 0;
  for (let i = 2; i <= k; i += 1) sum += Math.log(i);
  return sum;
}

/** P(K ≥ k) for K ~ Binomial(n, p), 0 < p < 1: the upper tail summed from k up (no cancellation). */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n < 0) throw new RangeError(`Counts are whole numbers ≥ 0, not ${k} of ${n}`);
  if (!(p > 0 && p < 1)) throw new RangeError(`A probability strictly between 0 and 1, not ${p}`);
  if (k === 0) return 1;
  if (k > n) return 0;
  const odds = p / (1 - p);
  let term = Math.exp(logFactorial(n) - logFactorial(k) - logFactorial(n - k) + k * Math.log(p) + (n - k) * Math.log1p(-p));
  let sum = 0;
  for (let i = k; i <= n; i += 1) {
    sum += term;
    // Past the mode the terms shrink at least geometrically: stop once they no longer count.
    if (i >= n * p && term < sum * 1e-16) break;
    term *= ((n - i) / (i + 1)) * odds;
  }
  return Math.min(1, sum);
}

/** The rule applied to one series: this week's count against the previous weeks' counts. */
export function judgeWeek(count: number, previousWeeks: readonly number[], rule: TrendRule = TREND_RULE): TrendVerdict {
  if (previousWeeks.length !== rule.baselineWeeks) throw new RangeError(`The rule needs ${rule.baselineWeeks} previous weeks, not ${previousWeeks.length}`);
  const baseline = previousWeeks.reduce((sum, weekCount) => sum + weekCount, 0);
  const pValue = binomialUpperTail(count, count + baseline, 1 / (rule.baselineWeeks + 1));
  return { spike: count >= rule.minimumCount && pValue < rule.alpha, count, baselineMean: baseline / rule.baselineWeeks, pValue };
}
