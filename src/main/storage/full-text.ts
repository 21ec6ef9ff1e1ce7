/**
 * Optional full-text search for a collection: an SQLite FTS5 index kept in the same transaction
 * as every write, so search never lags behind or disagrees with the data. The index is
 * contentless (it stores no copy of the text; rows are the documents' rowids), folds accents
 * (Bērziņš is found by "berzins") and indexes prefixes for search-as-you-type.
 */
import type { SqliteDatabase } from './sqlite-connection';
import { quoteIdentifier } from './table-layout';

/** Extracts the searchable text of a document of one collection. */
export type FullTextExtractor = (document: never) => string;

export interface FullTextIndex {
  readonly table: string;
  readonly extract: (document: unknown) => string;
}

const BUILT_TABLE = 'plaint_rx_fulltext';

export function fullTextTableName(documentsTable: string): string {
  return quoteIdentifier(`${documentsTable.slice(1, -1)}__fts`);
}

/** Creates the index when missing and fills it from existing documents (once). */
export function ensureFullTextIndex(db: SqliteDatabase, documentsTable: string, index: FullTextIndex): void {
  db.exec(`CREATE TABLE IF NOT EXISTS ${BUILT_TABLE} (table_name TEXT PRIMARY KEY)`);
  db.exec(
    `CREATE VIRTUAL TABLE IF NOT EXISTS ${index.table} USING fts5(text, content='', contentless_delete=1, tokenize="unicode61 remove_diacritics 2", prefix='1 2 3')`,
  );
  const built = db.prepare(`SELECT 1 FROM ${BUILT_TABLE} WHERE table_name = ?`).get(index.table);
  if (built) return;
  db.transaction(() => {
    const insert = db.prepare(`INSERT INTO ${index.table} (rowid, text) VALUES (?, ?)`);
    const page = db.prepare(`SELECT rowid, doc FROM ${documentsTable} WHERE deleted = 0 AND rowid > ? ORDER BY rowid LIMIT 1000`);
    // Page by rowid: better-sqlite3 cannot write while a read cursor is open.
    for (let after = 0; ;) {
      const rows = page.all(after) as { rowid: number; doc: string }[];
      if (rows.length === 0) break;
      for (const row of rows) insert.run(row.rowid, index.extract(JSON.parse(row.doc)));
      after = rows.at(-1)?.rowid ?? after;
    }
    db.prepare(`INSERT INTO ${BUILT_TABLE} (table_name) VALUES (?)`).run(index.table);
  }).immediate();
}

export function dropFullTextIndex(db: SqliteDatabase, table: string): void {
  db.exec(`DROP TABLE IF EXISTS ${table}`);
  db.exec(`CREATE TABLE IF NOT EXISTS ${BUILT_TABLE} (table_name TEXT PRIMARY KEY)`);
  db.prepare(`DELETE FROM ${BUILT_TABLE} WHERE table_name = ?`).run(table);
}

/**
 * Turns what a user typed into an FTS5 query: every word must match the start of an indexed word
 * ("ann smi" finds "Anna Smith"). Quotes and operators in the input are treated as text.
 */
export function toMatchQuery(input: string): string | null {
  const words = input.normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return words
    .slice(0, 12)
    .map((word) => `"${word.replaceAll('"', '""')}"*`)
    .join(' ');
}
