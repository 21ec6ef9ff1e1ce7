/**
 * Files that belong to records (letter scans, generated letter PDFs), stored as metadata plus
 * chunks of at most 256 KB in ordinary documents. That keeps every document far inside CouchDB's
 * size limit (RxDB's CouchDB replication does not carry RxDB attachments). A SHA-256 is checked
 * on every read. File records replicate; contents (chunks) are fetched on demand and cached
 * (issue 19: file-contents.ts); this store only reads and writes what is on this device.
 */
import crypto from 'node:crypto';
import type { RxCollection, RxDatabase } from 'rxdb';
import type { z } from 'zod';
import { fileChunkSchema, fileRecordSchema } from '../../shared/domain/records';
import { storedSchemaOf } from '../database/stored-schema';
import { withConflictHandler, type ConflictHandlerFor } from '../domain/collections';
import { ChangeSet } from '../database/change-set';
import { collectionOf } from '../database/collection-of';

/** The records (shared/domain/records/file-record.ts); RxDB's additions here. */
export type FileRecord = z.infer<typeof fileRecordSchema>;
export type FileChunk = z.infer<typeof fileChunkSchema>;

const fileSchema = storedSchemaOf<FileRecord>(fileRecordSchema, {
  title: 'stored file',
  version: 0,
  primaryKey: 'id',
  fields: {
    id: { maxLength: 64 },
    ownerId: { maxLength: 64 },
    name: { maxLength: 255 },
    mimeType: { maxLength: 100 },
    size: { minimum: 0, maximum: 1_000_000_000, multipleOf: 1 },
    sha256: { maxLength: 64 },
    chunkCount: { minimum: 0, maximum: 100_000, multipleOf: 1 },
    createdAt: { maxLength: 30 },
  },
  required: ['id', 'ownerId', 'name', 'mimeType', 'size', 'sha256', 'chunkCount', 'createdAt'],
  indexes: ['ownerId'],
});

const chunkSchema = storedSchemaOf<FileChunk>(fileChunkSchema, {
  title: 'stored file chunk',
  version: 0,
  primaryKey: 'id',
  fields: { id: { maxLength: 80 }, fileId: { maxLength: 64 }, index: { minimum: 0, maximum: 100_000, multipleOf: 1 } },
  required: ['id', 'fileId', 'index', 'data'],
  indexes: [['fileId', 'index']],
});

export const CHUNK_BYTES = 256 * 1024;

export interface NewFile {
  readonly id: string;
  readonly ownerId: string;
  readonly name: string;
  readonly mimeType: string;
  readonly data: Buffer;
  readonly createdAt: string;
}

export type StoredFile =
  | { readonly state: 'ready'; readonly record: FileRecord; readonly data: Buffer }
  | { readonly state: 'missing' | 'damaged' }
  | { readonly state: 'arriving'; readonly parts: number; readonly of: number };

export interface FileCollections {
  files: RxCollection<FileRecord>;
  fileChunks: RxCollection<FileChunk>;
}

