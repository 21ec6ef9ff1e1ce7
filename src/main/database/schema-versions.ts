/**
 * The schema version of every collection this build of Plaint reads and writes. A database whose
 * collections are at a higher version was written by a newer Plaint: this build cannot read its
 * data and would start empty tables of the older version beside it (issue 11), so it is refused
 * at open. A test checks this list against the collections the app really opens: bump it with
 * every schema version and add every new collection.
 */
import { getAllCollectionDocuments, type RxDatabase } from 'rxdb';

export const PLAINT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  cases: 3,
  timeline: 0,
  settings: 0,
  staff: 1,
  deviceNotifications: 0,
  notificationLedger: 0,
  letters: 0,
  files: 0,
  fileChunks: 0,
  deviceCodes: 0,
  syncQuarantine: 0,
  caseViews: 0,
  accessLog: 0,
};

export interface NewerCollection {
  readonly name: string;
  readonly version: number;
  readonly known: number;
}

/** Collections stored at a schema version above this build's (from RxDB's own collection metadata). */
export async function collectionsFromNewerVersion(database: RxDatabase): Promise<NewerCollection[]> {
  const stored = await getAllCollectionDocuments(database.internalStore);
  return stored
    .map((document) => ({ name: document.data.name, version: document.data.version, known: PLAINT_SCHEMA_VERSIONS[document.data.name] }))
    .filter((entry): entry is NewerCollection => entry.known !== undefined && entry.version > entry.known);
}
