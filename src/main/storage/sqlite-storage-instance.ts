/**
 * One RxDB collection (at one schema version) stored in SQLite: RxDB's RxStorageInstance.
 * Every bulkWrite is one SQLite transaction; its promise resolves after the commit (fsynced, see
 * sqlite-connection.ts), and change events are emitted only for committed writes.
 */
import {
  categorizeBulkWriteRows,
  now,
  type BulkWriteRow,
  type EventBulk,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
  type RxStorageBulkWriteResponse,
  type RxStorageChangeEvent,
  type RxStorageCountResult,
  type RxStorageDefaultCheckpoint,
  type RxStorageInstance,
  type RxStorageQueryResult,
} from 'rxdb';
import type Database from 'better-sqlite3-multiple-ciphers';

type Statement = Database.Statement<unknown[], unknown>;
import { Subject, type Observable } from 'rxjs';
import { releaseSqliteConnection, type SqliteConnection } from './sqlite-connection';
import { explainQuery, runCount, runQuery, type Prefilter, type QueryContext } from './sqlite-query';
import { StorageError, toStorageError } from './storage-errors';
import { dropTables, type TableLayout } from './table-layout';
import { attachmentBytes, collectAttachmentBlobs, type AttachmentBytes } from './attachment-data';
import { dropFullTextIndex, toMatchQuery, type FullTextIndex } from './full-text';
import { encodeTags, forgetRowTags } from './row-tags';

export interface SqliteInternals {
  readonly connection: SqliteConnection;
  readonly layout: TableLayout;
  readonly fullText: FullTextIndex | null;
  /** The collection's row tags (row-tags.ts), when its layout keeps them. */
  readonly tagsOf: ((document: unknown) => readonly string[]) | null;
}

export type SqliteInstanceOptions = Record<string, never>;

type Checkpoint = RxStorageDefaultCheckpoint;
type ChangeBulk<T> = EventBulk<RxStorageChangeEvent<RxDocumentData<T>>, Checkpoint>;
export type CategorizedWrite<T> = ReturnType<typeof categorizeBulkWriteRows<T>>;

/** Larger documents are refused with a clear error (a case is a few KB; scans are attachments). */
export const MAX_DOCUMENT_JSON_LENGTH = 16 * 1024 * 1024;

export class SqliteStorageInstance<T> implements RxStorageInstance<T, SqliteInternals, SqliteInstanceOptions, Checkpoint> {
  private closed = false;
  private readonly statements = new Map<string, Statement>();
  private readonly changes: Subject<ChangeBulk<T>>;
  private readonly queryContext: QueryContext<T>;

  constructor(
    readonly databaseName: string,
    readonly collectionName: string,
    readonly schema: Readonly<RxJsonSchema<RxDocumentData<T>>>,
    readonly internals: SqliteInternals,
    readonly options: Readonly<SqliteInstanceOptions>,
  ) {
    const key = internals.layout.documentsTable;
    const shared = internals.connection.changeSubjects.get(key) ?? new Subject<unknown>();
    internals.connection.changeSubjects.set(key, shared);
    this.changes = shared as Subject<ChangeBulk<T>>;
    this.queryContext = { schema: this.schema, layout: internals.layout, statement: (sql) => this.statement(sql) };
  }

  private get file(): string {
    return this.internals.connection.file;
  }

  private get layout(): TableLayout {
    return this.internals.layout;
  }

