/**
 * The need-to-know stall fresh-clone CI found (issue 19, P-7.1): in sync.test's five server
 * kills a device sat idle with a read-in (a backfill of what came into scope) queued and never
 * read, so its status never said "up to date".
 *
 * Cause, reproduced here with RxDB's own replication on its memory storage: a queued read-in asks
 * RxDB to pull again (`reSync()`), but when live changes were queued in RxDB's downstream before
 * that RESYNC, in the same round, RxDB (17.6, replication-protocol/downstream.js) takes the
 * RESYNC off its queue and leaves it out. Nothing asks again, so the read-in waits forever.
 * Under load and after server restarts live changes and read-ins coincide; alone they rarely do.
 *
 * The fix (collection-replication.ts, `onWorkAndIdle`): the replication pulls again whenever it
 * goes idle with read-ins or withdrawals still waiting. Without it this test times out.
 */
import { createRxDatabase, randomToken, type RxCollection, type RxDatabase } from 'rxdb';
import { replicateRxCollection } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { Subject } from 'rxjs';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundGate } from '../inbound/inbound-gate';
import { onWorkAndIdle } from '../couch/collection-replication';
import { pullHandler, type CouchCheckpoint } from '../couch/couch-pull';
import type { CouchDocument } from '../couch/couch-protocol';
import { ScopedFeed } from './scoped-feed';

interface Held {
  id: string;
  name: string;
}

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
const gate = {
  admit: (documents: readonly CouchDocument[]) =>
    Promise.resolve(documents.map((document) => ({ id: document._id, name: String(document['name']), _deleted: false }))),
} as unknown as InboundGate;

const opened: RxDatabase[] = [];
afterEach(async () => {
  for (const database of opened.splice(0)) await database.close();
});

async function collectionOfHeld(): Promise<RxCollection<Held>> {
  const database = await createRxDatabase({ name: `stall${randomToken(8)}`, storage: getRxStorageMemory() });
  opened.push(database);
  const { held } = await database.addCollections({
    held: {
      schema: {
        version: 0,
        primaryKey: 'id',
        type: 'object',
        properties: { id: { type: 'string', maxLength: 40 }, name: { type: 'string' } },
        required: ['id', 'name'],
      },
    },
  });
  return held as RxCollection<Held>;
}

describe('a read-in queued while live changes arrive (issue 19, P-7.1)', () => {
  it('is read, although RxDB drops the RESYNC it asked for behind the live changes', async () => {
    const held = await collectionOfHeld();
    // The server's feed: "granted" comes into this device's scope later; the selector leaves it out until then.
    const feed = [{ id: 'granted', seq: 1, changes: [{ rev: '1-a' }], doc: { _id: 'granted', _rev: '1-a', name: 'A case granted to this device' } }];
    let release: () => void = () => undefined;
    let hold: Promise<void> | null = new Promise((resolve) => (release = resolve));
    const asked: string[] = [];
    const fetchFeed: typeof fetch = async (input, init) => {
      const url = new URL(String(input));
      const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { selector?: { _id?: { $in?: string[] } } }) : {};
      const ids = body.selector?._id?.$in ?? [];
      asked.push(`since=${url.searchParams.get('since')} ids=${ids.join(',')}`);
      // The first pull is slow (a loaded machine): meanwhile live changes and a read-in queue up in RxDB.
      const waiting = hold;
      hold = null;
      if (waiting) await waiting;
      const since = Number(url.searchParams.get('since'));
      const results = feed.filter((change) => change.seq > since && ids.includes(change.id));
      return json({ results, last_seq: feed.at(-1)?.seq ?? since });
    };
    const scope = new ScopedFeed('held', { _id: { $in: [] } });
    const stream = new Subject<{ documents: never[]; checkpoint: CouchCheckpoint }>();
    const replication = replicateRxCollection<Held, CouchCheckpoint>({
      replicationIdentifier: 'read-in-stall',
      collection: held,
      live: true,
      retryTime: 50,
      waitForLeadership: false,
      autoStart: true,
      pull: {
        handler: pullHandler({ url: 'http://couch/team_held/', fetch: fetchFeed, gate, onRead: () => undefined, onPulled: () => undefined, scope }) as never,
        batchSize: 10,
        stream$: stream.asObservable(),
      },
    });
    const stop = onWorkAndIdle(replication as never, scope);
    try {
      await expect.poll(() => asked.length, { timeout: 30_000 }).toBe(1);
      const internal = () => replication.internalReplicationState;
      await expect.poll(() => internal()?.stats.down.masterChangeStreamEmit !== undefined, { timeout: 30_000 }).toBe(true);
      const emitted = internal()?.stats.down.masterChangeStreamEmit ?? 0;

      // A live change arrives while the first pull is under way...
      stream.next({ documents: [{ id: 'live', name: 'A change from the live feed', _deleted: false }] as never[], checkpoint: { sequence: 2 } });
      await expect.poll(() => internal()?.stats.down.masterChangeStreamEmit, { timeout: 30_000 }).toBe(emitted + 1);
      // ...then "granted" comes into scope: a read-in is queued, and it asks RxDB to pull again.
      scope.setSelector({ _id: { $in: ['granted'] } });
      scope.backfill({ _id: { $in: ['granted'] } });
      await expect.poll(() => internal()?.stats.down.masterChangeStreamEmit, { timeout: 30_000 }).toBe(emitted + 2);
      release();

      await expect.poll(async () => (await held.findOne('live').exec())?.name, { timeout: 30_000 }).toBe('A change from the live feed');
      // The read-in is read from the start of the feed, and nothing is left waiting.
      await expect.poll(async () => (await held.findOne('granted').exec())?.name, { timeout: 30_000 }).toBe('A case granted to this device');
      await expect.poll(() => scope.busy(), { timeout: 30_000 }).toBe(false);
      expect(asked).toContain('since=0 ids=granted');
    } finally {
      stop();
      await replication.cancel();
    }
  }, 120_000);
});
