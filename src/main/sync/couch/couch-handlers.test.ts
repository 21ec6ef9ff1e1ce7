/**
 * Plaint's CouchDB handlers on answers a real server rarely gives (issue 21, issue 11):
 * - the live-changes loop survives a 404 body without `results` (RxDB's plugin died on it with an
 *   unhandled rejection), reports it and keeps polling;
 * - a server that stops answering in the middle of a long poll is noticed within 2.5 heartbeats;
 * - the pull handler reads on past refused documents (RxDB takes a short batch as "no more") and
 *   does not read a stretch of refused documents again;
 * - need-to-know (issue 19): the feed is filtered by a selector in the POST body, what came into
 *   scope is read once from the start, withdrawals reach RxDB as deletions, and the live loop asks
 *   again under a new selector without reporting an error;
 * - sequences: the number prefix of CouchDB 3's opaque sequences and PouchDB's numbers.
 */
import type { WithDeleted } from 'rxdb';
import { describe, expect, it } from 'vitest';
import type { InboundGate } from '../inbound/inbound-gate';
import { LiveChanges, SilentServerError, type LiveChangesOptions } from './couch-live';
import { BadAnswerError, sequenceNumber, type CouchDocument } from './couch-protocol';
import { pullHandler } from './couch-pull';
import { ScopedFeed } from '../need-to-know/scoped-feed';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** Admits every document whose `_id` does not start with "bad". */
const gate = {
  admit: (documents: readonly CouchDocument[]) =>
    Promise.resolve(documents.filter((document) => !document._id.startsWith('bad')).map((document) => ({ id: document._id, _deleted: false }))),
} as unknown as InboundGate;

/** The live-changes loop on the team's cases behind `gate`; what a test does not name does nothing (errors go to `errors`). */
const liveChanges = (errors: unknown[], options: Pick<LiveChangesOptions, 'fetch'> & Partial<LiveChangesOptions>) =>
  new LiveChanges({
    url: 'http://couch/team_cases/',
    gate,
    batchSize: 10,
    heartbeatMs: 60_000,
    onRead: () => undefined,
    onPulled: () => undefined,
    emit: () => undefined,
    onContact: () => undefined,
    onError: (error) => errors.push(error),
    retryMs: () => 60_000,
    ...options,
  });

const row = (id: string, seq: number) => ({ id, seq, changes: [{ rev: `1-${id}` }], doc: { _id: id, _rev: `1-${id}` } });

describe('the live-changes loop', () => {
  it('a 404 body without `results` is reported and the loop polls again, then delivers', async () => {
    const errors: unknown[] = [];
    const answers = [json(404, { error: 'not_found', reason: 'no_db_file' }), json(200, { error: 'odd' }), json(200, { results: [row('a', 7)], last_seq: 7 })];
    let emitted: unknown = null;
    const live = liveChanges(errors, {
      fetch: () => Promise.resolve(answers.shift() ?? new Promise<Response>(() => undefined)),
      emit: (batch) => (emitted = batch),
      retryMs: () => 1,
    });
    live.start();
    await expect.poll(() => emitted, { timeout: 10_000 }).toEqual({ documents: [{ id: 'a', _deleted: false }], checkpoint: { sequence: 7 } });
    live.stop();
    expect(errors.map((error) => (error as Error).name)).toEqual(['CouchAnswerError', 'BadAnswerError']);
  });

  it('a server that goes quiet after sending the headers is noticed within 2.5 heartbeats', async () => {
    const errors: unknown[] = [];
    let requests = 0;
    const silentBody = () =>
      new Response(new ReadableStream({ start: (controller) => controller.enqueue(new TextEncoder().encode('{"results":[\n')) }), { status: 200 });
    const live = liveChanges(errors, {
      fetch: (_url, init) => {
        requests += 1;
        const response = silentBody();
        init?.signal?.addEventListener('abort', () => void response.body?.cancel().catch(() => undefined));
        return Promise.resolve(response);
      },
      heartbeatMs: 40,
    });
    live.start();
    await expect.poll(() => errors.length, { timeout: 10_000 }).toBeGreaterThan(0);
    live.stop();
    expect(errors[0]).toBeInstanceOf(SilentServerError);
    expect(requests).toBe(1);
  });
});

