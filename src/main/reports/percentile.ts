/**
 * P-5.1 time taken: the nearest-rank percentile (the smallest value with at least p% of the values
 * at or below it), so every answer is a time some case really took. The median is the 50th.
 */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}
