/**
 * Queries of the main process's API, cached by TanStack Query under `[method, input, ...scope]`,
 * so the live invalidation (live-queries.ts) can find every cached answer of a method by its name
 * and, where it matters, by its input (the case a `cases.get` is for).
 */
import { queryOptions, useQuery, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import type { ApiInput, ApiResult } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import { isApiMethodName, type ApiMethodName } from '@shared/api/names';
import { call } from './client';

/**
 * The cache key of a method's answer. `scope` keeps answers apart that the input alone does not,
 * e.g. the saved views of different people (the main process knows who is asking).
 */
export function apiQueryKey<M extends ApiMethodName>(method: M, input: ApiInput<M>, ...scope: readonly unknown[]) {
  return [method, input, ...scope] as const;
}

/** The method and input a cache key was made from (apiQueryKey), or null for any other key. */
export function methodOfKey(key: QueryKey): { method: ApiMethodName; input: unknown } | null {
  const [method, input] = key;
  return isApiMethodName(method) ? { method, input } : null;
}

export function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/** Options for one method's query: its key and how it is fetched. */
export function apiQuery<M extends ApiMethodName>(method: M, input: ApiInput<M>, ...scope: readonly unknown[]) {
  return queryOptions({
    queryKey: apiQueryKey(method, input, ...scope),
    queryFn: (): Promise<ApiResult<M>> =>
      call(method, input).catch((error: unknown) => {
        throw asApiError(error);
      }),
  });
}

type ApiQueryKey<M extends ApiMethodName> = ReturnType<typeof apiQueryKey<M>>;
export type ApiQueryOptions<M extends ApiMethodName> = Omit<UseQueryOptions<ApiResult<M>, ApiError, ApiResult<M>, ApiQueryKey<M>>, 'queryKey' | 'queryFn'>;

/** One method's answer, cached and kept live; `options` adds e.g. `enabled` or a refetch interval. */
export function useApiQuery<M extends ApiMethodName>(method: M, input: ApiInput<M>, options: ApiQueryOptions<M> = {}): UseQueryResult<ApiResult<M>, ApiError> {
  return useQuery({ ...apiQuery(method, input), ...options });
}
