/**
 * What a team shares through the server and what stays on this device.
 *
 * Shared: cases, their timelines, letters with their file records (scans and generated PDFs),
 * file contents (chunks of at most 256 KB) on demand only (issue 19: they are not replicated but
 * uploaded by the device that logged them and fetched when opened, files/file-contents.ts), team-wide
 * settings, staff profiles, the registry of device codes that keeps reference numbers unique, and
 * each person's saved case views (they follow the person across devices), and the access log
 * (P-7.2: append-only, so an administrator sees every device's reads).
 * Device-local: the notification centre and its once-ever ledger (each device tells its own user),
 * when each person last opened each case here (the unread marker, issue 18),
 * sync's quarantine of documents this device refused from the server (inbound/quarantine.ts), and
 * RxDB local documents (who am I, this device's code and sequence, preferences, sync settings and
 * what it remembers of the server), which RxDB never replicates.
 */
export interface ReplicatedCollection {
  readonly collection: string;
  /** The CouchDB database is `<team database>_<suffix>`. */
  readonly suffix: string;
  /** Documents per request: file chunks are large (about 350 KB as JSON), everything else small. */
  readonly batchSize: number;
  /** Not replicated: the database holds what devices upload and fetch on demand (issue 19). */
  readonly onDemand?: true;
}

export const REPLICATED_COLLECTIONS: readonly ReplicatedCollection[] = [
  { collection: 'settings', suffix: 'settings', batchSize: 50 },
  { collection: 'staff', suffix: 'staff', batchSize: 50 },
  { collection: 'deviceCodes', suffix: 'devicecodes', batchSize: 50 },
  { collection: 'cases', suffix: 'cases', batchSize: 200 },
  { collection: 'timeline', suffix: 'timeline', batchSize: 500 },
  { collection: 'letters', suffix: 'letters', batchSize: 100 },
  { collection: 'files', suffix: 'files', batchSize: 100 },
  { collection: 'fileChunks', suffix: 'filechunks', batchSize: 8, onDemand: true },
  { collection: 'caseViews', suffix: 'caseviews', batchSize: 100 },
  { collection: 'accessLog', suffix: 'accesslog', batchSize: 500 },
];

/** The collections that replicate live (every one but file contents). */
export const LIVE_COLLECTIONS: readonly ReplicatedCollection[] = REPLICATED_COLLECTIONS.filter((spec) => !spec.onDemand);

/** The database of file contents on the team server. */
export const FILE_CONTENTS = REPLICATED_COLLECTIONS.find((spec) => spec.onDemand === true);

export const DEVICE_LOCAL_COLLECTIONS: readonly string[] = ['deviceNotifications', 'notificationLedger', 'syncQuarantine'];

export function remoteDatabaseName(teamDatabase: string, collection: ReplicatedCollection): string {
  return `${teamDatabase}_${collection.suffix}`;
}
