/**
 * What the person did to each case list in this session (issue 18): its extra filters, sort and
 * search, and which list they were on, so "Back to the list" from a case returns to that list as
 * they left it. Kept in the window's memory only: a restart starts from the saved views.
 */
import type { CaseFilters } from '@shared/domain/inputs';
import type { CaseSort } from './views';

export interface KeptListState {
  readonly extra: CaseFilters;
  readonly sort: CaseSort;
  readonly search: string;
}

const states = new Map<string, KeptListState>();
let lastList = '/cases';

export function keptListState(viewId: string): KeptListState | undefined {
  return states.get(viewId);
}

export function keepListState(viewId: string, state: KeptListState, path: string): void {
  states.set(viewId, state);
  lastList = path;
}

/** The list the person last worked in ("/cases" at first). */
export function lastListPath(): string {
  return lastList;
}
