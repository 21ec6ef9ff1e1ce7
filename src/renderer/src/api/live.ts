/** A query that reloads when cases (or settings) change anywhere: this window, another, or sync. */
import { useEffect, useRef } from 'react';
import { useApiEvent, useApiQuery, type QueryState } from './hooks';

export function useLiveQuery<T>(load: () => Promise<T>, deps: readonly unknown[], options: { settings?: boolean; caseId?: string; everyMs?: number } = {}): QueryState<T> {
  const query = useApiQuery(load, deps);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const soon = () => {
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      query.reload();
    }, 100);
  };
  useApiEvent('cases.changed', (event) => {
    if (!options.caseId || event.caseIds.includes(options.caseId)) soon();
  });
  useApiEvent('settings.changed', () => {
    if (options.settings) soon();
  });
  const { reload } = query;
  useEffect(() => {
    if (!options.everyMs) return undefined;
    const interval = setInterval(reload, options.everyMs);
    return () => clearInterval(interval);
  }, [options.everyMs, reload]);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  return query;
}
