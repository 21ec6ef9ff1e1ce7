/**
 * The manifest beside each backup generation's database file (issue 14): which Plaint wrote it,
 * when, the schema version of every collection, each collection's counts and SHA-256, and the
 * SHA-256 of the file itself. Restore trusts nothing in a backup that the manifest does not vouch
 * for, and refuses a manifest that does not parse.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { backupError } from './backup-errors';
import type { CollectionDigest } from './collection-digest';

export const MANIFEST_FILE = 'manifest.json';
export const BACKUP_DATABASE_FILE = 'plaint.sqlite';
/** An encrypted profile's key slots (its keys wrapped, never the raw key): without it the copy cannot be opened. */
export const BACKUP_KEY_FILE = 'plaint.keys.json';
export const BACKUP_FORMAT = 1;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const count = z.number().int().nonnegative();

const manifestSchema = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    app: z.object({ name: z.string().min(1), version: z.string().min(1) }).strict(),
    createdAt: z.iso.datetime(),
    databaseFile: z.literal(BACKUP_DATABASE_FILE),
    fileBytes: count,
    fileSha256: sha256,
    encrypted: z.boolean(),
    /** The key file's size and SHA-256; an encrypted profile's backup is refused without it. */
    keyFile: z.object({ bytes: count, sha256 }).strict().optional(),
    schemaVersions: z.record(z.string(), z.number().int().nonnegative()),
    collections: z.array(
      z.object({ collection: z.string().min(1), schemaVersion: count, documents: count, deleted: count, attachments: count, sha256 }).strict(),
    ),
  })
  .strict();

export type BackupManifest = z.infer<typeof manifestSchema>;

export function buildManifest(input: {
  appName: string;
  appVersion: string;
  createdAt: string;
  fileBytes: number;
  fileSha256: string;
  encrypted: boolean;
  keyFile?: { bytes: number; sha256: string };
  collections: readonly CollectionDigest[];
}): BackupManifest {
  return {
    format: BACKUP_FORMAT,
    app: { name: input.appName, version: input.appVersion },
    createdAt: input.createdAt,
    databaseFile: BACKUP_DATABASE_FILE,
    fileBytes: input.fileBytes,
    fileSha256: input.fileSha256,
    encrypted: input.encrypted,
    ...(input.keyFile ? { keyFile: { bytes: input.keyFile.bytes, sha256: input.keyFile.sha256 } } : {}),
    schemaVersions: Object.fromEntries(input.collections.map((entry) => [entry.collection, entry.schemaVersion])),
    collections: [...input.collections],
  };
}

/** Reads and checks a generation's manifest; a missing or malformed one is refused in words. */
export function readManifest(generation: string): BackupManifest {
  const file = path.join(generation, MANIFEST_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw backupError('backup_not_found', `${generation} is not a Plaint backup: it has no ${MANIFEST_FILE}.`, { path: generation });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw backupError('backup_manifest_invalid', `The manifest of ${generation} is not valid JSON.`, { path: generation });
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success)
    throw backupError(
      'backup_manifest_invalid',
      `The manifest of ${generation} is not a Plaint backup manifest (${result.error.issues.map((issue) => issue.path.join('.')).join(', ')}).`,
      { path: generation },
    );
  return result.data;
}
