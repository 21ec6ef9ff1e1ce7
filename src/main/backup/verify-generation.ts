/**
 * Verifies a backup generation against its manifest (issue 14), most specific failure first:
 * the manifest parses; an encrypted backup has the key file its manifest describes; the database file's size and SHA-256 are the manifest's; SQLite's
 * integrity check passes; and every collection has the manifest's counts and hash, with no
 * collection missing or extra. Only then is the backup trusted.
 */
import path from 'node:path';
import { backupError } from './backup-errors';
import { verifyKeyFile } from './backup-key-file';
import { readManifest, BACKUP_DATABASE_FILE, type BackupManifest } from './backup-manifest';
import type { CollectionDigest } from './collection-digest';
import { inspectDatabaseFile } from './database-file';
import { fileDigest } from './file-digest';

export async function verifyGeneration(generation: string, key?: string): Promise<BackupManifest> {
  const manifest = readManifest(generation);
  await verifyKeyFile(generation, manifest);
  await verifyDatabaseFile(path.join(generation, BACKUP_DATABASE_FILE), manifest, key);
  return manifest;
}

/** The file (a generation's, or its copy in a restored profile) against the manifest. */
export async function verifyDatabaseFile(file: string, manifest: BackupManifest, key?: string): Promise<void> {
  let digest: { sha256: string; bytes: number };
  try {
    digest = await fileDigest(file);
  } catch {
    throw backupError('backup_not_found', `The backup has no database file (${file}).`, { path: file });
  }
  if (digest.bytes !== manifest.fileBytes || digest.sha256 !== manifest.fileSha256) {
    throw backupError(
      'backup_file_changed',
      `The backup file ${file} is not the one its manifest describes (${digest.bytes} bytes, expected ${manifest.fileBytes}; SHA-256 differs: ${digest.sha256 !== manifest.fileSha256}). It is damaged or was changed.`,
      { path: file },
    );
  }
  compareCollections(inspectDatabaseFile(file, key), manifest, file);
}

function compareCollections(found: readonly CollectionDigest[], manifest: BackupManifest, file: string): void {
  const expected = new Map(manifest.collections.map((entry) => [entry.collection, entry]));
  const actual = new Map(found.map((entry) => [entry.collection, entry]));
  for (const name of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(name);
    const have = actual.get(name);
    const same =
      want &&
      have &&
      want.schemaVersion === have.schemaVersion &&
      want.documents === have.documents &&
      want.deleted === have.deleted &&
      want.attachments === have.attachments &&
      want.sha256 === have.sha256;
    if (!same) {
      const detail = !want
        ? 'is not in the manifest'
        : !have
          ? 'is missing'
          : `has ${have.documents} documents (manifest: ${want.documents}) and ${have.sha256 === want.sha256 ? 'the same' : 'a different'} hash`;
      throw backupError('backup_collection_mismatch', `The '${name}' collection in ${file} ${detail}.`, { collection: name, path: file });
    }
  }
}
