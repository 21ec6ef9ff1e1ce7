/**
 * When a database is judged to have gone back (issue 21): another identity (replaced), a lower
 * sequence prefix where the prefix means something (restored), or a revision this device
 * exchanged that the server does not know (restored). And what is read from CouchDB 3's answers.
 */
import { describe, expect, it } from 'vitest';
import { FRESH_DATABASE } from './remote-memory';
import { judgeContinuity, observeDatabase } from './server-continuity';

const known = { ...FRESH_DATABASE, identity: 'id-1', sequenceNumber: 40, lastRead: { id: 'a', rev: '3-x' }, lastWritten: { id: 'b', rev: '1-y' } };
const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('judging continuity', () => {
  it('the same identity, a sequence that grew and known witnesses: continuous', () => {
    expect(judgeContinuity(known, { identity: 'id-1', updateSequenceNumber: 55, missingWitnesses: 0 })).toEqual({ continuous: true });
    // First sight: nothing known yet, nothing to compare.
    expect(judgeContinuity(FRESH_DATABASE, { identity: 'id-9', updateSequenceNumber: 0, missingWitnesses: 0 })).toEqual({ continuous: true });
  });

  it('another identity or none: replaced; a lower sequence or a lost witness: restored', () => {
    expect(judgeContinuity(known, { identity: null, updateSequenceNumber: 55, missingWitnesses: 0 })).toMatchObject({
      continuous: false,
      kind: 'replaced',
      evidence: 'identity marker missing',
    });
    expect(judgeContinuity(known, { identity: 'id-2', updateSequenceNumber: 55, missingWitnesses: 0 })).toMatchObject({ kind: 'replaced' });
    expect(judgeContinuity(known, { identity: 'id-1', updateSequenceNumber: 12, missingWitnesses: 0 })).toMatchObject({ kind: 'restored' });
    // Written past the old sequence since the restore: the witnesses still tell.
    expect(judgeContinuity(known, { identity: 'id-1', updateSequenceNumber: 90, missingWitnesses: 1 })).toMatchObject({ kind: 'restored' });
    // An opaque sequence (no number prefix) is no evidence either way.
    expect(judgeContinuity(known, { identity: 'id-1', updateSequenceNumber: null, missingWitnesses: 0 })).toEqual({ continuous: true });
  });

  it('a deleted database is replaced, even before its identity was ever read', () => {
    const missing = { identity: null, updateSequenceNumber: null, missingWitnesses: 0, databaseMissing: true };
    expect(judgeContinuity(known, missing)).toMatchObject({ continuous: false, kind: 'replaced', evidence: 'database missing' });
    expect(judgeContinuity(FRESH_DATABASE, missing)).toMatchObject({ continuous: false, kind: 'replaced' });
  });
});

describe("reading CouchDB 3's answers", () => {
  const server =
    (info: unknown, asked: unknown[]): typeof fetch =>
    (input, init) => {
      if (String(input).endsWith('_revs_diff')) {
        asked.push(JSON.parse(String(init?.body)));
        return Promise.resolve(json({ a: { missing: ['3-x'] } }));
      }
      return Promise.resolve(json(info));
    };

  it('uses the sequence prefix of a single-copy database, not of a database with several copies of each shard', async () => {
    const asked: unknown[] = [];
    const single = await observeDatabase('http://couch/team_cases/', server({ update_seq: '37-g1AAAA', cluster: { q: 2, n: 1 } }, asked), known, 'id-1');
    expect(single).toEqual({ identity: 'id-1', updateSequenceNumber: 37, missingWitnesses: 1 });
    expect(asked).toEqual([{ a: ['3-x'], b: ['1-y'] }]);
    const replicated = await observeDatabase('http://couch/team_cases/', server({ update_seq: '37-g1AAAA', cluster: { q: 2, n: 3 } }, []), known, 'id-1');
    expect(replicated.updateSequenceNumber).toBeNull();
  });

  it('a database deleted on the server is observed as missing, not thrown as an error the regular check would swallow', async () => {
    const gone: typeof fetch = () => Promise.resolve(new Response(JSON.stringify({ error: 'not_found', reason: 'no_db_file' }), { status: 404 }));
    expect(await observeDatabase('http://couch/team_timeline/', gone, known, null)).toMatchObject({ databaseMissing: true });
  });
});