export async function addFileCollections(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<FileCollections> {
  if (!database.collections['files']) {
    await database.addCollections({
      files: { schema: fileSchema, ...withConflictHandler<FileRecord>('files', handlerFor) },
      fileChunks: { schema: chunkSchema, ...withConflictHandler<FileChunk>('fileChunks', handlerFor) },
    });
  }
  return { files: collectionOf<FileRecord>(database, 'files'), fileChunks: collectionOf<FileChunk>(database, 'fileChunks') };
}

export class FileStore {
  constructor(private readonly collections: FileCollections) {}

  async put(file: NewFile): Promise<FileRecord> {
    const changes = new ChangeSet();
    const record = this.plan(changes, file);
    await changes.commit();
    return record;
  }

  /** Adds the file's record and chunks to an operation's writes: they are stored with it or not at all. */
  plan(changes: ChangeSet, file: NewFile): FileRecord {
    const chunks: FileChunk[] = [];
    for (let offset = 0, index = 0; offset < file.data.length || index === 0; offset += CHUNK_BYTES, index += 1) {
      chunks.push({ id: `${file.id}:${index}`, fileId: file.id, index, data: file.data.subarray(offset, offset + CHUNK_BYTES).toString('base64') });
      if (file.data.length === 0) break;
    }
    const record: FileRecord = {
      id: file.id,
      ownerId: file.ownerId,
      name: file.name,
      mimeType: file.mimeType,
      size: file.data.length,
      sha256: crypto.createHash('sha256').update(file.data).digest('hex'),
      chunkCount: chunks.length,
      createdAt: file.createdAt,
    };
    changes.insert(this.collections.fileChunks, ...chunks).insert(this.collections.files, record);
    return record;
  }

  /**
   * The file, or why not: unknown; still arriving (sync brings the record and its chunks
   * separately, so another device's scan can be listed before all its parts are here); or
   * damaged (its content does not match its SHA-256).
   */
  async get(id: string): Promise<StoredFile> {
    const record = await this.collections.files.findOne(id).exec();
    if (!record) return { state: 'missing' };
    const chunks = await this.collections.fileChunks.find({ selector: { fileId: id }, sort: [{ fileId: 'asc' }, { index: 'asc' }] }).exec();
    if (chunks.length < record.chunkCount) return { state: 'arriving', parts: chunks.length, of: record.chunkCount };
    const data = Buffer.concat(chunks.map((chunk) => Buffer.from(chunk.data, 'base64')));
    if (crypto.createHash('sha256').update(data).digest('hex') !== record.sha256) return { state: 'damaged' };
    return { state: 'ready', record: record.toJSON() as FileRecord, data };
  }

  /** Which of these files this device holds (their records; chunks may still be arriving). */
  async existing(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    return new Set((await this.collections.files.findByIds([...ids]).exec()).keys());
  }

  async record(id: string): Promise<FileRecord | null> {
    const record = await this.collections.files.findOne(id).exec();
    return record ? (record.toJSON() as FileRecord) : null;
  }

  async records(ids: readonly string[]): Promise<FileRecord[]> {
    const found = await this.collections.files.findByIds([...ids]).exec();
    return [...found.values()].map((record) => record.toJSON() as FileRecord);
  }

  /** Of these files, those whose first chunk is on this device. */
  async withContent(ids: readonly string[]): Promise<Set<string>> {
    const found = await this.collections.fileChunks.findByIds(ids.map((id) => `${id}:0`)).exec();
    return new Set([...found.values()].map((chunk) => chunk.fileId));
  }

  /** The chunks of a file on this device, in order. */
  async chunksOf(fileId: string): Promise<FileChunk[]> {
    const chunks = await this.collections.fileChunks.find({ selector: { fileId }, sort: [{ fileId: 'asc' }, { index: 'asc' }] }).exec();
    return chunks.map((chunk) => chunk.toJSON() as FileChunk);
  }

  /** Stores a file's verified content fetched from the server, in one transaction (parts already here are kept). */
  async cache(chunks: readonly FileChunk[]): Promise<void> {
    // Evicted chunks are deleted documents: they are written again over their tombstones.
    const stored = new Map(
      (
        await this.collections.fileChunks.storageInstance.findDocumentsById(
          chunks.map((chunk) => chunk.id),
          true,
        )
      ).map((document) => [document.id, document]),
    );
    const changes = new ChangeSet();
    for (const chunk of chunks) {
      const previous = stored.get(chunk.id);
      if (!previous) changes.insert(this.collections.fileChunks, chunk);
      else if (previous._deleted) changes.update(this.collections.fileChunks, previous, chunk);
    }
    if (changes.size > 0) await changes.commit();
  }

  /** Removes a file's content from this device only (eviction: the record stays, chunks never replicate). */
  async dropContent(fileId: string): Promise<void> {
    const chunks = await this.collections.fileChunks.find({ selector: { fileId } }).exec();
    if (chunks.length === 0) return;
    const changes = new ChangeSet();
    // The tombstone keeps no content: the space is given back.
    for (const chunk of chunks) changes.removeAs(this.collections.fileChunks, chunk, { id: chunk.id, fileId: chunk.fileId, index: chunk.index, data: '' });
    await changes.commit();
  }

  /** Every file record created, changed or removed (undo, void; here or by sync). */
  watchRecords(listener: (fileId: string, removed: boolean) => void): () => void {
    const subscription = this.collections.files.$.subscribe((change) => listener(change.documentId, change.operation === 'DELETE'));
    return () => subscription.unsubscribe();
  }

  /** Ids of every file record, a page at a time (the start-up check of what is held here). */
  async recordIdsAfter(after: string, limit: number): Promise<string[]> {
    const page = await this.collections.files.find({ selector: { id: { $gt: after } }, sort: [{ id: 'asc' }], limit }).exec();
    return page.map((record) => record.id);
  }

  async listFor(ownerId: string): Promise<FileRecord[]> {
    return (await this.collections.files.find({ selector: { ownerId } }).exec()).map((record) => record.toJSON() as FileRecord);
  }

  /** Adds the removal of every file of an owner (a voided letter's scans) to an operation's writes. */
  async planRemovalOf(changes: ChangeSet, ownerId: string): Promise<void> {
    const records = await this.collections.files.find({ selector: { ownerId } }).exec();
    for (const record of records) {
      changes.remove(this.collections.files, record);
      const chunks = await this.collections.fileChunks.find({ selector: { fileId: record.id } }).exec();
      for (const chunk of chunks) changes.remove(this.collections.fileChunks, chunk);
    }
  }
}