describe('the pull handler', () => {
  it('reads on past refused documents until the batch is full, and skips a refused-only stretch next time', async () => {
    const feed = [row('bad-1', 1), row('a', 2), row('bad-2', 3), row('b', 4), row('bad-3', 5)];
    const asked: string[] = [];
    const fetchFeed: typeof fetch = (input) => {
      const url = new URL(String(input));
      asked.push(url.searchParams.get('since') ?? '');
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit'));
      const results = feed.filter((change) => change.seq > since).slice(0, limit);
      return Promise.resolve(json(200, { results, last_seq: results.at(-1)?.seq ?? since }));
    };
    const pull = pullHandler({ url: 'http://couch/team_cases/', fetch: fetchFeed, gate, onRead: () => undefined, onPulled: () => undefined });
    expect(await pull(undefined, 2)).toEqual({
      documents: [
        { id: 'a', _deleted: false },
        { id: 'b', _deleted: false },
      ],
      checkpoint: { sequence: 4 },
    });
    expect(await pull({ sequence: 4 }, 2)).toEqual({ documents: [], checkpoint: { sequence: 5 } });
    asked.length = 0;
    // RxDB keeps no checkpoint for an empty batch and asks from 4 again: the refused stretch is skipped.
    await pull({ sequence: 4 }, 2);
    expect(asked).toEqual(['5']);
  });

  it('an error answer or a body that is not a changes feed is an error, never a crash later', async () => {
    const pull = (answer: Response) =>
      pullHandler({ url: 'http://couch/team_cases/', fetch: () => Promise.resolve(answer), gate, onRead: () => undefined, onPulled: () => undefined })(
        undefined,
        10,
      );
    await expect(pull(json(404, { error: 'not_found' }))).rejects.toMatchObject({ name: 'CouchAnswerError', status: 404 });
    await expect(pull(json(200, { rows: [] }))).rejects.toBeInstanceOf(BadAnswerError);
    await expect(pull(new Response('<html>proxy error</html>', { status: 200 }))).rejects.toBeInstanceOf(BadAnswerError);
  });
});

