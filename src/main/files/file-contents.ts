/**
 * Files on demand (issue 19). File records replicate; their contents (chunks) do not. This device
 * holds the contents it logged itself, and a cache of contents fetched from the team server:
 * - opening a file whose content is not here fetches it, checks its SHA-256 and size against the
 *   file record, and only then caches it; a server copy that does not match is refused and
 *   nothing is stored;
 * - offline, the file is queued (remembered as asked for) and fetched by the next prefetch pass;
 * - contents logged here are uploaded, and stay here until the server has confirmed them;
 * - the cache budget evicts least recently used contents the server holds (content-eviction.ts);
 * - after sync, a prefetch pass fetches what offline work needs (see `prefetch`).
 *
 * The server side (where contents live on the team server) is sync's: `ContentServer`.
 */
import crypto from 'node:crypto';
import type { Logger } from '../logging/logger';
import type { ContentLedger, ContentEntry } from './content-ledger';
import { evictionsFor } from './content-eviction';
import { isEmptiedFile } from './emptied-file';
import type { FileChunk, FileRecord, FileStore } from './file-store';

/** The team server's copy of file contents (sync/files/couch-content-server.ts). */
export interface ContentServer {
  /** The file's chunks as the server holds them, or null when it lacks any of them. */
  download(fileId: string, chunkCount: number): Promise<FileChunk[] | null>;
  /** Sends the chunks; true once the server holds exactly these. */
  upload(chunks: readonly FileChunk[]): Promise<boolean>;
  /**
   * Deletes every chunk of the file from the server (a letter logged here was undone or voided, or
   * its content was erased), each as a bare tombstone that keeps none of its body.
   */
  remove(fileId: string): Promise<void>;
  /**
   * Asks the server to compact the chunk database, which drops the bodies of superseded revisions
   * (issue 14, P-7.2: the bytes of a removed chunk are still served by `?rev=` until then).
   * 'refused': the account may not (on CouchDB only administrators may); a CouchDB administrator
   * must clean the server.
   */
  compact(): Promise<'started' | 'refused'>;
}

/** The server could not be reached (no answer, or not a usable one). */
export class ContentUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ContentUnreachableError';
  }
}

export type OpenedFile =
  | { readonly state: 'ready'; readonly record: FileRecord; readonly data: Buffer }
  /** No such file; its content here is damaged; on the server but the server cannot be reached now (queued); not on the server yet (queued); the server's copy failed the check (nothing stored). */
  | { readonly state: 'missing' | 'damaged' | 'on-server' | 'not-on-server' | 'refused' };

type FetchOutcome = 'cached' | 'on-server' | 'not-on-server' | 'refused';

export interface FileContentsOptions {
  readonly store: FileStore;
  readonly ledger: ContentLedger;
  /** The team server while sync runs and can reach it, else null. */
  readonly server: () => ContentServer | null;
  readonly budgetBytes: () => Promise<number>;
  /** Files that offline work needs: those of the cases of this device's people (post-room/prefetch-wanted.ts). */
  readonly wanted: (people: readonly string[]) => Promise<string[]>;
  readonly now: () => number;
  readonly logger: Logger;
  /** Files opened (or asked for) this many days back are prefetched. */
  readonly recentDays?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const PREFETCH_EVERY_MS = 5 * 60 * 1000;
const RECONCILE_PAGE = 500;

export function contentMatches(record: FileRecord, chunks: readonly FileChunk[]): Buffer | null {
  const ordered = [...chunks].sort((a, b) => a.index - b.index);
  if (
    ordered.length !== record.chunkCount ||
    ordered.some((chunk, index) => chunk.index !== index || chunk.fileId !== record.id || chunk.id !== `${record.id}:${index}`)
  )
    return null;
  const data = Buffer.concat(ordered.map((chunk) => Buffer.from(chunk.data, 'base64')));
  if (data.length !== record.size || crypto.createHash('sha256').update(data).digest('hex') !== record.sha256) return null;
  return data;
}

export class FileContents {
  private readonly fetching = new Map<string, Promise<FetchOutcome>>();
  private uploading: Promise<void> | null = null;
  private prefetching: Promise<void> | null = null;
  private prefetchWanted = true;
  private lastPrefetchAt = 0;
  private readonly stopWatching: () => void;
  private readonly noted = new Set<string>();
  /** File records leaving this device under need-to-know (issue 19): their contents stay on the server. */
  private readonly withdrawn = new Set<string>();
  private noteTimer: NodeJS.Timeout | null = null;
  private readonly recentDays: number;

