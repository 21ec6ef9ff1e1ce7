/** Messages between bench:cases and its profile workers (case-profile-worker.ts). */
export const CASE_OPERATIONS = ['list', 'count', 'search', 'open', 'transition', 'note', 'deadlines'] as const;
export type CaseOperation = (typeof CASE_OPERATIONS)[number];

export type WorkerRequest = { readonly type: 'run'; readonly id: number; readonly operation: CaseOperation; readonly run: number } | { readonly type: 'close' };

export type WorkerReply =
  | { readonly type: 'ready'; readonly acknowledged: number }
  | { readonly type: 'done'; readonly id: number; readonly ms: number; readonly found: unknown }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
