/**
 * How one RxDB collection (at one schema version) is laid out in SQLite.
 *
 * Every document is a row: id, deleted flag, last-write time, revision, the JSON document, and one
 * column per schema index holding RxDB's "indexable string" for that index (the same key the
 * memory storage sorts by, so ordering and bounds follow RxDB's own semantics exactly). Each
 * index column has a real SQLite index; RxDB's query planner names the index and its bounds and
 * the query becomes a range scan on it.
 *
 * Index strings are stored as BLOBs in an order-preserving byte encoding of their UTF-16 code
 * units (see toSortableBlob): SQLite compares BLOBs bytewise, and that order must equal
 * JavaScript's string order, which UTF-8 text does not give for characters above U+FFFF (e.g.
 * emoji in a name). ASCII, most of every key, takes one byte per character.
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
  /** The table keeps row tags (row-tags.ts) after each index key. */
  readonly tagged: boolean;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included.
const ASCII_ONLY = /^[\x00-\x7f]*$/;

/**
 * Encodes each UTF-16 code unit so that bytewise order equals code-unit order and no encoding is
 * a prefix of another: < 0x80 → 1 byte (itself); < 0x4000 → 2 bytes, the first in 0x80–0xBF;
 * otherwise 3 bytes starting 0xC0. So comparing two keys byte by byte compares them code unit by
 * code unit, exactly as JavaScript's `<` on strings does.
 */
export function toSortableBlob(indexString: string): Buffer {
  if (ASCII_ONLY.test(indexString)) return Buffer.from(indexString, 'latin1');
  const bytes: number[] = [];
  for (let i = 0; i < indexString.length; i += 1) {
    const unit = indexString.charCodeAt(i);
    if (unit < 0x80) bytes.push(unit);
    else if (unit < 0x4000) bytes.push(0x80 | (unit >> 8), unit & 0xff);
    else bytes.push(0xc0, unit >> 8, unit & 0xff);
  }
  return Buffer.from(bytes);
}

export function createTableLayout<T>(
  collectionName: string,
  schema: RxJsonSchema<RxDocumentData<T>>,
  options: { secondaryIndexes?: boolean; tagged?: boolean } = {},
): TableLayout {
  const base = `rx__${collectionName}__v${schema.version}`;
  const primaryPath = getPrimaryFieldOfPrimaryKey(schema.primaryKey) as string;
  const indexes = (options.secondaryIndexes === false ? [] : (schema.indexes ?? [])).map((index, position): IndexColumn => {
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
    tagged: options.tagged === true && indexes.length > 0,
  };
}

const META_TABLE = 'plaint_rx_tables';

export function secondaryIndexName(layout: TableLayout, column: string, tagged: boolean): string {
  return quoteIdentifier(`${layout.documentsTable.slice(1, -1)}__${column}${tagged ? '_tags' : ''}`);
}

/** One secondary index: its key column, then the row tags when the layout keeps them. */
export function createIndexSql(layout: TableLayout, column: string): string {
  return `CREATE INDEX IF NOT EXISTS ${secondaryIndexName(layout, column, layout.tagged)} ON ${layout.documentsTable} (${column}${layout.tagged ? ', tags' : ''})`;
}

/**
 * Creates the tables and indexes when missing; refuses a table built for different indexes.
 * Runs without an fsync (synchronous=NORMAL for this transaction only): an empty table lost to a
 * power cut is simply created again at the next start, and documents are always written FULL.
 */
export function ensureTables(db: SqliteDatabase, file: string, layout: TableLayout): void {
  const synchronous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = NORMAL');
  try {
    createTables(db, file, layout);
  } finally {
    db.pragma(`synchronous = ${synchronous}`);
  }
}

function createTables(db: SqliteDatabase, file: string, layout: TableLayout): void {
  const indexColumns = layout.indexes.map((index) => `${index.column} BLOB NOT NULL`).join(', ');
  const signature = JSON.stringify(layout.indexes.map((index) => index.key));
  db.transaction(() => {
    db.exec(`CREATE TABLE IF NOT EXISTS ${META_TABLE} (table_name TEXT PRIMARY KEY, indexes TEXT NOT NULL)`);
    const existing = db.prepare(`SELECT indexes FROM ${META_TABLE} WHERE table_name = ?`).get(layout.documentsTable) as { indexes: string } | undefined;
    if (existing && existing.indexes !== signature) {
      throw new StorageError(
        'SCHEMA_MISMATCH',
        file,
        `The collection table ${layout.documentsTable} was created with other indexes (${existing.indexes}); a schema change needs a new schema version.`,
      );
    }
    db.exec(`CREATE TABLE IF NOT EXISTS ${layout.documentsTable} (
      id TEXT PRIMARY KEY NOT NULL,
      deleted INTEGER NOT NULL,
      lwt REAL NOT NULL,
      rev TEXT NOT NULL,
      doc TEXT NOT NULL${indexColumns ? `, ${indexColumns}` : ''}${layout.tagged ? `, tags TEXT NOT NULL DEFAULT ''` : ''}
    )`);
    const table = layout.documentsTable.slice(1, -1);
    // A table made before it kept tags gets the column and its tagged indexes from ensureRowTags.
    const tagsMissing = layout.tagged && !(db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(table) as string[]).includes('tags');
    if (!tagsMissing) for (const index of layout.indexes) db.exec(createIndexSql(layout, index.column));
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
