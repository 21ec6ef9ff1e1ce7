/**
 * What a backup's manifest promises about each collection (issue 14): how many documents it
 * holds (live and deleted), how many attachments, and a SHA-256 over every document and attachment
 * in id order. Read straight from Plaint's tables (storage/table-layout.ts: one documents table and
 * one attachments table per collection and schema version, listed in `plaint_rx_tables`), so it is
 * computed the same way on the backup copy and on the restored file, with no RxDB in between.
 */
import { createHash } from 'node:crypto';
import type { SqliteDatabase } from '../storage/sqlite-connection';

export interface CollectionDigest {
  /** The RxDB collection name (e.g. `cases`, or `_rxdb_internal` for RxDB's own metadata). */
  readonly collection: string;
  readonly schemaVersion: number;
  readonly documents: number;
  readonly deleted: number;
  readonly attachments: number;
  readonly sha256: string;
}

interface DocumentRow {
  readonly id: string;
  readonly deleted: number;
  readonly rev: string;
  readonly doc: string;
}

interface AttachmentRow {
  readonly doc_id: string;
  readonly attachment_id: string;
  readonly digest: string;
  readonly type: string;
  readonly data: Buffer;
}

const TABLE_NAME = /^"rx__(.+)__v(\d+)"$/;

function quoted(table: string): string {
  return `"${table.replaceAll('"', '""')}"`;
}

/** Every collection table of the file, sorted by collection name (then schema version). */
export function digestCollections(db: SqliteDatabase): CollectionDigest[] {
  const hasMeta = db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'plaint_rx_tables'").get() as { n: number };
  if (hasMeta.n === 0) return [];
  const tables = db.prepare('SELECT table_name FROM plaint_rx_tables ORDER BY table_name').all() as { table_name: string }[];
  return tables.flatMap(({ table_name: table }) => {
    const match = TABLE_NAME.exec(table);
    if (!match?.[1] || !match[2]) return [];
    return [digestTable(db, table, match[1], Number(match[2]))];
  });
}

function digestTable(db: SqliteDatabase, table: string, collection: string, schemaVersion: number): CollectionDigest {
  const hash = createHash('sha256');
  let documents = 0;
  let deleted = 0;
  for (const row of db.prepare(`SELECT id, deleted, rev, doc FROM ${table} ORDER BY id`).iterate() as IterableIterator<DocumentRow>) {
    if (row.deleted) deleted += 1;
    else documents += 1;
    hash.update(JSON.stringify(['document', row.id, row.deleted, row.rev, row.doc]));
    hash.update('\n');
  }
  let attachments = 0;
  const attachmentsTable = quoted(`${table.slice(1, -1)}__attachments`);
  for (const row of db
    .prepare(`SELECT doc_id, attachment_id, digest, type, data FROM ${attachmentsTable} ORDER BY doc_id, attachment_id`)
    .iterate() as IterableIterator<AttachmentRow>) {
    attachments += 1;
    hash.update(JSON.stringify(['attachment', row.doc_id, row.attachment_id, row.digest, row.type, row.data.length]));
    hash.update('\n');
    hash.update(row.data);
  }
  return { collection, schemaVersion, documents, deleted, attachments, sha256: hash.digest('hex') };
}
