/**
 * Row tags: a short text column, kept in the same transaction as every write, that lets SQLite
 * skip rows of an index scan without reading the document. A collection that has them names,
 * for each document, a few tags (e.g. a case's departments and assignee, P-7.1); every secondary
 * index holds the tags after its key, so a query that asks for rows carrying one of some tags
 * (`Prefilter`) tests them in the index and reads only the documents that pass.
 *
 * Why: a caseworker sees about a tenth of the cases. Their departments are an array, which no RxDB
 * index holds, so a page of their cases is read in the sort index's order and tested row by row.
 * Testing the tags in the index instead of the stored JSON in the table makes that page cost
 * about what a manager's costs (bench:cases, need-to-know table).
 *
 * Tags are stored as short hashes: no escaping, a small index, and no names in it. A hash that
 * collides only lets a row through to RxDB's matcher, which still decides every result.
 */
import { createHash } from 'node:crypto';
import type { SqliteDatabase } from './sqlite-connection';
import { createIndexSql, secondaryIndexName, type TableLayout } from './table-layout';

/** The tags of a document of one collection. */
export type TagExtractor = (document: never) => readonly string[];

const BUILT_TABLE = 'plaint_rx_tags';
const SEPARATOR = '|';

function token(tag: string): string {
  return createHash('sha256').update(tag).digest('base64url').slice(0, 10);
}

/** The column value for a document's tags: `|t1|t2|`, each a token. */
export function encodeTags(tags: readonly string[]): string {
  return tags.length === 0 ? '' : `${SEPARATOR}${[...new Set(tags)].map(token).join(SEPARATOR)}${SEPARATOR}`;
}

/** What `instr(tags, ?)` looks for to find rows carrying `tag`. */
export function tagNeedle(tag: string): string {
  return `${SEPARATOR}${token(tag)}${SEPARATOR}`;
}

function builtTableExists(db: SqliteDatabase): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(BUILT_TABLE) !== undefined;
}

function isBuilt(db: SqliteDatabase, layout: TableLayout): boolean {
  return db.prepare(`SELECT 1 FROM ${BUILT_TABLE} WHERE table_name = ?`).get(layout.documentsTable) !== undefined;
}

function hasTagsColumn(db: SqliteDatabase, layout: TableLayout): boolean {
  const columns = db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(layout.documentsTable.slice(1, -1)) as string[];
  return columns.includes('tags');
}

/**
 * Brings an existing table's tags in step with the layout, in one transaction: a tagged layout on
 * a table written without (or, once, without keeping) tags gets the column filled from every
 * document and its indexes rebuilt with the tags; an untagged layout forgets that the tags were
 * kept, so they are filled again before they are next trusted.
 */
export function ensureRowTags(db: SqliteDatabase, layout: TableLayout, extract: ((document: unknown) => readonly string[]) | null): void {
  if (!extract) {
    // Nothing is written unless tags were kept: most collections never have them.
    if (builtTableExists(db) && isBuilt(db, layout)) forgetRowTags(db, layout);
    return;
  }
  db.exec(`CREATE TABLE IF NOT EXISTS ${BUILT_TABLE} (table_name TEXT PRIMARY KEY)`);
  if (isBuilt(db, layout)) return;
  db.transaction(() => {
    if (!hasTagsColumn(db, layout)) db.exec(`ALTER TABLE ${layout.documentsTable} ADD COLUMN tags TEXT NOT NULL DEFAULT ''`);
    const update = db.prepare(`UPDATE ${layout.documentsTable} SET tags = ? WHERE rowid = ?`);
    const page = db.prepare(`SELECT rowid, doc FROM ${layout.documentsTable} WHERE rowid > ? ORDER BY rowid LIMIT 1000`);
    // Page by rowid: better-sqlite3 cannot write while a read cursor is open.
    for (let after = 0; ;) {
      const rows = page.all(after) as { rowid: number; doc: string }[];
      if (rows.length === 0) break;
      for (const row of rows) update.run(encodeTags(extract(JSON.parse(row.doc))), row.rowid);
      after = rows.at(-1)?.rowid ?? after;
    }
    for (const index of layout.indexes) {
      db.exec(`DROP INDEX IF EXISTS ${secondaryIndexName(layout, index.column, false)}`);
      db.exec(createIndexSql(layout, index.column));
    }
    db.prepare(`INSERT INTO ${BUILT_TABLE} (table_name) VALUES (?)`).run(layout.documentsTable);
  }).immediate();
}

export function forgetRowTags(db: SqliteDatabase, layout: TableLayout): void {
  if (!builtTableExists(db)) return;
  db.prepare(`DELETE FROM ${BUILT_TABLE} WHERE table_name = ?`).run(layout.documentsTable);
}
