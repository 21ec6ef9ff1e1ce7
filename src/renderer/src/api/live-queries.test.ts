/**
 * Live answers: each change event of the main process makes stale exactly the answers it affects
 * (the table in live-queries.ts), those on screen are fetched again, a burst of events costs at
 * most one more round, and events that carry the new state go straight into the cache.
 */
import { QueryObserver, type QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ApiEventPayload } from '@shared/api/contract';
import type { ApiEventName } from '@shared/api/names';
import type { AppInfo } from '@shared/api/types/app';
import { startLiveQueries, type Subscribe } from './live-queries';
import { apiQueryKey } from './queries';
import { createQueryClient } from './query-client';

/** A main process that the test drives: it emits events and counts fetches per key. */
function fakeMainProcess() {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const subscribe: Subscribe = (channel, listener) => {
    const set = listeners.get(channel) ?? new Set();
    listeners.set(channel, set);
    const wrapped = (payload: unknown) => listener(payload as never);
    set.add(wrapped);
    return () => set.delete(wrapped);
  };
  return {
    subscribe,
    emit<E extends ApiEventName>(channel: E, payload: ApiEventPayload<E>) {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    },
  };
}

const clients: QueryClient[] = [];
const stops: (() => void)[] = [];
afterEach(() => {
  stops.splice(0).forEach((stop) => stop());
  clients.splice(0).forEach((client) => client.clear());
});

function setUp() {
  const client = createQueryClient();
  clients.push(client);
  const main = fakeMainProcess();
  stops.push(startLiveQueries(client, main.subscribe));
  const fetches = new Map<string, number>();
  /** A query on screen (an observer is subscribed), answering how often it was fetched. */
  const onScreen = (key: readonly unknown[]) => {
    const name = JSON.stringify(key);
    const observer = new QueryObserver(client, {
      queryKey: key,
      queryFn: () => {
        const count = (fetches.get(name) ?? 0) + 1;
        fetches.set(name, count);
        return Promise.resolve(count);
      },
    });
    stops.push(observer.subscribe(() => undefined));
    return name;
  };
  /** How many answers a query has had (an answer is counted once it is in the cache). */
  const fetched = (name: string) => {
    const answer = client.getQueryData<number>(JSON.parse(name) as unknown[]);
    return answer === undefined ? 0 : (fetches.get(name) ?? 0);
  };
  return { client, main, onScreen, fetched };
}

