/**
 * npm run restore -- --from <backup folder>/plaint-backup-<time> --data-dir <new profile folder>
 *
 * Restores a backup generation into a NEW profile folder (issue 14; README, "Backup and
 * restore"): the folder must be missing or empty, never the profile of a running Plaint. The
 * backup is verified against its manifest (file hash, SQLite integrity check, every collection's
 * counts and hashes) before and after the copy; any mismatch is reported and nothing is left in
 * the new folder. Then start Plaint with `--data-dir <new profile folder>`.
 *
 * An encrypted backup carries its key file (its keys wrapped). Plain Node has no keychain, so the
 * team's recovery key opens it: PLAINT_RECOVERY_KEY in the environment (or the raw key in
 * PLAINT_DATABASE_KEY), never the command line, where other users of the computer could read it.
 */
import { parseArgs } from 'node:util';
import { restoreBackup, restoreOutcome } from '../src/main/backup/restore-backup';
import { DomainError } from '../src/shared/domain/domain-error';

const { values } = parseArgs({ options: { from: { type: 'string' }, 'data-dir': { type: 'string' } } });
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const from = values.from ?? fail('--from is the backup generation folder, e.g. /media/backups/plaint-backup-20261207T050000000Z');
const dataDirectory = values['data-dir'] ?? fail('--data-dir is the new, empty profile folder to restore into');
const key = process.env['PLAINT_DATABASE_KEY'] || undefined;
const recoveryKey = process.env['PLAINT_RECOVERY_KEY'] || undefined;

try {
  const outcome = restoreOutcome(
    await restoreBackup({ from, dataDirectory, ...(key ? { key } : {}), ...(recoveryKey ? { unlock: { recoveryKey } } : {}) }),
    from,
  );
  console.log(
    `Restored ${outcome.generation} (taken ${outcome.createdAt}): ${outcome.documents} records in ${outcome.collections} collections, verified against the manifest.`,
  );
  console.log(`Start Plaint with: npm start -- -- --data-dir ${outcome.dataDirectory}`);
} catch (error) {
  fail(`Nothing was restored: ${error instanceof DomainError || error instanceof Error ? error.message : String(error)}`);
}
