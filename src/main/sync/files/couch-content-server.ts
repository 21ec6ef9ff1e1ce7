/**
 * Where file contents live on the team server (issue 19): the same CouchDB database as before,
 * `<team>_filechunks`, one document per chunk (`<file id>:<index>`, at most 256 KB), guarded by
 * the server guard as before. It is no longer replicated: a device writes its own chunks there
 * (`upload`), reads a file's chunks by id when the file is opened (`download`, `_all_docs`
 * with the keys), and deletes its own when their letter is undone or voided, and any erased file's
 * (`remove`, bare tombstones), then asks for the database to be compacted (`compact`), so no old
 * revision keeps the bytes (issue 14; CouchDB lets only its administrators compact). Keeping the database means nothing moves on servers already in use, and a
 * dedicated per-file database would cost a database per scan.
 */
import { z } from 'zod';
import { ContentUnreachableError, type ContentServer } from '../../files/file-contents';
import type { FileChunk } from '../../files/file-store';
import { allDocsSchema, BadAnswerError, bulkDocsSchema, readAnswer } from '../couch/couch-protocol';
import type { Witness } from '../continuity/remote-memory';

/** Chunks per request: about 350 KB of JSON each, as the replication's batches were. */
const BATCH = 8;

const chunkDocument = z.object({ _id: z.string(), fileId: z.string(), index: z.number().int().min(0), data: z.string() });

const json = { 'content-type': 'application/json' };

/**
 * Revisions of chunks this device wrote to the server or read from it: the witnesses by which a
 * restore of this database alone is noticed (continuity/server-continuity.ts), as the replicated
 * databases' pulls and pushes give theirs.
 */
export interface ChunkWitnesses {
  written(witness: Witness): void;
  read(witness: Witness): void;
}

export class CouchContentServer implements ContentServer {
  /** `url` is the database's, ending in `/`; `send` carries the sync credentials and reports every answer to the session. */
  constructor(
    private readonly url: string,
    private readonly send: typeof fetch,
    private readonly witnesses?: ChunkWitnesses,
  ) {}

  async download(fileId: string, chunkCount: number): Promise<FileChunk[] | null> {
    const chunks: FileChunk[] = [];
    for (let start = 0; start < chunkCount; start += BATCH) {
      const keys = Array.from({ length: Math.min(BATCH, chunkCount - start) }, (_, offset) => `${fileId}:${start + offset}`);
      const rows = await this.read(keys);
      for (const key of keys) {
        const row = rows.get(key);
        if (!row) return null;
        chunks.push({ id: row._id, fileId: row.fileId, index: row.index, data: row.data });
      }
    }
    return chunks;
  }

  async upload(chunks: readonly FileChunk[]): Promise<boolean> {
    for (let start = 0; start < chunks.length; start += BATCH) {
      const batch = chunks.slice(start, start + BATCH);
      const docs = batch.map((chunk) => ({ _id: chunk.id, fileId: chunk.fileId, index: chunk.index, data: chunk.data }));
      const results = await this.answer(
        () => this.send(`${this.url}_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs }) }),
        bulkDocsSchema,
        '_bulk_docs',
      );
      const conflicts = results.filter((result) => result.error === 'conflict').map((result) => result.id);
      if (results.some((result) => result.error && result.error !== 'conflict')) return false;
      const accepted = results.findLast((result) => !result.error && result.rev !== undefined);
      if (accepted?.rev) this.witnesses?.written({ id: accepted.id, rev: accepted.rev });
      if (conflicts.length === 0) continue;
      // Already there (sent before the answer was lost, or by a restore): the same content counts as held.
      const held = await this.read(conflicts);
      if (!conflicts.every((id) => held.get(id)?.data === batch.find((chunk) => chunk.id === id)?.data)) return false;
    }
    return true;
  }

  async remove(fileId: string): Promise<void> {
    const range = `startkey=${encodeURIComponent(JSON.stringify(`${fileId}:`))}&endkey=${encodeURIComponent(JSON.stringify(`${fileId}:\ufff0`))}`;
    const answer = await this.answer(() => this.send(`${this.url}_all_docs?${range}`), allDocsSchema, '_all_docs');
    const docs = answer.rows.flatMap((row) => (row.value && !row.value.deleted ? [{ _id: row.key, _rev: row.value.rev, _deleted: true }] : []));
    if (docs.length === 0) return;
    const results = await this.answer(
      () => this.send(`${this.url}_bulk_docs`, { method: 'POST', headers: json, body: JSON.stringify({ docs }) }),
      bulkDocsSchema,
      '_bulk_docs',
    );
    const refused = results.find((result) => result.error);
    // Tried again at the next pass (a conflict means someone wrote meanwhile: read again then).
    if (refused) throw new ContentUnreachableError(`The team server did not delete ${refused.id}: ${refused.reason ?? refused.error ?? ''}`);
  }

  async compact(): Promise<'started' | 'refused'> {
    let response: Response;
    try {
      response = await this.send(`${this.url}_compact`, { method: 'POST', headers: json });
    } catch (error) {
      throw new ContentUnreachableError(`The team server could not be reached for _compact: ${error instanceof Error ? error.message : String(error)}`);
    }
    void response.body?.cancel().catch(() => undefined);
    if (response.status === 401 || response.status === 403) return 'refused';
    if (!response.ok) throw new ContentUnreachableError(`The team server answered ${response.status} to _compact`);
    return 'started';
  }

  private async read(keys: readonly string[]): Promise<Map<string, z.output<typeof chunkDocument>>> {
    const answer = await this.answer(
      () => this.send(`${this.url}_all_docs`, { method: 'POST', headers: json, body: JSON.stringify({ keys, include_docs: true }) }),
      allDocsSchema,
      '_all_docs',
    );
    const found = new Map<string, z.output<typeof chunkDocument>>();
    let witness: Witness | null = null;
    for (const row of answer.rows) {
      if (!row.doc || row.value?.deleted) continue;
      const parsed = chunkDocument.safeParse(row.doc);
      // A document that is not a chunk counts as missing (and would fail the checksum anyway).
      if (!parsed.success) continue;
      found.set(row.key, parsed.data);
      if (row.value) witness = { id: row.key, rev: row.value.rev };
    }
    if (witness) this.witnesses?.read(witness);
    return found;
  }

  /** Any failure to get a usable answer is "the server cannot be reached": the file waits in the queue. */
  private async answer<S extends z.ZodType>(request: () => Promise<Response>, schema: S, what: string): Promise<z.output<S>> {
    let response: Response;
    try {
      response = await request();
    } catch (error) {
      throw new ContentUnreachableError(`The team server could not be reached for ${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!response.ok) {
      void response.body?.cancel().catch(() => undefined);
      throw new ContentUnreachableError(`The team server answered ${response.status} to ${what}`);
    }
    try {
      return await readAnswer(response, schema, what);
    } catch (error) {
      if (error instanceof BadAnswerError) throw new ContentUnreachableError(error.message);
      throw error;
    }
  }
}
