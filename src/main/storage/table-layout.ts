/**
 * How one RxDB collection (at one schema version) is laid out in SQLite.
 *
 * Every document is a row: id, deleted flag, last-write time, revision, the JSON document, and one
 * column per schema index holding RxDB's "indexable string" for that index (the same key the
 * memory storage sorts by, so ordering and bounds follow RxDB's own semantics exactly). Each
 * index column has a real SQLite index; RxDB's query planner names the index and its bounds and
 * the query becomes a range scan on it.
 *
 * Index strings are stored as UTF-16BE BLOBs: SQLite compares BLOBs bytewise, and bytewise
 * UTF-16BE order equals JavaScript's string order (UTF-8 text order differs for characters above
 * U+FFFF, e.g. emoji in a name).
 */
import { getIndexableStringMonad, getPrimaryFieldOfPrimaryKey, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import type { SqliteDatabase } from './sqlite-connection';
import { StorageError } from './storage-errors';

export interface IndexColumn {
  /** The schema index's fields joined by ',' (how query plans name it). */
  readonly key: string;
  readonly fields: readonly string[];
  readonly column: string;
  readonly valueOf: (document: RxDocumentData<unknown>) => Buffer;
}

export interface TableLayout {
  readonly documentsTable: string;
  readonly attachmentsTable: string;
  readonly primaryPath: string;
  readonly indexes: readonly IndexColumn[];
  readonly indexByKey: ReadonlyMap<string, IndexColumn>;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function toSortableBlob(indexString: string): Buffer {
  return Buffer.from(indexString, 'utf16le').swap16();
}

export function createTableLayout<T>(collectionName: string, schema: RxJsonSchema<RxDocumentData<T>>): TableLayout {
  const base = `rx__${collectionName}__v${schema.version}`;
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const indexes = (schema.indexes ?? []).map((index, position): IndexColumn => {
    const fields = typeof index === 'string' ? [index] : [...index];
    const toString = getIndexableStringMonad(schema, fields);
    return {
      key: fields.join(','),
      fields,
      column: `i${position}`,
      valueOf: (document) => toSortableBlob(toString(document as RxDocumentData<T>)),
    };
  });
  return {
    documentsTable: quoteIdentifier(base),
    attachmentsTable: quoteIdentifier(`${base}__attachments`),
    primaryPath,
    indexes,
    indexByKey: new Map(indexes.map((index) => [index.key, index])),
  };
}

const META_TABLE = 'plaint_rx_tables';

/** Creates the tables and indexes when missing; refuses a table built for different indexes. */
export function ensureTables(db: SqliteDatabase, file: string, layout: TableLayout): void {
  const indexColumns = layout.indexes.map((index) => `${index.column} BLOB NOT NULL`).join(', ');
  const signature = JSON.stringify(layout.indexes.map((index) => index.key));
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (table_name TEXT PRIMARY KEY, indexes TEXT NOT NULL)`);
    const existing = db.prepare(`SELECT indexes FROM ${META_TABLE} WHERE table_name = ?`).get(layout.documentsTable) as { indexes: string } | undefined;
    if (existing && existing.indexes !== signature) {
      throw new StorageError('SCHEMA_MISMATCH', file, `The collection table ${layout.documentsTable} was created with other indexes (${existing.indexes}); a schema change needs a new schema version.`);
    }
    db.exec(`CREATE TABLE IF NOT EXISTS ${layout.documentsTable} (
      id TEXT PRIMARY KEY NOT NULL,
      deleted INTEGER NOT NULL,
      lwt REAL NOT NULL,
      rev TEXT NOT NULL,
      doc TEXT NOT NULL${indexColumns ? `, ${indexColumns}` : ''}
    )`);
    const table = layout.documentsTable.slice(1, -1);
    for (const index of layout.indexes) {
      db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table}__${index.column}`)} ON ${layout.documentsTable} (${index.column})`);
    }
    // Replication reads changes in (lwt, id) order; cleanup finds deleted documents by age.
    db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table}__changes`)} ON ${layout.documentsTable} (lwt, id)`);
    db.exec(`CREATE INDEX IF NOT EXISTS ${quoteIdentifier(`${table}__deleted`)} ON ${layout.documentsTable} (lwt) WHERE deleted = 1`);
    db.exec(`CREATE TABLE IF NOT EXISTS ${layout.attachmentsTable} (
      doc_id TEXT NOT NULL,
      attachment_id TEXT NOT NULL,
      digest TEXT NOT NULL,
      type TEXT NOT NULL,
      data BLOB NOT NULL,
      PRIMARY KEY (doc_id, attachment_id)
    )`);
    if (!existing) db.prepare(`INSERT INTO ${META_TABLE} (table_name, indexes) VALUES (?, ?)`).run(layout.documentsTable, signature);
  }).immediate();
}

export function dropTables(db: SqliteDatabase, layout: TableLayout): void {
  db.transaction(() => {
    db.exec(`DROP TABLE IF EXISTS ${layout.documentsTable}`);
    db.exec(`DROP TABLE IF EXISTS ${layout.attachmentsTable}`);
    db.prepare(`DELETE FROM ${META_TABLE} WHERE table_name = ?`).run(layout.documentsTable);
  }).immediate();
}

export function countCollectionTables(db: SqliteDatabase): number {
  const row = db.prepare(`SELECT count(*) AS n FROM ${META_TABLE}`).get() as { n: number };
  return row.n;
}
