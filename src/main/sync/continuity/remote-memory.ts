/**
 * What this device remembers about each of the team's databases on one server, to notice when
 * the server goes back in time (restored from an older backup) or is replaced: the database's
 * identity marker, the number prefix of the last sequence read, and two witnesses (the last
 * document revision read from it and the last one written to it). Also each database's
 * replication epoch: a new epoch starts the replication afresh (push what the server lacks,
 * pull from the beginning). Kept in an RxDB local document, never replicated.
 *
 * Witnesses and sequences change with every batch; they are written at most once a second (an
 * older witness is still a valid one: it only makes the check a little less sharp).
 */
import type { RxDatabase } from 'rxdb';
import { sequenceNumber, type Sequence } from '../couch/couch-protocol';

export interface Witness {
  readonly id: string;
  readonly rev: string;
}

export interface RemoteDatabaseMemory {
  readonly epoch: number;
  readonly identity: string | null;
  readonly sequenceNumber: number | null;
  readonly lastRead: Witness | null;
  readonly lastWritten: Witness | null;
}

type Memory = Record<string, RemoteDatabaseMemory>;

export const FRESH_DATABASE: RemoteDatabaseMemory = { epoch: 0, identity: null, sequenceNumber: null, lastRead: null, lastWritten: null };

const SAVE_EVERY_MS = 1_000;

export class RemoteMemory {
  private memory: Memory = {};
  private saveTimer: NodeJS.Timeout | null = null;
  private saving: Promise<void> = Promise.resolve();

  private constructor(
    private readonly database: RxDatabase,
    private readonly documentId: string,
  ) {}

  /** `scope` names the server and team database (a hash: no address in the document id). */
  static async load(database: RxDatabase, scope: string): Promise<RemoteMemory> {
    const memory = new RemoteMemory(database, `sync-remote-${scope}`);
    const found = await database.getLocal<{ databases: Memory }>(memory.documentId);
    memory.memory = found?.toJSON().data.databases ?? {};
    return memory;
  }

  of(database: string): RemoteDatabaseMemory {
    return this.memory[database] ?? FRESH_DATABASE;
  }

  /** A revision read from the database; with the sequence it was read at when read from the changes feed (the chunk database is read by id, without one). */
  read(database: string, witness: Witness, sequence?: Sequence): void {
    const number = sequence === undefined ? null : sequenceNumber(sequence);
    this.update(database, (known) => ({ ...known, lastRead: witness, sequenceNumber: number ?? known.sequenceNumber }));
  }

  written(database: string, witness: Witness): void {
    this.update(database, (known) => ({ ...known, lastWritten: witness }));
  }

  /** The identity marker the server's database carries now (adopted on first sight). */
  async adoptIdentity(database: string, identity: string): Promise<void> {
    this.update(database, (known) => ({ ...known, identity }));
    await this.flush();
  }

  /** Start the database's replication afresh: a new epoch, and nothing known about the server yet. */
  async newEpoch(database: string, identity: string | null): Promise<number> {
    const epoch = this.of(database).epoch + 1;
    this.memory = { ...this.memory, [database]: { ...FRESH_DATABASE, epoch, identity } };
    await this.flush();
    return epoch;
  }

  async flush(): Promise<void> {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = null;
    const snapshot = this.memory;
    this.saving = this.saving.then(() => this.database.upsertLocal(this.documentId, { databases: snapshot }).then(() => undefined));
    await this.saving;
  }

  private update(database: string, change: (known: RemoteDatabaseMemory) => RemoteDatabaseMemory): void {
    this.memory = { ...this.memory, [database]: change(this.of(database)) };
    if (this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      void this.flush().catch(() => undefined);
    }, SAVE_EVERY_MS);
    this.saveTimer.unref();
  }
}
