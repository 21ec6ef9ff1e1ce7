/**
 * P-5.2: which series spiked in the checked week, from the cases received in the checked and
 * baseline weeks. Pure: the rule (trend-rule.ts) applied to every value of every dimension.
 */
import { TREND_DIMENSIONS, type TrendCase, type TrendDimension } from './trend-dimensions';
import { judgeWeek, TREND_RULE, type TrendRule } from './trend-rule';
import type { TrendWeeks } from './trend-weeks';

export interface TrendSpike {
  readonly dimension: string;
  readonly value: string;
  readonly count: number;
  readonly baselineMean: number;
  readonly pValue: number;
  /** The checked week's cases of this series (the alert opens them). */
  readonly caseIds: readonly string[];
}

function weekIndex(bounds: readonly number[], at: number): number {
  if (!(at >= (bounds[0] ?? Infinity) && at < (bounds[bounds.length - 1] ?? -Infinity))) return -1;
  let index = 0;
  while (at >= (bounds[index + 1] ?? Infinity)) index += 1;
  return index;
}

export function trendSpikes(
  cases: readonly TrendCase[],
  weeks: TrendWeeks,
  rule: TrendRule = TREND_RULE,
  dimensions: readonly TrendDimension[] = TREND_DIMENSIONS,
): TrendSpike[] {
  const weekCount = weeks.bounds.length - 1;
  if (weekCount !== rule.baselineWeeks + 1) throw new RangeError(`The weeks do not match the rule's ${rule.baselineWeeks} baseline weeks`);
  const series = new Map<string, { dimension: string; value: string; counts: number[]; caseIds: string[] }>();
  for (const record of cases) {
    const index = weekIndex(weeks.bounds, Date.parse(record.receivedAt));
    if (index < 0) continue;
    for (const dimension of dimensions) {
      const value = dimension.valueOf(record);
      if (value === null) continue;
      const key = JSON.stringify([dimension.id, value]);
      const found = series.get(key) ?? { dimension: dimension.id, value, counts: new Array<number>(weekCount).fill(0), caseIds: [] };
      found.counts[index] = (found.counts[index] ?? 0) + 1;
      if (index === weekCount - 1) found.caseIds.push(record.id);
      series.set(key, found);
    }
  }
  const spikes: TrendSpike[] = [];
  for (const { dimension, value, counts, caseIds } of series.values()) {
    const verdict = judgeWeek(counts[weekCount - 1] ?? 0, counts.slice(0, -1), rule);
    if (verdict.spike) spikes.push({ dimension, value, count: verdict.count, baselineMean: verdict.baselineMean, pValue: verdict.pValue, caseIds });
  }
  return spikes.sort((a, b) => a.pValue - b.pValue || a.dimension.localeCompare(b.dimension) || a.value.localeCompare(b.value));
}
