/**
 * What a session does when a team database's server went back (server-continuity.ts): the
 * database starts a new replication epoch. Its old replication state is forgotten, the documents
 * the server lacks are counted (the status counts them down as they are re-sent), and the user is
 * told in one sentence, which the log repeats with the evidence.
 */
import type { RxCollection } from 'rxdb';
import type { SyncNotice } from '@shared/domain/sync';
import type { Logger } from '../../logging/logger';
import { forgetReplication } from '../couch/collection-replication';
import { describeReplicationError } from '../session/replication-errors';
import { lackingDocuments } from './lacking-documents';
import type { RemoteMemory } from './remote-memory';
import { judgeContinuity, observeDatabase, type Continuity } from './server-continuity';

/** One of the team's CouchDB databases: its name and URL (ending in `/`). */
export interface RemoteDatabase {
  readonly database: string;
  readonly url: string;
}

/** A database that replicates into a collection. */
export interface TeamDatabase extends RemoteDatabase {
  readonly collection: RxCollection<unknown>;
  /** The replication identifier of an epoch. */
  readonly identifier: (epoch: number) => string;
}

export type Judged<T extends RemoteDatabase> = T & { readonly judged: Continuity & { readonly continuous: false } };
export type Broken = Judged<TeamDatabase>;

/** The databases whose server went back; first sight of an identity is remembered. */
export async function brokenDatabases<T extends RemoteDatabase>(
  memory: RemoteMemory,
  databases: readonly T[],
  identityOf: (team: T) => Promise<string | null>,
  send: typeof fetch,
): Promise<Judged<T>[]> {
  const judged = await Promise.all(
    databases.map(async (team): Promise<{ team: T; continuity: Continuity }> => {
      const identity = await identityOf(team);
      const known = memory.of(team.database);
      if (known.identity === null && identity !== null) await memory.adoptIdentity(team.database, identity);
      return { team, continuity: judgeContinuity(known, await observeDatabase(team.url, send, known, identity)) };
    }),
  );
  return judged.flatMap(({ team, continuity }) => (continuity.continuous ? [] : [{ ...team, judged: continuity }]));
}

/**
 * New epochs for the broken databases: per collection, the ids the server lacks; and the notice.
 * `contents`: the chunk database went back too (issue 19). It is not replicated, so it has no
 * replication to start afresh: its memory starts a new epoch, and the contents to send again
 * (counted by the caller, once the ledger no longer takes the server's word for them) join the
 * notice's count.
 */
export async function startAfresh(
  broken: readonly Broken[],
  context: {
    readonly memory: RemoteMemory;
    readonly identities: Readonly<Record<string, string>>;
    readonly send: typeof fetch;
    readonly logger: Logger;
    readonly now: () => Date;
    readonly contents?: { readonly broken: Judged<RemoteDatabase>; readonly resending: number };
  },
): Promise<{ resending: Map<string, Set<string>>; notice: SyncNotice }> {
  const { memory, logger, contents } = context;
  if (contents) await memory.newEpoch(contents.broken.database, context.identities[contents.broken.database] ?? null);
  const resending = new Map<string, Set<string>>();
  for (const team of broken) {
    const before = team.identifier(memory.of(team.database).epoch);
    await memory.newEpoch(team.database, context.identities[team.database] ?? null);
    resending.set(team.collection.name, new Set(await lackingDocuments(team.collection, team.url, context.send)));
    await forgetReplication(team.collection, before).catch((error: unknown) =>
      logger.warn('Sync could not remove an old replication state', { collection: team.collection.name, error: describeReplicationError(error) }),
    );
  }
  const count = [...resending.values()].reduce((sum, ids) => sum + ids.size, 0) + (contents?.resending ?? 0);
  const all: readonly Judged<RemoteDatabase>[] = [...broken, ...(contents ? [contents.broken] : [])];
  const restored = all.some((team) => team.judged.kind === 'restored');
  const changes = `${count} change${count === 1 ? '' : 's'}`;
  const names = all.map((team) => team.database).join(', ');
  const message = restored
    ? `The server was restored from an older copy; re-sending ${changes}.`
    : `The server's database${all.length === 1 ? '' : 's'} ${names} ${all.length === 1 ? 'was' : 'were'} replaced (created anew); re-sending ${changes}.`;
  logger.warn(message, {
    databases: all.map((team) => ({ database: team.database, kind: team.judged.kind, evidence: team.judged.evidence })),
    resending: count,
  });
  return { resending, notice: { kind: restored ? 'server-restored' : 'server-replaced', resending: count, message, at: context.now().toISOString() } };
}
