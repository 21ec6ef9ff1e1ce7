/**
 * File contents on demand (issue 19), in process with a stand-in for the team server (the real
 * server is in sync/files-on-demand.test.ts):
 * - content held here that the ledger does not know (a profile from before files on demand, or
 *   a crash right after the write) is this device's own: counted as pending, uploaded, and only
 *   then evictable;
 * - the server unreachable: "on the server", queued, and fetched by the next prefetch pass;
 * - the server lacking the content: "not on the server yet", queued, nothing stored;
 * - the server's copy not matching the record: refused, nothing stored;
 * - a file logged here and removed (a letter undone) is deleted from the server too;
 * - a file emptied by an erasure is deleted from the server, and the server is asked to compact
 *   (issue 14); a refusal (an ordinary CouchDB member) is logged without naming the file.
 */
import crypto from 'node:crypto';
import type { RxDatabase } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChangeSet } from '../database/change-set';
import { createMemoryLogger } from '../logging/logger';
import { ContentLedger } from './content-ledger';
import { EMPTY_FILE_SHA256 } from './emptied-file';
import { ContentUnreachableError, FileContents, type ContentServer } from './file-contents';
import type { FileChunk, FileCollections, FileStore } from './file-store';
import { openFileDatabase, type FileDatabase } from './test-support/file-database';

let files: FileDatabase;
let database: RxDatabase;
let collections: FileCollections;
let store: FileStore;
let contents: FileContents | null = null;

beforeEach(async () => {
  files = await openFileDatabase('plaint-contents-');
  ({ database, collections, store } = files);
});

afterEach(async () => {
  contents?.stop();
  contents = null;
  await files.close();
});

/** A team server in memory: what it holds, whether it answers. */
class StandInServer implements ContentServer {
  readonly held = new Map<string, FileChunk>();
  reachable = true;
  compactions = 0;
  compactAnswer: 'started' | 'refused' = 'started';
  download(fileId: string, chunkCount: number): Promise<FileChunk[] | null> {
    if (!this.reachable) return Promise.reject(new ContentUnreachableError('no answer'));
    const chunks = Array.from({ length: chunkCount }, (_, index) => this.held.get(`${fileId}:${index}`));
    return Promise.resolve(chunks.every((chunk) => chunk !== undefined) ? (chunks as FileChunk[]) : null);
  }
  remove(fileId: string): Promise<void> {
    if (!this.reachable) return Promise.reject(new ContentUnreachableError('no answer'));
    for (const id of [...this.held.keys()]) if (id.startsWith(`${fileId}:`)) this.held.delete(id);
    return Promise.resolve();
  }
  compact(): Promise<'started' | 'refused'> {
    if (!this.reachable) return Promise.reject(new ContentUnreachableError('no answer'));
    this.compactions += 1;
    return Promise.resolve(this.compactAnswer);
  }
  upload(chunks: readonly FileChunk[]): Promise<boolean> {
    if (!this.reachable) return Promise.reject(new ContentUnreachableError('no answer'));
    for (const chunk of chunks) this.held.set(chunk.id, { ...chunk });
    return Promise.resolve(true);
  }
}

async function start(server: StandInServer | null, budgetBytes = 10_000_000, logger = createMemoryLogger()): Promise<FileContents> {
  contents = new FileContents({
    store,
    ledger: await ContentLedger.load(database),
    server: () => server,
    budgetBytes: () => Promise.resolve(budgetBytes),
    wanted: () => Promise.resolve([]),
    now: () => Date.now(),
    logger,
  });
  return contents;
}

const scanOf = (bytes: number) => crypto.randomBytes(bytes);
const put = (id: string, data: Buffer) =>
  store.put({ id, ownerId: 'letter-1', name: 'scan.pdf', mimeType: 'application/pdf', data, createdAt: '2026-11-25T10:00:00.000Z' });

