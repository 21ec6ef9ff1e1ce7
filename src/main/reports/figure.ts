/**
 * Figures that carry their cases (issue 16): a count is always the number of case ids behind it,
 * so a drill-down can open exactly those cases and show the same number.
 */
import type { Figure, Keyed } from '../../shared/domain/reports';

export function figureOf(caseIds: Iterable<string>): Figure {
  const ids = [...new Set(caseIds)];
  return { count: ids.length, caseIds: ids };
}

export const NO_CASES: Figure = { count: 0, caseIds: [] };

/** Case ids grouped by a key, in the order the keys are given first (or first seen). */
export class FigureGroups<K> {
  private readonly groups = new Map<K, Set<string>>();

  constructor(keys: readonly K[] = []) {
    for (const key of keys) this.groups.set(key, new Set());
  }

  add(key: K, caseId: string): void {
    const group = this.groups.get(key) ?? new Set<string>();
    group.add(caseId);
    this.groups.set(key, group);
  }

  get(key: K): Figure {
    const group = this.groups.get(key);
    return group ? figureOf(group) : NO_CASES;
  }

  keys(): K[] {
    return [...this.groups.keys()];
  }

  toKeyed(): Keyed<K>[] {
    return this.keys().map((key) => ({ key, figure: this.get(key) }));
  }
}

/** part / whole as a percentage with one decimal; null when the whole is empty. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 1000) / 10;
}
