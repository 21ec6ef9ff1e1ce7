/**
 * Case views: the built-in views of the navigation, and the person's own saved views (kept by the
 * main process, `caseViews.*`; see useCaseViews.ts). A view is a set of filters, a sort and a search.
 */
import type { CaseSort, SavedCaseView } from '@shared/domain/case-views';
import type { CaseFilters } from '@shared/domain/inputs';

export type { CaseSort };

export type BuiltInViewKey =
  | 'myOpen'
  | 'myDueSoon'
  | 'unassigned'
  | 'awaitingAcknowledgement'
  | 'dueSoon'
  | 'dueToday'
  | 'breached'
  | 'breachedThenExtended'
  | 'awaitingThirdParty'
  | 'stage2'
  | 'allOpen'
  | 'closed';

export interface CaseView {
  readonly id: string;
  /** Built-in views are named by translation key; the person's own by the name they gave. */
  readonly labelKey?: BuiltInViewKey;
  readonly name?: string;
  readonly filters: CaseFilters;
  readonly sort: CaseSort;
  readonly search?: string;
  /** A report figure's cases (issue 16): kept in this window only, never saved or deleted. */
  readonly drillDown?: boolean;
}

export const DEFAULT_VIEW_ID = 'all-open';

/** Where earlier versions kept the person's views, in this window's localStorage (legacy-views.ts moves them). */
export const LEGACY_VIEWS_KEY = 'plaint.caseViews';
const BY_DEADLINE: CaseSort = { field: 'nextDueAt', direction: 'asc' };

export function builtInViews(myStaffId: string): CaseView[] {
  return [
    { id: 'my-open', labelKey: 'myOpen', filters: { open: true, assigneeIds: [myStaffId] }, sort: BY_DEADLINE },
    // Issue 18: the person's own cases whose deadline is near, and the open cases nobody has taken (triage).
    { id: 'my-due-soon', labelKey: 'myDueSoon', filters: { assigneeIds: [myStaffId], deadline: 'due-soon' }, sort: BY_DEADLINE },
    { id: 'unassigned', labelKey: 'unassigned', filters: { open: true, assigneeIds: [''] }, sort: { field: 'receivedAt', direction: 'asc' } },
    { id: 'awaiting-acknowledgement', labelKey: 'awaitingAcknowledgement', filters: { statuses: ['received'] }, sort: BY_DEADLINE },
    { id: 'due-soon', labelKey: 'dueSoon', filters: { deadline: 'due-soon' }, sort: BY_DEADLINE },
    { id: 'due-today', labelKey: 'dueToday', filters: { deadline: 'due-today' }, sort: BY_DEADLINE },
    { id: 'breached', labelKey: 'breached', filters: { deadline: 'breached' }, sort: BY_DEADLINE },
    {
      id: 'breached-then-extended',
      labelKey: 'breachedThenExtended',
      filters: { deadline: 'breached-then-extended' },
      sort: { field: 'receivedAt', direction: 'desc' },
    },
    { id: 'awaiting-third-party', labelKey: 'awaitingThirdParty', filters: { statuses: ['awaiting-third-party'] }, sort: BY_DEADLINE },
    { id: 'stage-2', labelKey: 'stage2', filters: { open: true, stages: [2] }, sort: BY_DEADLINE },
    { id: DEFAULT_VIEW_ID, labelKey: 'allOpen', filters: { open: true }, sort: BY_DEADLINE },
    { id: 'closed', labelKey: 'closed', filters: { open: false }, sort: { field: 'receivedAt', direction: 'desc' } },
  ];
}

/** The built-in views, then the person's own in the order they saved them. */
export function allViews(myStaffId: string, saved: readonly SavedCaseView[]): CaseView[] {
  return [...builtInViews(myStaffId), ...saved];
}

/** The view a route names; "all open" for one that no longer exists (deleted here or on another device). */
export function viewForRoute(views: readonly CaseView[], viewId: string): CaseView {
  const found = views.find((view) => view.id === viewId) ?? views.find((view) => view.id === DEFAULT_VIEW_ID);
  if (!found) throw new Error('The built-in views include "all open"');
  return found;
}

/** True when the list shows something other than its view: then it can be saved as a view of its own. */
export function differsFromView(view: CaseView, extra: CaseFilters, search: string, sort: CaseSort): boolean {
  return Object.keys(extra).length > 0 || search !== (view.search ?? '') || sort.field !== view.sort.field || sort.direction !== view.sort.direction;
}
