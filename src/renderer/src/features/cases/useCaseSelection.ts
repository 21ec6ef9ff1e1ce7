/**
 * Issue 18: the rows a manager has chosen in the case list for "Assign to…". The header's box
 * chooses every loaded row (at most MAX_BULK_ASSIGN), or none.
 */
import { useCallback, useMemo, useState } from 'react';
import { MAX_BULK_ASSIGN } from '@shared/domain/case-list-inputs';
import type { CaseListItem } from '@shared/domain/views';
import type { CaseSelection } from './CaseTable';
import type { CaseListData } from './useCaseListData';

export interface CaseSelectionState extends CaseSelection {
  readonly clear: () => void;
}

/** The loaded rows, in list order, up to the bulk limit. */
export function loadedRows(data: CaseListData): CaseListItem[] {
  const rows: CaseListItem[] = [];
  const end = Math.min(data.total ?? 0, 4 * MAX_BULK_ASSIGN);
  for (let index = 0; index < end && rows.length < MAX_BULK_ASSIGN; index += 1) {
    const row = data.row(index);
    if (row) rows.push(row);
  }
  return rows;
}

export function useCaseSelection(data: CaseListData): CaseSelectionState {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const loaded = loadedRows(data);
  const allSelected = loaded.length > 0 && loaded.every((row) => selected.has(row.id));
  const toggle = useCallback((row: CaseListItem) => {
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(row.id)) next.delete(row.id);
      else if (next.size < MAX_BULK_ASSIGN) next.add(row.id);
      return next;
    });
  }, []);
  const ids = loaded.map((row) => row.id).join(',');
  const toggleAll = useCallback(() => setSelected(allSelected ? new Set() : new Set(ids.split(',').filter(Boolean))), [allSelected, ids]);
  const clear = useCallback(() => setSelected(new Set()), []);
  return useMemo(() => ({ selected, toggle, toggleAll, allSelected, clear }), [selected, toggle, toggleAll, allSelected, clear]);
}