describe('file contents on demand', () => {
  it('content the ledger does not know is this device’s own: pending, uploaded, then evictable (never before)', async () => {
    await put('old-scan', scanOf(1_000));
    const server = new StandInServer();
    server.reachable = false;
    const files = await start(server, 0);
    await files.reconcile();
    expect(files.pendingUploads()).toBe(1);
    await files.upload();
    // Over a budget of 0 and not confirmed: kept.
    expect(await store.withContent(['old-scan'])).toEqual(new Set(['old-scan']));
    server.reachable = true;
    await files.upload();
    expect(files.pendingUploads()).toBe(0);
    expect(server.held.has('old-scan:0')).toBe(true);
    // Confirmed, and over budget: evicted; it opens again from the server.
    expect(await store.withContent(['old-scan'])).toEqual(new Set());
    expect((await files.open('old-scan')).state).toBe('ready');
  });

  it('the server unreachable: "on the server", queued, and fetched by the next prefetch pass', async () => {
    const server = new StandInServer();
    const data = scanOf(2_000);
    await put('their-scan', data);
    const chunks = await store.chunksOf('their-scan');
    for (const chunk of chunks) server.held.set(chunk.id, chunk);
    await store.dropContent('their-scan');
    server.reachable = false;
    const files = await start(server);
    expect(await files.open('their-scan')).toEqual({ state: 'on-server' });
    server.reachable = true;
    await files.prefetch();
    expect(await store.withContent(['their-scan'])).toEqual(new Set(['their-scan']));
    const opened = await files.open('their-scan');
    expect(opened.state === 'ready' && opened.data.equals(data)).toBe(true);
  });

  it('the server lacking it: "not on the server yet"; a copy that does not match: refused; nothing stored either way', async () => {
    const server = new StandInServer();
    await put('missing-scan', scanOf(500));
    await put('forged-scan', scanOf(500));
    for (const chunk of await store.chunksOf('forged-scan')) server.held.set(chunk.id, { ...chunk, data: Buffer.from('forged').toString('base64') });
    await store.dropContent('missing-scan');
    await store.dropContent('forged-scan');
    const files = await start(server);
    expect(await files.open('missing-scan')).toEqual({ state: 'not-on-server' });
    expect(await files.open('forged-scan')).toEqual({ state: 'refused' });
    expect(await store.withContent(['missing-scan', 'forged-scan'])).toEqual(new Set());
    expect(await files.open('no-such-file')).toEqual({ state: 'missing' });
  });

  it('a file logged here and then removed (undo) is deleted from the server too, once it can be reached', async () => {
    const server = new StandInServer();
    const files = await start(server);
    await put('undone-scan', scanOf(300_000));
    await waitFor(() => server.held.has('undone-scan:1'));
    server.reachable = false;
    const changes = new ChangeSet();
    await store.planRemovalOf(changes, 'letter-1');
    await changes.commit();
    await waitFor(() => files.pendingUploads() === 1);
    expect(server.held.has('undone-scan:0')).toBe(true);
    server.reachable = true;
    await files.upload();
    expect([...server.held.keys()].filter((id) => id.startsWith('undone-scan:'))).toEqual([]);
    expect(files.pendingUploads()).toBe(0);
    expect(server.compactions).toBe(1);
  });

  it('a file emptied by an erasure (here or by sync) is deleted from the server, which is asked to compact (issue 14, P-7.2)', async () => {
    const server = new StandInServer();
    const files = await start(server);
    await put('erased-scan', scanOf(300_000));
    await waitFor(() => server.held.has('erased-scan:1'));
    await emptyAsAnErasureDoes('erased-scan');
    await waitFor(() => [...server.held.keys()].every((id) => !id.startsWith('erased-scan:')));
    await waitFor(() => server.compactions === 1);
    expect(files.pendingUploads()).toBe(0);
  });

  it('a compaction the server refuses (an ordinary CouchDB member) is logged, naming no file (issue 14)', async () => {
    const server = new StandInServer();
    server.compactAnswer = 'refused';
    const logger = createMemoryLogger();
    await start(server, 10_000_000, logger);
    await put('erased-scan', scanOf(1_000));
    await waitFor(() => server.held.has('erased-scan:0'));
    await emptyAsAnErasureDoes('erased-scan');
    await waitFor(() => logger.entries.some((entry) => entry.level === 'warn' && /old revisions/.test(entry.message)));
    expect(JSON.stringify(logger.entries.filter((entry) => /old revisions/.test(entry.message)))).not.toContain('erased-scan');
    expect(server.held.has('erased-scan:0')).toBe(false);
  });
});

/** What erasure/redaction.ts does to a file: the record says 0 bytes and the hash of nothing; the chunks are emptied. */
async function emptyAsAnErasureDoes(fileId: string): Promise<void> {
  const record = await collections.files.findOne(fileId).exec();
  await record?.incrementalPatch({ name: '', mimeType: '', size: 0, sha256: EMPTY_FILE_SHA256 });
  for (const chunk of await collections.fileChunks.find({ selector: { fileId } }).exec()) await chunk.incrementalPatch({ data: '' });
}

async function waitFor(condition: () => boolean): Promise<void> {
  // Generous: this waits on a condition, and a loaded machine is slow, not wrong.
  for (let tries = 0; tries < 3_000 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(condition()).toBe(true);
}

describe('the content ledger', () => {
  it('a burst of changes is saved together, not once per file (each save writes every entry; issue 17 import of 1 000 e-mails)', async () => {
    const ledger = await ContentLedger.load(database);
    let saves = 0;
    const counting = database.$.subscribe(() => (saves += 1));
    const written = Array.from({ length: 200 }, (_, index) => ledger.set(`file-${index}`, { bytes: index, usedAt: index, held: 'device', mine: true }));
    await Promise.all(written);
    counting.unsubscribe();
    expect(saves).toBeLessThanOrEqual(2);
    // Every change is in what was saved.
    const reloaded = await ContentLedger.load(database);
    expect(reloaded.deviceOnly()).toHaveLength(200);
    expect(reloaded.entry('file-199')).toEqual({ bytes: 199, usedAt: 199, held: 'device', mine: true });
  });
});