describe('answers kept live by change events', () => {
  it('cases.changed refetches lists and counts, and only the open cases it names', async () => {
    const { main, onScreen, fetched } = setUp();
    const list = onScreen(apiQueryKey('cases.list', { search: 'refund' }));
    const count = onScreen(apiQueryKey('cases.count', { views: {} }));
    const named = onScreen(apiQueryKey('cases.get', { caseId: 'case-a' }));
    const other = onScreen(apiQueryKey('cases.get', { caseId: 'case-b' }));
    const settings = onScreen(apiQueryKey('settings.get', {}));
    await vi.waitFor(() => expect([list, count, named, other, settings].map(fetched)).toEqual([1, 1, 1, 1, 1]));

    main.emit('cases.changed', { caseIds: ['case-a'] });
    await vi.waitFor(() => expect([list, count, named].map(fetched)).toEqual([2, 2, 2]));
    expect(fetched(other)).toBe(1);
    expect(fetched(settings)).toBe(1);
  });

  it('settings.changed refetches the settings, open cases (their deadlines move) and letter templates', async () => {
    const { main, onScreen, fetched } = setUp();
    const keys = [
      onScreen(apiQueryKey('settings.get', {})),
      onScreen(apiQueryKey('cases.get', { caseId: 'case-a' })),
      onScreen(apiQueryKey('post.templates', {})),
    ];
    const list = onScreen(apiQueryKey('cases.list', {}));
    await vi.waitFor(() => expect([...keys, list].map(fetched)).toEqual([1, 1, 1, 1]));
    main.emit('settings.changed', {});
    await vi.waitFor(() => expect(keys.map(fetched)).toEqual([2, 2, 2]));
    expect(fetched(list)).toBe(1);
  });

  it('letters, notifications and saved views each refresh their own answers', async () => {
    const { main, onScreen, fetched } = setUp();
    const letters = onScreen(apiQueryKey('post.list', { awaitingPosting: true }));
    const book = onScreen(apiQueryKey('post.dayBook', { from: '2026-11-01', to: '2026-11-30', format: 'csv' }));
    const centre = onScreen(apiQueryKey('notifications.list', {}));
    const views = onScreen(apiQueryKey('caseViews.list', {}, 'ann'));
    await vi.waitFor(() => expect([letters, book, centre, views].map(fetched)).toEqual([1, 1, 1, 1]));
    main.emit('letters.changed', {});
    await vi.waitFor(() => expect([letters, book].map(fetched)).toEqual([2, 2]));
    main.emit('notifications.changed', { unread: 3 });
    await vi.waitFor(() => expect(fetched(centre)).toBe(2));
    main.emit('caseViews.changed', {});
    await vi.waitFor(() => expect(fetched(views)).toBe(2));
  });

  it('answers not on screen are only marked stale, to be fetched when shown again', async () => {
    const { client, main } = setUp();
    client.setQueryData(apiQueryKey('cases.list', { offset: 9_900 }), { items: [], total: 0 });
    main.emit('cases.changed', { caseIds: [] });
    await vi.waitFor(() => expect(client.getQueryState(apiQueryKey('cases.list', { offset: 9_900 }))?.isInvalidated).toBe(true));
    expect(client.getQueryState(apiQueryKey('cases.list', { offset: 9_900 }))?.fetchStatus).toBe('idle');
  });

  it('a burst of events while a list is being fetched costs one more round, not one per event', async () => {
    const { client, main } = setUp();
    let answered = 0;
    let release: () => void = () => undefined;
    let started = 0;
    const observer = new QueryObserver(client, {
      queryKey: apiQueryKey('cases.list', {}),
      queryFn: async () => {
        started += 1;
        // Every fetch after the first waits until the test lets it answer.
        if (started > 1) await new Promise<void>((resolve) => (release = resolve));
        answered += 1;
        return started;
      },
    });
    stops.push(observer.subscribe(() => undefined));
    await vi.waitFor(() => expect(client.getQueryData(apiQueryKey('cases.list', {}))).toBe(1));
    expect(answered).toBe(1);

    main.emit('cases.changed', { caseIds: ['a'] });
    await vi.waitFor(() => expect(started).toBe(2));
    for (let index = 0; index < 50; index += 1) main.emit('cases.changed', { caseIds: [`case-${index}`] });
    release();
    await vi.waitFor(() => expect(started).toBe(3));
    release();
    await vi.waitFor(() => expect(client.getQueryData(apiQueryKey('cases.list', {}))).toBe(3));
    // The last round started after the last event, so what is shown includes every change.
    expect(started).toBe(3);
  });

  it('an event during the very first fetch is not lost: that fetch may have read the state before the change', async () => {
    const { client, main } = setUp();
    const reads: ((value: string) => void)[] = [];
    const observer = new QueryObserver(client, {
      queryKey: apiQueryKey('cases.list', {}),
      queryFn: () => new Promise<string>((resolve) => reads.push(resolve)),
    });
    stops.push(observer.subscribe(() => undefined));
    await vi.waitFor(() => expect(reads).toHaveLength(1));
    main.emit('cases.changed', { caseIds: ['a'] });
    await vi.waitFor(() => expect(reads).toHaveLength(2));
    reads[0]?.('before the change');
    reads[1]?.('after the change');
    await vi.waitFor(() => expect(client.getQueryData(apiQueryKey('cases.list', {}))).toBe('after the change'));
  });

  it('events that carry the new state go straight into the cache: database health and sync status', () => {
    const { client, main } = setUp();
    const info = {
      name: 'Plaint',
      version: '1',
      dataDirectory: '/d',
      logFile: '/d/log',
      host: 'harness',
      startedAt: '2026-11-23T09:00:00.000Z',
      database: { state: 'ready', file: '/d/plaint.sqlite', message: null },
    } satisfies AppInfo;
    client.setQueryData(apiQueryKey('app.info', {}), info);
    main.emit('app.status', { database: { state: 'error', file: '/d/plaint.sqlite', message: 'The disk is full.' } });
    expect(client.getQueryData<AppInfo>(apiQueryKey('app.info', {}))?.database).toEqual({
      state: 'error',
      file: '/d/plaint.sqlite',
      message: 'The disk is full.',
    });

    const status = {
      state: 'up-to-date',
      pending: 0,
      lastSyncedAt: '2026-11-23T09:00:00.000Z',
      problem: null,
      nextRetryAt: null,
      notice: null,
      quarantined: 0,
      serverWarning: null,
    } as const;
    main.emit('sync.status', status);
    expect(client.getQueryData(apiQueryKey('sync.status', {}))).toEqual(status);
  });
});
