/** React hooks over the API client: a query that reloads on demand, and event subscriptions. */
import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { ApiEventPayload } from '../../../shared/api/contract';
import type { ApiEventName } from '../../../shared/api/names';
import { ApiError } from '../../../shared/api/errors';
import { subscribe } from './client';

export interface QueryState<T> {
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  /** True from a (re)load until its answer arrives; `data` keeps the previous answer meanwhile. */
  readonly loading: boolean;
  reload(): void;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
}

interface Settled<T> {
  readonly key: string;
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
}

/**
 * Runs `load` now, whenever `deps` change (compared by value) and on `reload()`. An answer for an
 * older request never overwrites a newer one.
 */
export function useApiQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [version, setVersion] = useState(0);
  const [settled, setSettled] = useState<Settled<T> | null>(null);
  const key = `${version}:${JSON.stringify(deps)}`;
  const runLoad = useEffectEvent(load);

  useEffect(() => {
    let current = true;
    runLoad().then(
      (data) => current && setSettled({ key, data, error: undefined }),
      (error: unknown) => current && setSettled((previous) => ({ key, data: previous?.data, error: asApiError(error) })),
    );
    return () => {
      current = false;
    };
  }, [key]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data: settled?.data, error: settled?.error, loading: settled?.key !== key, reload };
}

export function useApiEvent<E extends ApiEventName>(channel: E, listener: (payload: ApiEventPayload<E>) => void): void {
  const onEvent = useEffectEvent(listener);
  useEffect(() => subscribe(channel, (payload) => onEvent(payload)), [channel]);
}