  constructor(private readonly options: FileContentsOptions) {
    this.recentDays = options.recentDays ?? 14;
    this.stopWatching = options.store.watchRecords((fileId, removed) => {
      this.prefetchWanted = true;
      if (removed) {
        void this.recordRemoved(fileId).catch((error: unknown) =>
          this.options.logger.warn('A removed file could not be cleared', { fileId, error: String(error) }),
        );
        return;
      }
      // Records arrive by the thousand on a new device: looked at together, a moment later.
      this.noted.add(fileId);
      this.noteTimer ??= setTimeout(() => {
        this.noteTimer = null;
        const ids = [...this.noted];
        this.noted.clear();
        void this.noteDeviceContents(ids).catch((error: unknown) =>
          this.options.logger.warn('New files could not be noted for upload', { files: ids.length, error: String(error) }),
        );
      }, 100);
      this.noteTimer.unref();
    });
  }

  /** Contents held here that the ledger does not know yet (an older profile, or a crash right after a write): kept and uploaded. */
  async reconcile(): Promise<void> {
    let after = '';
    for (;;) {
      const ids = await this.options.store.recordIdsAfter(after, RECONCILE_PAGE);
      if (ids.length === 0) return;
      after = ids[ids.length - 1] ?? after;
      const unknown = ids.filter((id) => this.options.ledger.entry(id)?.held !== 'device' && this.options.ledger.entry(id)?.held !== 'server');
      await this.noteHeld(unknown, false);
    }
  }

  stop(): void {
    this.stopWatching();
    if (this.noteTimer) clearTimeout(this.noteTimer);
  }

  /** P-7.1 is the caller's: this only finds the content, fetching it when it is not here. */
  async open(fileId: string): Promise<OpenedFile> {
    const record = await this.options.store.record(fileId);
    if (!record) return { state: 'missing' };
    const now = this.options.now();
    const local = await this.options.store.get(fileId);
    if (local.state === 'ready') {
      await this.touch(fileId, record.size, now);
      return local;
    }
    if (local.state === 'damaged') return { state: 'damaged' };
    const outcome = await this.fetch(record, now);
    if (outcome !== 'cached') return { state: outcome };
    const stored = await this.options.store.get(fileId);
    return stored.state === 'ready' ? stored : { state: 'damaged' };
  }

  /** Files whose content only this device holds (the server has not confirmed them yet), and removals still to send. */
  pendingUploads(): number {
    return this.options.ledger.deviceOnly().length + this.options.ledger.removed().length;
  }

  /** Sends what only this device holds (one pass at a time); then the budget is applied. */
  upload(): Promise<void> {
    this.uploading ??= this.uploadPass().finally(() => (this.uploading = null));
    return this.uploading;
  }

  /** The server went back in time (restored): what it held may be gone, so every content here is confirmed again before it may be evicted. */
  async serverWentBack(): Promise<void> {
    for (const [id, entry] of this.options.ledger.entries()) if (entry.held === 'server') await this.options.ledger.update(id, { held: 'device' });
    this.prefetchWanted = true;
  }

  /**
   * Need-to-know (issue 19): these file records leave this device because its people may no
   * longer see their case. Their contents go from here only: the team server keeps them.
   */
  withdrawing(fileIds: readonly string[]): void {
    for (const fileId of fileIds) this.withdrawn.add(fileId);
  }

  /** The accounts that signed in on this device. */
  people(): readonly string[] {
    return this.options.ledger.people();
  }

  /** Someone signed in on this device: their cases' files are prefetched from now on. */
  async notePerson(accountId: string): Promise<void> {
    await this.options.ledger.notePerson(accountId);
    this.prefetchWanted = true;
  }

  /** Cases or letters changed: the next pass after sync looks again. */
  wantPrefetch(): void {
    this.prefetchWanted = true;
  }

  /** After sync: upload, then prefetch (when something changed, or every few minutes). */
  afterSync(): void {
    if (this.prefetching) return;
    if (!this.prefetchWanted && this.options.now() - this.lastPrefetchAt < PREFETCH_EVERY_MS) return;
    this.prefetchWanted = false;
    this.lastPrefetchAt = this.options.now();
    this.prefetching = this.upload()
      .then(() => this.prefetch())
      .catch((error: unknown) => this.options.logger.warn('Prefetching files failed', { error: String(error) }))
      .finally(() => (this.prefetching = null));
  }

  /** Waits for a prefetch pass under way (tests). */
  async settled(): Promise<void> {
    await this.prefetching;
  }

