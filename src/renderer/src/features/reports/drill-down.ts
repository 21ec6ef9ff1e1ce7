/**
 * Issue 16 drill-down: a report figure opens the case list filtered to exactly its cases (the
 * `caseIds` filter), so the list's count equals the figure. The figure's view lives in this
 * window's memory for as long as the window is open: its route, `/cases/view/report-N`, names it.
 */
import { MAX_CASE_IDS_FILTER } from '@shared/domain/inputs';
import type { Figure } from '@shared/domain/reports';
import type { CaseView } from '../cases/views';

const views = new Map<string, CaseView>();
let last = 0;

/** Whether a figure's cases can be named in one case-list filter. */
export function canDrillDown(figure: Figure): boolean {
  return figure.count > 0 && figure.count <= MAX_CASE_IDS_FILTER;
}

/** Keeps a view of the figure's cases and answers its route. */
export function drillDownRoute(name: string, figure: Figure): string {
  last += 1;
  const id = `report-${last}`;
  views.set(id, { id, name, drillDown: true, filters: { caseIds: [...figure.caseIds] }, sort: { field: 'receivedAt', direction: 'desc' } });
  return `/cases/view/${id}`;
}

export function drillDownView(id: string): CaseView | undefined {
  return views.get(id);
}