describe('need-to-know feeds (issue 19)', () => {
  /** A changes feed that filters by `{ _id: { $in } }` in the POST body, as CouchDB's `_selector` filter does. */
  const feed = [row('a', 1), row('b', 2), row('c', 3)];
  function filteredFeed(asked: { since: string; filter: string | null; ids: unknown }[]): typeof fetch {
    return (input, init) => {
      const url = new URL(String(input));
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { selector?: { _id?: { $in?: string[] } } }) : {};
      const ids = body.selector?._id?.$in ?? null;
      asked.push({ since: url.searchParams.get('since') ?? '', filter: url.searchParams.get('filter'), ids });
      const since = Number(url.searchParams.get('since'));
      const limit = Number(url.searchParams.get('limit') ?? 1000);
      const results = feed.filter((change) => change.seq > since && (!ids || ids.includes(change.id))).slice(0, limit);
      return Promise.resolve(json(200, { results, last_seq: feed.at(-1)?.seq ?? since }));
    };
  }

  it('the pull reads under the selector, reads once from the start what came into scope, and hands over withdrawals as deletions', async () => {
    const asked: { since: string; filter: string | null; ids: unknown }[] = [];
    const scope = new ScopedFeed('cases', { _id: { $in: ['a'] } });
    const pull = pullHandler({ url: 'http://couch/team_cases/', fetch: filteredFeed(asked), gate, onRead: () => undefined, onPulled: () => undefined, scope });
    expect(await pull(undefined, 10)).toEqual({ documents: [{ id: 'a', _deleted: false }], checkpoint: { sequence: 3 } });
    expect(asked).toEqual([{ since: '0', filter: '_selector', ids: ['a'] }]);

    // "c" came into scope: read once from the start, then the feed goes on from its checkpoint.
    let covered = false;
    scope.setSelector({ _id: { $in: ['a', 'c'] } });
    scope.backfill({ _id: { $in: ['c'] } }, () => (covered = true));
    asked.length = 0;
    expect(await pull({ sequence: 3 }, 10)).toEqual({ documents: [{ id: 'c', _deleted: false }], checkpoint: { sequence: 3 } });
    expect(asked).toEqual([
      { since: '0', filter: '_selector', ids: ['c'] },
      { since: '3', filter: '_selector', ids: ['a', 'c'] },
    ]);
    expect(covered).toBe(true);
    expect(scope.busy()).toBe(false);

    // "a" left the scope: its copy here is handed over as the server's deletion, never as a local write.
    const heldHere: WithDeleted<unknown> = { id: 'a', summary: 'held here', _deleted: true } as WithDeleted<{ id: string; summary: string }>;
    scope.withdraw([heldHere], 'id');
    expect(scope.busy()).toBe(true);
    expect((await pull({ sequence: 3 }, 10)).documents).toEqual([{ id: 'a', summary: 'held here', _deleted: true }]);
    expect(scope.busy()).toBe(false);
  });

  it('a read-in moves on only once its batch is stored: a batch lost to a killed server or dropped by RxDB is read again, withdrawals too', async () => {
    const asked: { since: string; filter: string | null; ids: unknown }[] = [];
    const answering = filteredFeed(asked);
    let failNextFeedRead = false;
    // The server dies right after answering the read-in: the pull's next request (the feed itself) fails.
    const dying: typeof fetch = (input, init) => {
      const since = new URL(String(input)).searchParams.get('since');
      if (failNextFeedRead && since !== '0') {
        failNextFeedRead = false;
        return Promise.reject(new TypeError('fetch failed'));
      }
      return answering(input, init);
    };
    let verdict = true;
    const scope = new ScopedFeed('cases', { _id: { $in: ['a'] } });
    const pull = pullHandler({
      url: 'http://couch/team_cases/',
      fetch: dying,
      gate,
      onRead: () => undefined,
      onPulled: () => undefined,
      scope,
      stored: () => Promise.resolve(verdict),
    });
    await pull(undefined, 10);

    let covered = false;
    scope.setSelector({ _id: { $in: ['a', 'c'] } });
    scope.backfill({ _id: { $in: ['c'] } }, () => (covered = true));
    failNextFeedRead = true;
    await expect(pull({ sequence: 3 }, 10)).rejects.toThrow('fetch failed');
    expect(covered).toBe(false);
    expect(scope.busy()).toBe(true);

    // RxDB pulls again: the read-in is read again from the start. This time RxDB drops the batch (its replication was cancelled).
    verdict = false;
    const heldHere = { id: 'b', summary: 'held here', _deleted: true } as WithDeleted<{ id: string; summary: string }>;
    scope.withdraw([heldHere], 'id');
    asked.length = 0;
    expect((await pull({ sequence: 3 }, 10)).documents).toEqual([{ id: 'c', _deleted: false }, heldHere]);
    await expect.poll(() => scope.wantsPull()).toBe(true);
    expect(covered).toBe(false);

    // The next replication reads it again, and the withdrawal is handed over again; stored now, both are done.
    verdict = true;
    asked.length = 0;
    expect((await pull({ sequence: 3 }, 10)).documents).toEqual([{ id: 'c', _deleted: false }, heldHere]);
    expect(asked[0]).toEqual({ since: '0', filter: '_selector', ids: ['c'] });
    await expect.poll(() => covered).toBe(true);
    expect(scope.busy()).toBe(false);
  });

  it('the live loop asks again under a new selector at once, reporting no error', async () => {
    const asked: { since: string; filter: string | null; ids: unknown }[] = [];
    const errors: unknown[] = [];
    const scope = new ScopedFeed('cases', { _id: { $in: [] } });
    const waiting: typeof fetch = (input, init) => {
      const url = new URL(String(input));
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { selector?: { _id?: { $in?: string[] } } }) : {};
      asked.push({ since: url.searchParams.get('since') ?? '', filter: url.searchParams.get('filter'), ids: body.selector?._id?.$in ?? null });
      // Waits (a long poll with nothing to say) until abandoned.
      return new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    };
    const live = liveChanges(errors, {
      fetch: waiting,
      scope,
    });
    live.start();
    await expect.poll(() => asked.length, { timeout: 10_000 }).toBe(1);
    scope.setSelector({ _id: { $in: ['b'] } });
    await expect.poll(() => asked.length, { timeout: 10_000 }).toBe(2);
    live.stop();
    expect(asked.map((request) => request.ids)).toEqual([[], ['b']]);
    expect(asked.every((request) => request.filter === '_selector')).toBe(true);
    expect(errors).toEqual([]);
  });
});

describe('sequences', () => {
  it('the number prefix of opaque CouchDB 3 sequences, PouchDB numbers, and none for anything else', () => {
    expect(
      sequenceNumber('1234-g1AAAAFTeJzLYWBg4MhgTmHgz8tPSTV0MDQy1zMAQsMcoEQiQ1L9____szKYE1lzgQLsZmmWxpaGSZjKcRqRxwIkGRqA1H-oSYxgk8xTTRJNzSywacsCAK8EMwc'),
    ).toBe(1234);
    expect(sequenceNumber(87)).toBe(87);
    expect(sequenceNumber('now')).toBeNull();
    expect(sequenceNumber('g1AAAA')).toBeNull();
  });
});
