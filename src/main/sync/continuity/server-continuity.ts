/**
 * Has the server gone back in time? RxDB resumes each replication from its checkpoints: after a
 * server is restored from an older backup, a device would never re-send what the server lost
 * (its push checkpoint is past it) and would skip what others write next (its pull checkpoint is
 * past their new sequence numbers). So before replicating, and after every outage, each of the
 * team's databases is checked three ways, any one of which means "start this database afresh":
 *
 * 1. **Identity.** Plaint writes a marker, `_local/plaint-sync` with a random identity, when it
 *    creates a database (or first finds one without it). A database deleted and created again,
 *    another server behind the same address, or a database copied by replication (which does
 *    not copy `_local` documents) has another identity or none: **replaced**.
 * 2. **Sequence.** CouchDB sequences are opaque strings, but their number prefix (the sum of the
 *    shards' update counters on CouchDB 3, the sequence itself on PouchDB) only grows while a
 *    database lives. A database whose `update_seq` prefix is below the one this device last
 *    read is behind it: **restored**. Used only where the sum has one meaning: PouchDB, and
 *    CouchDB databases with one copy of each shard (`cluster.n` 1). With several copies, each
 *    copy counts its own updates and an answer may sum other copies than the last one, so a
 *    lower prefix proves nothing there (the witnesses still do). A sequence without a number
 *    prefix is not used either.
 * 3. **Witnesses.** `_revs_diff` asks whether the server knows the last revision this device read
 *    from it and the last one it wrote. CouchDB keeps every revision id of a document's history
 *    (also after later edits, deletion and compaction), so a revision it does not know was lost:
 *    **restored**. This works with any sequence format, and it catches a restore that the server
 *    has since written past.
 *
 * A restore from a copy of the data files (CouchDB 3's documented backup) keeps the marker, so it
 * is caught by 2 and 3; a restore taken after this device's last exchange loses nothing it knows
 * of and is rightly not flagged. `instance_start_time` is not used: CouchDB 3 always answers "0".
 */
import crypto from 'node:crypto';
import { z } from 'zod';
import { databaseInfoSchema, readAnswer, revsDiffSchema, sequenceNumber } from '../couch/couch-protocol';
import { CouchAnswerError, ensureOk } from '../couch/couch-pull';
import type { RemoteDatabaseMemory } from './remote-memory';

export const IDENTITY_MARKER = '_local/plaint-sync';

export type Continuity = { readonly continuous: true } | { readonly continuous: false; readonly kind: 'restored' | 'replaced'; readonly evidence: string };

export interface ServerObservation {
  readonly identity: string | null;
  readonly updateSequenceNumber: number | null;
  /** Witness revisions the server does not know. */
  readonly missingWitnesses: number;
  /** The database itself is gone (deleted on the server). */
  readonly databaseMissing?: boolean;
}

/** The judgement, from what the device remembers and what the server shows now. */
export function judgeContinuity(known: RemoteDatabaseMemory, seen: ServerObservation): Continuity {
  if (seen.databaseMissing) return { continuous: false, kind: 'replaced', evidence: 'database missing' };
  if (known.identity !== null && seen.identity !== known.identity)
    return { continuous: false, kind: 'replaced', evidence: seen.identity === null ? 'identity marker missing' : 'identity marker changed' };
  if (known.sequenceNumber !== null && seen.updateSequenceNumber !== null && seen.updateSequenceNumber < known.sequenceNumber) {
    return { continuous: false, kind: 'restored', evidence: `update sequence ${seen.updateSequenceNumber} is below ${known.sequenceNumber}, read before` };
  }
  if (seen.missingWitnesses > 0)
    return { continuous: false, kind: 'restored', evidence: `${seen.missingWitnesses} revision(s) this device exchanged with it are unknown to it` };
  return { continuous: true };
}

const markerSchema = z.looseObject({ identity: z.string().min(1).max(100) });

export async function readIdentity(databaseUrl: string, send: typeof fetch): Promise<string | null> {
  const response = await send(`${databaseUrl}${IDENTITY_MARKER}`);
  if (response.status === 404) {
    void response.body?.cancel().catch(() => undefined);
    return null;
  }
  return (await readAnswer(ensureOk(response, IDENTITY_MARKER), markerSchema, IDENTITY_MARKER)).identity;
}

/**
 * The database's identity, writing a new marker when it has none. Two devices racing to write
 * it: CouchDB refuses the second write (409), which then reads the first one's.
 */
export async function ensureIdentity(databaseUrl: string, send: typeof fetch, now: () => Date): Promise<string> {
  const found = await readIdentity(databaseUrl, send);
  if (found) return found;
  const identity = crypto.randomUUID();
  const response = await send(`${databaseUrl}${IDENTITY_MARKER}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity, createdAt: now().toISOString(), by: 'plaint' }),
  });
  void response.body?.cancel().catch(() => undefined);
  if (response.ok) return identity;
  if (response.status === 409) {
    const winner = await readIdentity(databaseUrl, send);
    if (winner) return winner;
  }
  throw new CouchAnswerError(response.status, IDENTITY_MARKER);
}

/**
 * What the server shows of one database. A deleted database is an observation, not an error: the
 * regular check is often the only one to see it (a live pull may just wait on a deleted database),
 * and it used to be swallowed as "unreachable", so the deletion went unnoticed (issue 21).
 */
export async function observeDatabase(
  databaseUrl: string,
  send: typeof fetch,
  known: RemoteDatabaseMemory,
  identity: string | null,
): Promise<ServerObservation> {
  const answer = await send(databaseUrl);
  if (answer.status === 404) {
    void answer.body?.cancel().catch(() => undefined);
    return { identity: null, updateSequenceNumber: null, missingWitnesses: 0, databaseMissing: true };
  }
  const info = await readAnswer(ensureOk(answer, 'the database'), databaseInfoSchema, 'the database');
  const witnesses = [known.lastRead, known.lastWritten].filter((witness) => witness !== null);
  let missingWitnesses = 0;
  if (witnesses.length > 0) {
    // Each revision once: PouchDB reports a revision asked for twice as missing.
    const asked: Record<string, string[]> = {};
    for (const witness of witnesses) asked[witness.id] = [...new Set([...(asked[witness.id] ?? []), witness.rev])];
    const response = await send(`${databaseUrl}_revs_diff`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(asked) });
    const diff = await readAnswer(ensureOk(response, '_revs_diff'), revsDiffSchema, '_revs_diff');
    missingWitnesses = Object.values(diff).reduce((sum, entry) => sum + (entry.missing?.length ?? 0), 0);
  }
  const oneCopy = (info.cluster?.n ?? 1) === 1;
  return { identity, updateSequenceNumber: oneCopy ? sequenceNumber(info.update_seq) : null, missingWitnesses };
}