  /**
   * Fetches, within the budget, what offline work needs: files asked for while offline and
   * opened in the last N days first, then the letters logged on this device (evicted since), then
   * the files of the cases of this device's people (assigned to them, and their departments'
   * open cases).
   */
  async prefetch(): Promise<void> {
    if (!this.options.server()) return;
    // The budget may have been lowered since the last pass.
    await this.evict();
    const since = this.options.now() - this.recentDays * DAY_MS;
    const absent = this.options.ledger.entries().filter(([, entry]) => entry.held === 'absent');
    const recent = absent.filter(([, entry]) => entry.usedAt >= since).sort(([, a], [, b]) => b.usedAt - a.usedAt);
    const mine = absent.filter(([, entry]) => entry.mine);
    const wanted = await this.options.wanted(this.options.ledger.people());
    const order = [...new Set([...recent.map(([id]) => id), ...mine.map(([id]) => id), ...wanted])];
    const budget = await this.options.budgetBytes();
    let held = this.options.ledger.heldBytes();
    for (let start = 0; start < order.length; start += RECONCILE_PAGE) {
      const page = order.slice(start, start + RECONCILE_PAGE);
      const here = await this.options.store.withContent(page);
      const records = new Map((await this.options.store.records(page.filter((id) => !here.has(id)))).map((record) => [record.id, record]));
      for (const id of page) {
        const record = records.get(id);
        if (!record || held + record.size > budget) continue;
        const outcome = await this.fetch(record, this.options.ledger.entry(id)?.usedAt ?? this.options.now());
        if (outcome === 'on-server') return;
        if (outcome === 'cached') held += record.size;
      }
    }
  }

  private fetch(record: FileRecord, usedAt: number): Promise<FetchOutcome> {
    const running = this.fetching.get(record.id);
    if (running) return running;
    const started = this.fetchOnce(record, usedAt).finally(() => this.fetching.delete(record.id));
    this.fetching.set(record.id, started);
    return started;
  }

  private async fetchOnce(record: FileRecord, usedAt: number): Promise<FetchOutcome> {
    const server = this.options.server();
    if (!server) return this.queue(record.id, usedAt, 'on-server');
    let chunks: FileChunk[] | null;
    try {
      chunks = await server.download(record.id, record.chunkCount);
    } catch (error) {
      if (error instanceof ContentUnreachableError) return this.queue(record.id, usedAt, 'on-server');
      throw error;
    }
    if (!chunks) return this.queue(record.id, usedAt, 'not-on-server');
    if (!contentMatches(record, chunks)) {
      this.options.logger.warn('The server sent file content that does not match its record: refused, nothing stored', { fileId: record.id });
      return 'refused';
    }
    await this.options.store.cache(chunks);
    const known = this.options.ledger.entry(record.id);
    await this.options.ledger.set(record.id, { bytes: record.size, usedAt: Math.max(usedAt, known?.usedAt ?? 0), held: 'server', mine: known?.mine ?? false });
    await this.evict();
    return 'cached';
  }

  private async queue(fileId: string, usedAt: number, outcome: 'on-server' | 'not-on-server'): Promise<FetchOutcome> {
    const known = this.options.ledger.entry(fileId);
    await this.options.ledger.set(fileId, { bytes: 0, usedAt: Math.max(usedAt, known?.usedAt ?? 0), held: 'absent', mine: known?.mine ?? false });
    this.prefetchWanted = true;
    return outcome;
  }

  private async touch(fileId: string, bytes: number, now: number): Promise<void> {
    const known = this.options.ledger.entry(fileId);
    // Content here that the ledger does not know: kept as this device's own until confirmed.
    const entry: ContentEntry = known && known.held !== 'absent' ? { ...known, usedAt: now } : { bytes, usedAt: now, held: 'device', mine: false };
    await this.options.ledger.set(fileId, entry);
  }

  /**
   * Removed files leave their bytes in the superseded revisions on the server until it is compacted:
   * asked once per pass. An ordinary CouchDB member may not; the log says an administrator must
   * clean the server (Settings → Retention and erasure), naming no file.
   */
  private async compactServer(server: ContentServer, removed: number): Promise<void> {
    try {
      if ((await server.compact()) === 'refused')
        this.options.logger.warn('Removed files were deleted from the team server, which keeps their old revisions until a CouchDB administrator cleans it', {
          files: removed,
        });
    } catch (error) {
      if (!(error instanceof ContentUnreachableError)) throw error;
    }
  }

