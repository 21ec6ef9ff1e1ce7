/**
 * The rule for two edits of the same thing made on different devices before they synced: the
 * later edit wins. Ties (same millisecond) go to the greater staff id, then to the greater value,
 * so every device picks the same winner whatever order the edits arrive in.
 */
import { deepEqual } from 'rxdb/plugins/utils';
import type { StaffRef } from '@shared/domain/records';

export interface Edit<T = unknown> {
  readonly value: T;
  readonly at: string;
  readonly by: StaffRef;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** JSON with object keys sorted, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'object' && item !== null && !Array.isArray(item) ? Object.fromEntries(Object.entries(item).sort(([x], [y]) => compareText(x, y))) : item,
    ) ?? 'undefined'
  );
}

/** Positive when `a` wins, negative when `b` wins, zero only for identical edits. */
export function compareEdits(a: Edit, b: Edit): number {
  return Date.parse(a.at) - Date.parse(b.at) || compareText(a.by.id, b.by.id) || compareText(canonicalJson(a.value), canonicalJson(b.value));
}

export function laterEdit<E extends Edit>(a: E, b: E): { kept: E; discarded: E } {
  return compareEdits(a, b) >= 0 ? { kept: a, discarded: b } : { kept: b, discarded: a };
}

export function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a, b);
}

/**
 * A set edited on two devices: what either side added since the base is added, what either side
 * removed is removed. Without a base (never synced) it is the union. Sorted, so it does not
 * depend on which side is which.
 */
export function mergeSets(base: readonly string[] | undefined, a: readonly string[], b: readonly string[]): string[] {
  const inA = new Set(a);
  const inB = new Set(b);
  const inBase = new Set(base ?? []);
  const kept = [...new Set([...a, ...b])].filter((item) => (inA.has(item) && inB.has(item)) || !inBase.has(item));
  return kept.sort(compareText);
}

/**
 * Three-way choice between two edits of one thing: a side that left the base value unchanged
 * takes the other side's change; two different changes keep the later edit and report the other.
 */
export function chooseEdit<E extends Edit>(base: { readonly value: unknown } | null, a: E, b: E): { kept: E; discarded: E | null } {
  if (sameValue(a.value, b.value)) return { kept: compareEdits(a, b) >= 0 ? a : b, discarded: null };
  if (base && sameValue(base.value, a.value)) return { kept: b, discarded: null };
  if (base && sameValue(base.value, b.value)) return { kept: a, discarded: null };
  return laterEdit(a, b);
}
