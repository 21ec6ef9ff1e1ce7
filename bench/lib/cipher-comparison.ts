/**
 * Issue 14 (P-7.2): what each SQLite3MultipleCiphers cipher costs on a bulk write, below RxDB.
 * The same case rows are written with better-sqlite3 into fresh files, plain and under each
 * cipher, with Plaint's pragmas (WAL, synchronous=FULL, exclusive lock, 32 MB cache), in
 * transactions of one batch, then the WAL is checkpointed into the file (the checkpoint is where
 * a WAL page is encrypted the second time, so it belongs to the cost). The sides take turns round
 * by round, the order reversed every other round, so machine load falls on all alike. Opening
 * (the key derivation) is timed apart: it is paid once per start, not per write.
 *
 * Authenticated ciphers (a changed byte is refused): aegis (AEGIS-256, Plaint's profile cipher),
 * chacha20 (ChaCha20-Poly1305, the library default and Plaint's cipher before AEGIS), ascon128,
 * sqlcipher (AES-256-CBC with HMAC-SHA512). aes256cbc has no MAC: shown only as the floor.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BenchCase } from './case-documents';
import { median, printTable, round } from './report';

export const CIPHER_OPTIONS = ['plain', 'aegis', 'chacha20', 'ascon128', 'sqlcipher', 'aes256cbc'] as const;
export type CipherOption = (typeof CIPHER_OPTIONS)[number];

const AUTHENTICATED: Record<CipherOption, string> = { plain: '–', aegis: 'yes', chacha20: 'yes', ascon128: 'yes', sqlcipher: 'yes', aes256cbc: 'no' };

function openFile(file: string, option: CipherOption, key: string): Database.Database {
  const db = new Database(file);
  if (option !== 'plain') {
    db.pragma(`cipher='${option}'`);
    db.pragma(`key='${key}'`);
  }
  db.prepare('SELECT count(*) FROM sqlite_master').get();
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('temp_store = MEMORY');
  db.pragma('cache_size = -32000');
  db.exec(`CREATE TABLE cases (id TEXT PRIMARY KEY, status TEXT NOT NULL, assignee TEXT NOT NULL, received_at REAL NOT NULL, doc TEXT NOT NULL);
    CREATE INDEX cases_status ON cases (status, received_at, id);
    CREATE INDEX cases_assignee ON cases (assignee, received_at, id);`);
  return db;
}

export interface CipherRow {
  readonly cipher: CipherOption;
  readonly authenticated: string;
  readonly writeMedianMs: number;
  readonly ratio: number;
  readonly openMedianMs: number;
}

export function compareCiphers(cases: readonly BenchCase[], rounds: number, directory: string, batch = 2000): CipherRow[] {
  const key = randomBytes(32).toString('hex');
  const rows = cases.map((doc) => ({ id: doc.id, status: doc.status, assignee: doc.assignee, received_at: doc.receivedAt, doc: JSON.stringify(doc) }));
  const writeMs = new Map<CipherOption, number[]>(CIPHER_OPTIONS.map((option) => [option, []]));
  const openMs = new Map<CipherOption, number[]>(CIPHER_OPTIONS.map((option) => [option, []]));
  let made = 0;
  for (let turn = 0; turn < rounds; turn += 1) {
    for (const option of turn % 2 === 0 ? CIPHER_OPTIONS : [...CIPHER_OPTIONS].reverse()) {
      const file = path.join(directory, `cipher-${made}.sqlite`);
      made += 1;
      const opening = performance.now();
      const db = openFile(file, option, key);
      const writing = performance.now();
      const insert = db.prepare('INSERT INTO cases VALUES (@id, @status, @assignee, @received_at, @doc)');
      const write = db.transaction((slice: typeof rows) => {
        for (const row of slice) insert.run(row);
      });
      for (let index = 0; index < rows.length; index += batch) write(rows.slice(index, index + batch));
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
      writeMs.get(option)?.push(performance.now() - writing);
      openMs.get(option)?.push(writing - opening);
      for (const name of fs.readdirSync(directory)) if (name.startsWith(path.basename(file))) fs.rmSync(path.join(directory, name), { force: true });
    }
  }
  const plain = median(writeMs.get('plain') ?? []);
  return CIPHER_OPTIONS.map((option) => ({
    cipher: option,
    authenticated: AUTHENTICATED[option],
    writeMedianMs: round(median(writeMs.get(option) ?? [])),
    ratio: round(median(writeMs.get(option) ?? []) / plain),
    openMedianMs: round(median(openMs.get(option) ?? [])),
  }));
}

export function printCipherComparison(title: string, rows: readonly CipherRow[]): void {
  printTable(
    title,
    ['cipher', 'authenticated', 'write + checkpoint median ms', 'ratio to plain', 'open (key derivation) median ms'],
    rows.map((row) => [row.cipher, row.authenticated, row.writeMedianMs, row.ratio, row.openMedianMs]),
  );
}