  /**
   * File records whose content was erased (emptied in place, on this device or another): their
   * content comes off the team server too, since it is no longer replicated (issue 14, P-7.2).
   */
  private async noteEmptied(records: readonly FileRecord[]): Promise<void> {
    const emptied = records.filter((record) => isEmptiedFile(record) && this.options.ledger.entry(record.id)?.held !== 'removed');
    if (emptied.length === 0) return;
    const now = this.options.now();
    await this.options.ledger.setMany(emptied.map((record) => [record.id, { bytes: 0, usedAt: now, held: 'removed', mine: true }] as const));
    if (this.options.server()) void this.upload().catch(() => undefined);
  }

  /** File records appeared or changed: content here that the ledger does not know is this device's own, to upload. */
  private async noteDeviceContents(fileIds: readonly string[]): Promise<void> {
    await this.noteEmptied(await this.options.store.records(fileIds));
    await this.noteHeld(fileIds, true);
  }

  /**
   * Of these files, those whose content is here and which the ledger does not know (or knows as
   * absent) are noted as held by this device only, in one change of the ledger.
   */
  private async noteHeld(fileIds: readonly string[], mine: boolean): Promise<void> {
    const unknown = (id: string) => {
      const known = this.options.ledger.entry(id);
      return (!known || known.held === 'absent') && !this.fetching.has(id);
    };
    const held = await this.options.store.withContent(fileIds.filter(unknown));
    if (held.size === 0) return;
    const records = await this.options.store.records([...held]);
    const now = this.options.now();
    // An erased file's emptied chunks are nothing to upload: its content comes off the server (noteEmptied).
    const entries = records
      .filter((record) => unknown(record.id) && !isEmptiedFile(record))
      .map((record) => [record.id, { bytes: record.size, usedAt: now, held: 'device', mine }] as const);
    if (entries.length === 0) return;
    await this.options.ledger.setMany(entries);
    if (this.options.server()) void this.upload().catch(() => undefined);
  }

  /**
   * A file record was removed (undo or void, here or on another device): its content goes from
   * this device; one logged here also from the server, once it can be reached.
   */
  private async recordRemoved(fileId: string): Promise<void> {
    const known = this.options.ledger.entry(fileId);
    await this.options.store.dropContent(fileId);
    if (!known) return;
    if (this.withdrawn.delete(fileId)) {
      await this.options.ledger.forget([fileId]);
      return;
    }
    if (known.mine) {
      await this.options.ledger.set(fileId, { ...known, held: 'removed' });
      if (this.options.server()) void this.upload().catch(() => undefined);
    } else await this.options.ledger.forget([fileId]);
  }

  private async uploadPass(): Promise<void> {
    const server = this.options.server();
    if (!server) return;
    const removals = this.options.ledger.removed();
    for (const fileId of removals) {
      try {
        await server.remove(fileId);
      } catch (error) {
        if (error instanceof ContentUnreachableError) return;
        throw error;
      }
      await this.options.ledger.forget([fileId]);
    }
    if (removals.length > 0) await this.compactServer(server, removals.length);
    for (const fileId of this.options.ledger.deviceOnly()) {
      const [record, chunks] = await Promise.all([this.options.store.record(fileId), this.options.store.chunksOf(fileId)]);
      if (!record || chunks.length === 0) {
        // Removed here (a letter undone or voided): nothing left to send.
        if (chunks.length === 0) await this.options.ledger.forget([fileId]);
        continue;
      }
      if (!contentMatches(record, chunks)) {
        this.options.logger.warn('A file held here does not match its record: not sent', { fileId });
        continue;
      }
      let confirmed: boolean;
      try {
        confirmed = await server.upload(chunks);
      } catch (error) {
        if (error instanceof ContentUnreachableError) return;
        throw error;
      }
      // Removed or erased while it was being sent: it stays marked for removal (the next pass deletes it).
      if (confirmed && this.options.ledger.entry(fileId)?.held === 'removed') continue;
      if (confirmed) await this.options.ledger.update(fileId, { held: 'server' });
      else this.options.logger.warn('The server holds other content under this file: kept here, not confirmed', { fileId });
    }
    await this.evict();
  }

  private async evict(): Promise<void> {
    const chosen = evictionsFor(this.options.ledger.entries(), await this.options.budgetBytes());
    for (const fileId of chosen) {
      // Confirmed again just before: an entry changed meanwhile is left alone.
      if (this.options.ledger.entry(fileId)?.held !== 'server' || this.fetching.has(fileId)) continue;
      await this.options.store.dropContent(fileId);
      await this.options.ledger.update(fileId, { held: 'absent', bytes: 0 });
    }
  }
}
