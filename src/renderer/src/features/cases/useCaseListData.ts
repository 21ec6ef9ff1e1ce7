/**
 * Rows for the virtualised case list, fetched a page at a time as they scroll into view. Each page
 * is its own cached query (`cases.list` at its offset), so:
 * - a new filter, sort or search is a new set of queries: answers for an older one never mix in;
 * - a change anywhere refetches the pages on screen (live-queries.ts); pages off screen are only
 *   marked stale, shown from the cache when scrolled back to, and fetched again then;
 * - jumping to the end of 100 000 cases fetches the last page and nothing in between.
 *
 * Not useInfiniteQuery: it grows a list from its first page, one page after another, and refetches
 * every page it holds after a change. A virtualised list needs any page on its own.
 */
import { useQueries, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ApiInput } from '@shared/api/contract';
import type { CaseFilters } from '@shared/domain/inputs';
import type { CaseList, CaseListItem } from '@shared/domain/views';
import { apiQuery, apiQueryKey } from '../../api/queries';
import type { CaseSort, CaseView } from './views';

export const PAGE_SIZE = 100;

export interface CaseListData {
  /** How many cases match; the last known count while a new filter or search is on its way, null before any. */
  readonly total: number | null;
  readonly error: string | null;
  /** The case at a row, or undefined while its page is on its way. */
  row(index: number): CaseListItem | undefined;
  /** The rows the table shows (overscan included): their pages are fetched. */
  showRange(first: number, last: number): void;
}

/** The pages holding rows first to last. */
export function pagesFor(first: number, last: number): number[] {
  const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
  const to = Math.max(from, Math.floor(Math.max(0, last) / PAGE_SIZE));
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

export function pageInput(filters: CaseFilters, search: string, sort: CaseSort, page: number): ApiInput<'cases.list'> {
  return { filters, search, sort, offset: page * PAGE_SIZE, limit: PAGE_SIZE };
}

/** The count of the most recent answer among the pages (each answer counts all matching cases). */
export function newestTotal(pages: readonly { readonly data?: CaseList | undefined; readonly dataUpdatedAt: number }[]): number | null {
  let newest: { total: number; at: number } | null = null;
  for (const page of pages) if (page.data && (!newest || page.dataUpdatedAt >= newest.at)) newest = { total: page.data.total, at: page.dataUpdatedAt };
  return newest?.total ?? null;
}

/**
 * Starts fetching the first rows of a view while the window is still starting, so they are on their
 * way before the list's code and the settings are. The list then finds them in the cache.
 */
export function prefetchFirstRows(client: QueryClient, view: CaseView): void {
  void client.prefetchQuery(apiQuery('cases.list', pageInput(view.filters, view.search ?? '', view.sort, 0)));
}

export function useCaseListData(filters: CaseFilters, search: string, sort: CaseSort): CaseListData {
  const client = useQueryClient();
  const [pages, setPages] = useState<readonly number[]>([0]);
  const results = useQueries({ queries: pages.map((page) => apiQuery('cases.list', pageInput(filters, search, sort, page))) });

  // The count stays at its last value while a new search is answered, so it does not flash "loading" at every keystroke.
  const fresh = newestTotal(results);
  const [lastTotal, setLastTotal] = useState<number | null>(null);
  if (fresh !== null && fresh !== lastTotal) setLastTotal(fresh);

  return {
    total: fresh ?? lastTotal,
    error: results.find((result) => result.error)?.error?.message ?? null,
    row(index) {
      const page = Math.floor(index / PAGE_SIZE);
      const onScreen = pages.indexOf(page);
      // A page scrolled back to shows what the cache holds while it is fetched again.
      const answer = onScreen >= 0 ? results[onScreen]?.data : client.getQueryData<CaseList>(apiQueryKey('cases.list', pageInput(filters, search, sort, page)));
      return answer?.items[index % PAGE_SIZE];
    },
    showRange(first, last) {
      const next = pagesFor(first, last);
      setPages((current) => (current.length === next.length && current.every((page, index) => page === next[index]) ? current : next));
    },
  };
}