  private ensureOpen(): void {
    if (this.closed) throw new StorageError('CLOSED', this.file, `The storage for '${this.collectionName}' is closed.`);
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.internals.connection.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Runs a synchronous SQLite operation, turning SQLite errors into StorageErrors. */
  private guarded<R>(doing: string, operation: () => R): R {
    this.ensureOpen();
    try {
      return operation();
    } catch (error) {
      throw toStorageError(error, this.file, doing);
    }
  }

  bulkWrite(rows: BulkWriteRow<T>[], context: string): Promise<RxStorageBulkWriteResponse<T>> {
    try {
      // Stryker disable next-line BlockStatement,CallExpression: writeRows checks again (guarded); this only refuses a closed store before queueing.
      this.ensureOpen();
      const blobs = this.schema.attachments ? collectAttachmentBlobs(rows) : [];
      const connection = this.internals.connection;
      // Fast path: nothing to await and no earlier write waiting, so write now, in call order.
      if (blobs.length === 0 && connection.pendingWrites === 0) return Promise.resolve(this.writeRows(rows, context, new Map()));
      connection.pendingWrites += 1;
      const result = connection.writeQueue.then(async () => this.writeRows(rows, context, await attachmentBytes(blobs)));
      connection.writeQueue = result.catch(() => undefined).finally(() => (connection.pendingWrites -= 1));
      return result;
    } catch (error) {
      // Stryker disable next-line StringLiteral: what reaches here is already a StorageError (closed, or from writeRows), which keeps its own message.
      return Promise.reject(toStorageError(error, this.file, 'writing documents'));
    }
  }

  private writeRows(rows: BulkWriteRow<T>[], context: string, bytes: AttachmentBytes): RxStorageBulkWriteResponse<T> {
    const categorized = this.guarded('writing documents', () =>
      this.internals.connection.db.transaction(() => this.applyRows(rows, context, bytes)).immediate(),
    );
    this.announce(categorized);
    return { error: categorized.errors };
  }

  /**
   * Writes rows inside the caller's open transaction and returns what was decided for each
   * (written, or refused with a conflict). Nothing is announced: the caller announces after the
   * commit (see atomic-commit.ts), so no listener ever sees a write that was rolled back.
   */
  applyRows(rows: BulkWriteRow<T>[], context: string, bytes: AttachmentBytes = new Map()): CategorizedWrite<T> {
    this.ensureOpen();
    const layout = this.layout;
    const ids = rows.map((row) => (row.document as Record<string, unknown>)[layout.primaryPath] as string);
    const inDb = new Map(this.readByIds(ids, true).map((document) => [(document as Record<string, unknown>)[layout.primaryPath] as string, document]));
    // eslint-disable-next-line no-restricted-syntax -- RxDB types the primary path as a key of T, which a storage generic in T cannot name; the layout read it from the schema.
    const result = categorizeBulkWriteRows<T>(this, layout.primaryPath as never, inDb, rows, context);
    const insert = this.statement(insertSql(layout));
    const update = this.statement(updateSql(layout));
    // A document that cannot be stored throws here and rolls the whole transaction back.
    // Stryker disable next-line BooleanLiteral: a new row has no index entry to replace, so replacing one is the same as adding it.
    for (const row of result.bulkInsertDocs) this.indexText(Number(insert.run(this.rowValues(row.document)).lastInsertRowid), row.document, false);
    for (const row of result.bulkUpdateDocs) {
      update.run(this.rowValues(row.document));
      this.indexText(null, row.document, true);
    }
    this.writeAttachments(result, bytes);
    return result;
  }

  /** Tells RxDB (and every other listener) about committed writes. */
  announce(categorized: CategorizedWrite<T>): void {
    if (categorized.eventBulk.events.length === 0 || !categorized.newestRow) return;
    const newest = categorized.newestRow.document as RxDocumentData<T>;
    const bulk = categorized.eventBulk as ChangeBulk<T>;
    bulk.checkpoint = { id: (newest as Record<string, unknown>)[this.layout.primaryPath] as string, lwt: newest._meta.lwt };
    this.changes.next(bulk);
  }

  /** Keeps the full-text index in step with a written document (same transaction). */
  private indexText(rowid: number | null, document: RxDocumentData<T>, replace: boolean): void {
    const fullText = this.internals.fullText;
    if (!fullText) return;
    const id = (document as Record<string, unknown>)[this.layout.primaryPath];
    const row = rowid ?? (this.statement(`SELECT rowid FROM ${this.layout.documentsTable} WHERE id = ?`).pluck().get(id) as number);
    if (replace) this.statement(`DELETE FROM ${fullText.table} WHERE rowid = ?`).run(row);
    if (!document._deleted) this.statement(`INSERT INTO ${fullText.table} (rowid, text) VALUES (?, ?)`).run(row, fullText.extract(document));
  }

  /**
   * Merges the full-text index into one segment (FTS5's `optimize`). A contentless index keeps the
   * words of a replaced or deleted row in its older segments until they merge; after an erasure
   * (issue 14, P-7.2) they must leave the file too.
   */
  optimizeFullText(): void {
    const fullText = this.internals.fullText;
    if (!fullText) return;
    this.statement(`INSERT INTO ${fullText.table} (${fullText.table}) VALUES ('optimize')`).run();
  }

  /**
   * Ids of live documents whose text matches every word typed (as word prefixes), best match
   * first. Empty when the collection has no full-text index or nothing was typed.
   */
  searchText(input: string, limit: number): string[] {
    const fullText = this.internals.fullText;
    const match = toMatchQuery(input);
    if (!fullText || !match) return [];
    return this.guarded(
      'searching',
      () =>
        this.statement(
          `SELECT d.id FROM ${fullText.table} f JOIN ${this.layout.documentsTable} d ON d.rowid = f.rowid WHERE f.text MATCH ? AND d.deleted = 0 ORDER BY f.rank LIMIT ?`,
        )
          .pluck()
          .all(match, limit) as string[],
    );
  }

  /** Named parameters for a row (RxDB has already stripped attachment data from `document`). */
  private rowValues(document: RxDocumentData<T>): Record<string, unknown> {
    const values: Record<string, unknown> = {
      id: (document as Record<string, unknown>)[this.layout.primaryPath],
      deleted: document._deleted ? 1 : 0,
      lwt: document._meta.lwt,
      rev: document._rev,
      doc: serialiseDocument(document, this.file),
    };
    for (const index of this.layout.indexes) values[index.column] = index.valueOf(document);
    if (this.internals.tagsOf) values['tags'] = encodeTags(this.internals.tagsOf(document));
    return values;
  }

  private writeAttachments(result: CategorizedWrite<T>, bytes: AttachmentBytes): void {
    if (!this.schema.attachments) return;
    const table = this.layout.attachmentsTable;
    const upsert = this.statement(
      `INSERT INTO ${table} (doc_id, attachment_id, digest, type, data) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (doc_id, attachment_id) DO UPDATE SET digest = excluded.digest, type = excluded.type, data = excluded.data`,
    );
    for (const attachment of [...result.attachmentsAdd, ...result.attachmentsUpdate]) {
      const data = bytes.get(attachment.attachmentData.data);
      if (!data)
        throw new StorageError('INVALID_DOCUMENT', this.file, `Attachment '${attachment.attachmentId}' of '${attachment.documentId}' has no readable data.`);
      upsert.run(attachment.documentId, attachment.attachmentId, attachment.digest, attachment.attachmentData.type, data);
    }
    const remove = this.statement(`DELETE FROM ${table} WHERE doc_id = ? AND attachment_id = ?`);
    for (const attachment of result.attachmentsRemove) remove.run(attachment.documentId, attachment.attachmentId);
  }

  private readByIds(ids: readonly string[], withDeleted: boolean): RxDocumentData<T>[] {
    if (ids.length === 0) return [];
    if (ids.length === 1) {
      const json = this.statement(`SELECT doc FROM ${this.layout.documentsTable} WHERE id = ?${withDeleted ? '' : ' AND deleted = 0'}`)
        .pluck()
        .get(ids[0]) as string | undefined;
      return json === undefined ? [] : [JSON.parse(json) as RxDocumentData<T>];
    }
    const sql = `SELECT doc FROM ${this.layout.documentsTable} WHERE id IN (SELECT value FROM json_each(?))${withDeleted ? '' : ' AND deleted = 0'}`;
    return (this.statement(sql).pluck().all(JSON.stringify(ids)) as string[]).map((json) => JSON.parse(json) as RxDocumentData<T>);
  }

  findDocumentsById(ids: string[], withDeleted: boolean): Promise<RxDocumentData<T>[]> {
    return settle(() => this.guarded('reading documents', () => this.readByIds(ids, withDeleted)));
  }

  query(prepared: PreparedQuery<T>): Promise<RxStorageQueryResult<T>> {
    return settle(() => ({ documents: this.guarded('running a query', () => runQuery(this.queryContext, prepared)) }));
  }

  /**
   * The same query, skipping in the index the rows that carry none of the tags `anyOf` (see
   * `Prefilter`, row-tags.ts): for a query most rows of the scanned range fail, e.g. a
   * caseworker's cases (P-7.1), whose departments (an array) no index can hold. Same results as
   * `query`.
   */
  queryPrefiltered(prepared: PreparedQuery<T>, anyOf: Prefilter): Promise<RxDocumentData<T>[]> {
    return settle(() => this.guarded('running a query', () => runQuery(this.queryContext, prepared, anyOf)));
  }

  count(prepared: PreparedQuery<T>): Promise<RxStorageCountResult> {
    return settle(() => ({ count: this.guarded('counting documents', () => runCount(this.queryContext, prepared)), mode: 'fast' as const }));
  }

  /** SQLite's plan for a prepared query: proves the schema's indexes are used. */
  explainQuery(prepared: PreparedQuery<T>): string[] {
    return this.guarded('explaining a query', () => explainQuery(this.queryContext, prepared));
  }

  getAttachmentData(documentId: string, attachmentId: string, digest: string): Promise<Blob> {
    return settle(() => {
      const row = this.guarded('reading an attachment', () =>
        this.statement(`SELECT digest, type, data FROM ${this.layout.attachmentsTable} WHERE doc_id = ? AND attachment_id = ?`).get(documentId, attachmentId),
      ) as { digest: string; type: string; data: Buffer } | undefined;
      if (!row || (digest && row.digest !== digest)) {
        throw new StorageError(
          'INVALID_DOCUMENT',
          this.file,
          `Attachment '${attachmentId}' of '${documentId}' does not exist${digest ? ` with digest ${digest}` : ''}.`,
        );
      }
      return new Blob([new Uint8Array(row.data)], { type: row.type });
    });
  }

  getChangedDocumentsSince(limit: number, checkpoint?: Checkpoint): Promise<{ documents: RxDocumentData<T>[]; checkpoint: Checkpoint }> {
    return settle(() => {
      const since = checkpoint ?? { id: '', lwt: 0 };
      const documents = this.guarded('reading changes', () =>
        (
          this.statement(`SELECT doc FROM ${this.layout.documentsTable} WHERE (lwt, id) > (?, ?) ORDER BY lwt, id LIMIT ?`)
            .pluck()
            .all(since.lwt, since.id, limit) as string[]
        ).map((json) => JSON.parse(json) as RxDocumentData<T>),
      );
      const last = documents.at(-1);
      return {
        documents,
        checkpoint: last ? { id: (last as Record<string, unknown>)[this.layout.primaryPath] as string, lwt: last._meta.lwt } : since,
      };
    });
  }

  changeStream(): Observable<ChangeBulk<T>> {
    this.ensureOpen();
    return this.changes.asObservable();
  }

  /** Removes deleted documents (and their attachments) older than `minimumDeletedTime` ms. */
  cleanup(minimumDeletedTime: number): Promise<boolean> {
    return settle(() => {
      const olderThan = now() - minimumDeletedTime;
      const { documentsTable, attachmentsTable } = this.layout;
      this.guarded('cleaning up deleted documents', () =>
        this.internals.connection.db
          .transaction(() => {
            this.statement(`DELETE FROM ${attachmentsTable} WHERE doc_id IN (SELECT id FROM ${documentsTable} WHERE deleted = 1 AND lwt <= ?)`).run(olderThan);
            this.statement(`DELETE FROM ${documentsTable} WHERE deleted = 1 AND lwt <= ?`).run(olderThan);
          })
          .immediate(),
      );
      return true;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.internals.connection.writeQueue;
    this.closed = true;
    this.statements.clear();
    releaseSqliteConnection(this.internals.connection);
  }

  async remove(): Promise<void> {
    this.ensureOpen();
    await this.internals.connection.writeQueue;
    const { db } = this.internals.connection;
    this.guarded('removing a collection', () => {
      if (this.internals.fullText) dropFullTextIndex(db, this.internals.fullText.table);
      dropTables(db, this.layout);
      forgetRowTags(db, this.layout);
    });
    await this.close();
  }
}

function rowColumns(layout: TableLayout): string[] {
  return [...layout.indexes.map((index) => index.column), ...(layout.tagged ? ['tags'] : [])];
}

function insertSql(layout: TableLayout): string {
  const columns = ['id', 'deleted', 'lwt', 'rev', 'doc', ...rowColumns(layout)];
  return `INSERT INTO ${layout.documentsTable} (${columns.join(', ')}) VALUES (${columns.map((column) => `@${column}`).join(', ')})`;
}

function updateSql(layout: TableLayout): string {
  const columns = ['deleted', 'lwt', 'rev', 'doc', ...rowColumns(layout)];
  return `UPDATE ${layout.documentsTable} SET ${columns.map((column) => `${column} = @${column}`).join(', ')} WHERE id = @id`;
}

function serialiseDocument(document: unknown, file: string): string {
  let json: string;
  try {
    json = JSON.stringify(document);
  } catch (error) {
    throw new StorageError('INVALID_DOCUMENT', file, `A document could not be stored: ${error instanceof Error ? error.message : String(error)}`, {
      cause: error,
    });
  }
  if (json.length > MAX_DOCUMENT_JSON_LENGTH) {
    throw new StorageError(
      'INVALID_DOCUMENT',
      file,
      `A document of ${Math.round(json.length / 1024 / 1024)} MB is larger than the ${MAX_DOCUMENT_JSON_LENGTH / 1024 / 1024} MB limit; store large content as an attachment.`,
    );
  }
  return json;
}

/** Runs a synchronous operation and hands its outcome back as a promise. */
function settle<R>(operation: () => R): Promise<R> {
  try {
    return Promise.resolve(operation());
  } catch (error) {
    return Promise.reject(error as Error);
  }
}
