/**
 * Keeps cached answers live: each change event of the main process (this window's changes,
 * another window's, or sync) makes the answers it affects stale, and the ones on screen are
 * fetched again. One table says which event affects which methods.
 *
 * Bursts (a sync bringing in hundreds of cases) are coalesced without a timer: while one round of
 * refetching runs, further events only collect, and one more round follows when it ends. So a
 * refetch always completes and is shown (events arriving faster than a list query answers cannot
 * starve it), and what is shown was always fetched after the change it answers: a fetch that was
 * already running when the event came is cancelled and started again.
 */
import type { Query, QueryClient } from '@tanstack/react-query';
import type { ApiEventPayload } from '@shared/api/contract';
import { API_EVENTS, type ApiEventName, type ApiMethodName } from '@shared/api/names';
import { apiQueryKey, methodOfKey } from './queries';

/** Which cached answers an event makes stale: every answer of a method, or those whose input it names. */
type Stale = (method: ApiMethodName, input: unknown) => boolean;

const ofMethods =
  (...methods: readonly ApiMethodName[]): Stale =>
  (method) =>
    methods.includes(method);

function caseIdOf(input: unknown): string | undefined {
  return typeof input === 'object' && input !== null && 'caseId' in input && typeof input.caseId === 'string' ? input.caseId : undefined;
}

/** The table: for each event, the answers it makes stale. Events absent here change no query. */
export const STALE_AFTER: { readonly [E in ApiEventName]?: (payload: ApiEventPayload<E>) => Stale } = {
  'cases.changed': ({ caseIds }) => {
    // An e-mail sent is recorded on its case (issue 17): the outbox shows it.
    const lists = ofMethods(
      'cases.list',
      'cases.count',
      'cases.quickSearch',
      'cases.findDuplicates',
      'cases.contactOffers',
      'cases.related',
      'reports.dashboard',
      'reports.recurrence',
      'mail.outbox',
      'cases.unread',
      'retention.status',
    );
    const ofCase = (method: ApiMethodName) => method === 'cases.get' || method === 'cases.correspondence';
    return (method, input) => lists(method, input) || (ofCase(method) && caseIds.includes(caseIdOf(input) ?? ''));
  },
  // Settings move deadlines and rename types and people; letter templates are settings too.
  // The retention policy and the erasure register are settings areas (issue 14), and so are improvement actions (P-5.3).
  'settings.changed': () =>
    ofMethods(
      'settings.get',
      'cases.get',
      'post.templates',
      'reports.dashboard',
      'reports.recurrence',
      'improvementActions.list',
      'improvementActions.mine',
      'retention.status',
      'erasure.register',
    ),
  // An e-mail's triage writes its letter (issue 17): the register drops it.
  'letters.changed': () => ofMethods('post.list', 'post.dayBook', 'mail.list'),
  'notifications.changed': () => ofMethods('notifications.list'),
  'caseViews.changed': () => ofMethods('caseViews.list'),
};

export type Subscribe = <E extends ApiEventName>(channel: E, listener: (payload: ApiEventPayload<E>) => void) => () => void;

/** Starts following the main process's events; returns the function that stops it. */
export function startLiveQueries(client: QueryClient, subscribe: Subscribe): () => void {
  let pending: Stale[] = [];
  let running = false;

  const refetchRounds = async (): Promise<void> => {
    running = true;
    try {
      while (pending.length > 0) {
        const round = pending;
        pending = [];
        const predicate = (query: Query) => {
          const found = methodOfKey(query.queryKey);
          return found !== null && round.some((stale) => stale(found.method, found.input));
        };
        // A fetch still running may have read the state before the change. TanStack would reuse it
        // (a query that has no answer yet is not refetched), so it is cancelled first.
        await client.cancelQueries({ predicate });
        // Marks them stale and fetches again those on screen; the rest when they are next shown.
        await client.invalidateQueries({ predicate });
      }
    } finally {
      running = false;
    }
  };

  const note = (stale: Stale) => {
    pending.push(stale);
    if (!running) void refetchRounds();
  };

  const stops = API_EVENTS.map((channel) => listenTo(channel, subscribe, note));
  // Events that carry the new state itself go straight into the cache: the database's health (which
  // the status area reads from app.info's answer) and the sync status.
  stops.push(
    subscribe('app.status', (status) => {
      client.setQueryData(apiQueryKey('app.info', {}), (info) => (info ? { ...info, database: status.database } : info));
    }),
    subscribe('sync.status', (status) => {
      client.setQueryData(apiQueryKey('sync.status', {}), status);
    }),
  );
  return () => stops.forEach((stop) => stop());
}

function listenTo<E extends ApiEventName>(channel: E, subscribe: Subscribe, note: (stale: Stale) => void): () => void {
  const staleAfter = STALE_AFTER[channel];
  if (!staleAfter) return () => undefined;
  return subscribe(channel, (payload) => note(staleAfter(payload)));
}
