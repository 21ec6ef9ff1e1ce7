/**
 * The filters bar's rules, apart from React: a filter left empty is no filter at all, the list's
 * own filters combine with its view's, and "unassigned" (the empty assignee id) has a value a
 * select can hold.
 */
import type { CaseFilters } from '@shared/domain/inputs';

const filterKeys = (filters: CaseFilters): (keyof CaseFilters)[] => Object.keys(filters).filter((key): key is keyof CaseFilters => key in filters);

function isEmpty(value: CaseFilters[keyof CaseFilters]): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function copy<K extends keyof CaseFilters>(to: CaseFilters, from: CaseFilters, key: K): void {
  to[key] = from[key];
}

/** The filters with a change applied; a filter emptied (cleared select, cleared date) is removed. */
export function withFilter(filters: CaseFilters, patch: Partial<CaseFilters>): CaseFilters {
  const merged: CaseFilters = { ...filters, ...patch };
  const next: CaseFilters = {};
  for (const key of filterKeys(merged)) if (!isEmpty(merged[key])) copy(next, merged, key);
  return next;
}

/** What the list adds to its view: the filters that differ from the view's own (the rest is the view). */
export function extraFilters(viewFilters: CaseFilters, shown: CaseFilters): CaseFilters {
  const extra: CaseFilters = {};
  for (const key of filterKeys(shown)) if (JSON.stringify(viewFilters[key]) !== JSON.stringify(shown[key])) copy(extra, shown, key);
  return extra;
}

/** A select cannot hold '' as a value, so "unassigned" stands in for the empty assignee id. */
export const UNASSIGNED_OPTION = '__none';

export function assigneeOptions(assigneeIds: readonly string[]): string[] {
  return assigneeIds.map((id) => id || UNASSIGNED_OPTION);
}

export function assigneeIdsFrom(options: readonly string[]): string[] {
  return options.map((option) => (option === UNASSIGNED_OPTION ? '' : option));
}

/** A select's values, kept to those of the vocabulary (a select only offers those, but says `string`). */
export function known<T extends string>(values: readonly string[], vocabulary: readonly T[]): T[] {
  return values.filter((value): value is T => (vocabulary as readonly string[]).includes(value));
}

export function stagesFrom(values: readonly string[]): (1 | 2)[] {
  return values.flatMap((value) => (value === '1' ? [1 as const] : value === '2' ? [2 as const] : []));
}
