/**
 * What this device knows about the contents (chunks) of files it holds (issue 19, files on
 * demand): per file, its size, when it was last used here, and whether the team server is known
 * to hold it. Kept in one RxDB local document (never replicated; RxDB's open-source build leaves
 * no room for another collection), loaded once and saved after every change, in order. Saves
 * coalesce: while one is waiting its turn, later changes join it, so a burst of changes (an import
 * of a thousand e-mails' attachments) writes the document a few times, not once per file (each
 * save writes every entry, so one per file made a burst quadratic).
 *
 * Only positive knowledge is recorded as `server`: content without an entry, or `device`, is
 * treated as held by this device alone, so it is uploaded and never evicted.
 */
import type { RxDatabase } from 'rxdb';

export type Holder = 'device' | 'server' | 'absent' | 'removed';

/** The content is on this device. */
export function holdsContent(entry: ContentEntry): boolean {
  return entry.held === 'device' || entry.held === 'server';
}

export interface ContentEntry {
  /** Bytes of the file's content (0 while it is absent). */
  readonly bytes: number;
  /** When the file was last opened or stored here (epoch ms): least recently used goes first. */
  readonly usedAt: number;
  /**
   * `device`: only this device is known to hold it (upload pending); `server`: the server holds
   * it too (it may be evicted); `absent`: not here (asked for while offline, or evicted);
   * `removed`: logged here, then undone or voided: its copy on the server is to be deleted.
   */
  readonly held: Holder;
  /** Logged on this device (a scan or generated letter): prefetched again if evicted. */
  readonly mine: boolean;
}

interface LedgerData {
  readonly entries: Record<string, ContentEntry>;
  /** Accounts that signed in on this device: their cases' files are prefetched. */
  readonly people: readonly string[];
}

const LEDGER_DOC = 'file-contents';
const MAX_PEOPLE = 20;

export class ContentLedger {
  private saving: Promise<void> = Promise.resolve();
  /** A save queued behind the one running, not started yet: it will write the newest data. */
  private queued: Promise<void> | null = null;

  private constructor(
    private readonly database: RxDatabase,
    private data: LedgerData,
  ) {}

  static async load(database: RxDatabase): Promise<ContentLedger> {
    const found = await database.getLocal<LedgerData>(LEDGER_DOC);
    const data = found?.toJSON().data;
    return new ContentLedger(database, { entries: { ...(data?.entries ?? {}) }, people: [...(data?.people ?? [])] });
  }

  entry(fileId: string): ContentEntry | undefined {
    return this.data.entries[fileId];
  }

  entries(): [string, ContentEntry][] {
    return Object.entries(this.data.entries);
  }

  people(): readonly string[] {
    return this.data.people;
  }

  /** Bytes of content held on this device. */
  heldBytes(): number {
    return this.entries().reduce((sum, [, entry]) => sum + (holdsContent(entry) ? entry.bytes : 0), 0);
  }

  /** Files whose content only this device is known to hold. */
  deviceOnly(): string[] {
    return this.entries().flatMap(([id, entry]) => (entry.held === 'device' ? [id] : []));
  }

  /** Files logged here and removed since, whose copy on the server is still to be deleted. */
  removed(): string[] {
    return this.entries().flatMap(([id, entry]) => (entry.held === 'removed' ? [id] : []));
  }

  set(fileId: string, entry: ContentEntry): Promise<void> {
    return this.setMany([[fileId, entry]]);
  }

  /** Several entries in one change (one save). */
  setMany(entries: readonly (readonly [string, ContentEntry])[]): Promise<void> {
    if (entries.length === 0) return Promise.resolve();
    this.data = { ...this.data, entries: { ...this.data.entries, ...Object.fromEntries(entries) } };
    return this.save();
  }

  update(fileId: string, change: Partial<ContentEntry>): Promise<void> {
    const current = this.data.entries[fileId];
    return current ? this.set(fileId, { ...current, ...change }) : Promise.resolve();
  }

  forget(fileIds: readonly string[]): Promise<void> {
    const gone = new Set(fileIds);
    this.data = { ...this.data, entries: Object.fromEntries(Object.entries(this.data.entries).filter(([id]) => !gone.has(id))) };
    return this.save();
  }

  notePerson(accountId: string): Promise<void> {
    if (this.data.people[0] === accountId) return Promise.resolve();
    this.data = { ...this.data, people: [accountId, ...this.data.people.filter((id) => id !== accountId)].slice(0, MAX_PEOPLE) };
    return this.save();
  }

  /** Resolves once a save that includes every change made so far is written. */
  private save(): Promise<void> {
    if (this.queued) return this.queued;
    const queued = this.saving
      .catch(() => undefined)
      .then(() => {
        // From here on, changes queue another save: this one writes the data as it is now.
        this.queued = null;
        return this.database.upsertLocal<LedgerData>(LEDGER_DOC, this.data).then(() => undefined);
      });
    this.queued = queued;
    this.saving = queued;
    return queued;
  }
}
