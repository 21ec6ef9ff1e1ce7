/**
 * Case views: the built-in saved views of the navigation, and the user's own filter combinations
 * (kept on this device).
 */
import type { CaseFilters, CaseSortField } from '../../../../shared/domain/inputs';

export interface CaseSort {
  readonly field: CaseSortField;
  readonly direction: 'asc' | 'desc';
}

export interface CaseView {
  readonly id: string;
  /** Built-in views are named by translation key; the user's own by the name they gave. */
  readonly labelKey?: 'myOpen' | 'awaitingAcknowledgement' | 'dueSoon' | 'dueToday' | 'breached' | 'awaitingThirdParty' | 'stage2' | 'allOpen' | 'closed';
  readonly name?: string;
  readonly filters: CaseFilters;
  readonly sort: CaseSort;
  readonly search?: string;
}

const BY_DEADLINE: CaseSort = { field: 'nextDueAt', direction: 'asc' };

export function builtInViews(myStaffId: string): CaseView[] {
  return [
    { id: 'my-open', labelKey: 'myOpen', filters: { open: true, assigneeIds: [myStaffId] }, sort: BY_DEADLINE },
    { id: 'awaiting-acknowledgement', labelKey: 'awaitingAcknowledgement', filters: { statuses: ['received'] }, sort: BY_DEADLINE },
    { id: 'due-soon', labelKey: 'dueSoon', filters: { deadline: 'due-soon' }, sort: BY_DEADLINE },
    { id: 'due-today', labelKey: 'dueToday', filters: { deadline: 'due-today' }, sort: BY_DEADLINE },
    { id: 'breached', labelKey: 'breached', filters: { deadline: 'breached' }, sort: BY_DEADLINE },
    { id: 'awaiting-third-party', labelKey: 'awaitingThirdParty', filters: { statuses: ['awaiting-third-party'] }, sort: BY_DEADLINE },
    { id: 'stage-2', labelKey: 'stage2', filters: { open: true, stages: [2] }, sort: BY_DEADLINE },
    { id: 'all-open', labelKey: 'allOpen', filters: { open: true }, sort: BY_DEADLINE },
    { id: 'closed', labelKey: 'closed', filters: { open: false }, sort: { field: 'receivedAt', direction: 'desc' } },
  ];
}

const STORAGE_KEY = 'plaint.caseViews';

export function loadCustomViews(): CaseView[] {
  try {
    const parsed = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(parsed) ? (parsed.filter((view) => typeof view === 'object' && view !== null && 'id' in view && 'filters' in view) as CaseView[]) : [];
  } catch {
    return [];
  }
}

export function saveCustomViews(views: readonly CaseView[]): void {
  window.localStorage.setItem(STORAGE_KEY, JSON.stringify(views));
  window.dispatchEvent(new Event('plaint:views-changed'));
}
