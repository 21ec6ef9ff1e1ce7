/**
 * Rows for the virtualised case list, fetched from the main process a page at a time as they
 * scroll into view. A new filter, sort or search starts afresh; a change anywhere reloads the
 * pages on screen. Answers arriving for an older query are dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CaseFilters } from '../../../../shared/domain/inputs';
import type { CaseListItem } from '../../../../shared/domain/views';
import { call } from '../../api/client';
import { useApiEvent } from '../../api/hooks';
import type { CaseSort } from './views';

export const PAGE_SIZE = 100;

export interface CaseListData {
  readonly total: number | null;
  readonly error: string | null;
  /** Increments whenever rows change, so the table re-renders. */
  readonly version: number;
  row(index: number): CaseListItem | undefined;
  showRange(first: number, last: number): void;
}

export function useCaseListData(filters: CaseFilters, search: string, sort: CaseSort): CaseListData {
  const key = JSON.stringify({ filters, search, sort });
  const pages = useRef(new Map<number, CaseListItem[]>());
  const loading = useRef(new Set<number>());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  const load = useCallback(
    (page: number, mine: number) => {
      if (loading.current.has(page)) return;
      loading.current.add(page);
      const input = JSON.parse(key) as { filters: CaseFilters; search: string; sort: CaseSort };
      call('cases.list', { ...input, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (mine !== generation.current) return;
          pages.current.set(page, [...result.items]);
          setTotal(result.total);
          setError(null);
          setVersion((value) => value + 1);
        })
        .catch((caught: unknown) => mine === generation.current && setError(caught instanceof Error ? caught.message : String(caught)))
        .finally(() => loading.current.delete(page));
    },
    [key],
  );

  const pagesFor = (first: number, last: number) => {
    const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
    const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
    return Array.from({ length: to - from + 1 }, (_, i) => from + i);
  };

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    loading.current = new Set();
    visible.current = [0, 0];
    load(0, generation.current);
  }, [key, load]);

  const refresh = useRef<ReturnType<typeof setTimeout> | null>(null);
  useApiEvent('cases.changed', () => {
    if (refresh.current) return;
    refresh.current = setTimeout(() => {
      refresh.current = null;
      generation.current += 1;
      const keep = pagesFor(...visible.current);
      loading.current = new Set();
      for (const page of keep) load(page, generation.current);
      // Pages off screen are stale now; they are fetched again when scrolled to.
      for (const page of [...pages.current.keys()]) if (!keep.includes(page)) pages.current.delete(page);
    }, 150);
  });
  useEffect(() => () => {
    if (refresh.current) clearTimeout(refresh.current);
  }, []);

  return {
    total,
    error,
    version,
    row: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    showRange(first, last) {
      visible.current = [first, last];
      for (const page of pagesFor(first, last)) if (!pages.current.has(page)) load(page, generation.current);
    },
  };
}
