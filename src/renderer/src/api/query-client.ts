/**
 * The renderer's query cache (TanStack Query). Every answer from the main process is cached under
 * its method and input (queries.ts) and kept fresh by the main process's change events
 * (live-queries.ts), so the defaults here turn off what suits a web app talking to a far server.
 */
import { QueryClient } from '@tanstack/react-query';
import type { ApiError } from '@shared/api/errors';

declare module '@tanstack/react-query' {
  interface Register {
    // Every query and mutation goes through `call` (client.ts), which only throws ApiError.
    defaultError: ApiError;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // The main process is on this machine: asking again does not cure a refused input, a
        // missing case or a damaged file, and would only hide the error for a while.
        retry: false,
        // Plaint works offline: the main process answers whether or not the machine has a network.
        // (TanStack's default would pause every query while navigator.onLine is false.)
        networkMode: 'always',
        // Freshness comes from the main process's *.changed events (live-queries.ts marks what they
        // change as stale), not from age, window focus or a component mounting again.
        staleTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
      },
      mutations: { retry: false, networkMode: 'always' },
    },
  });
}
