/**
 * The row count of every table in a SQLite database: how a copy made for encryption or a cipher
 * change is shown to hold the same rows as its original before it replaces it (P-7.2, issue 14).
 * One home for the encryption of a plaintext profile and the move to AEGIS.
 */
import type Database from 'better-sqlite3-multiple-ciphers';

export function rowCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const counts: Record<string, number> = {};
  for (const table of tables)
    counts[table] = Number(
      db
        .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
        .pluck()
        .get(),
    );
  return counts;
}
