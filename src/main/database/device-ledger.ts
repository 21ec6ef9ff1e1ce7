/**
 * The device ledger: device-local marks, a key and a time, never replicated. The notifier records
 * there what it announced to whom (so a restart never repeats one); the case screens record when
 * each person last opened each case (issue 18's "updated since I last looked").
 *
 * One collection serves both because RxDB's open-source build opens at most 13 collections in a
 * process and Plaint already needs 13; the collection keeps its first name, `notificationLedger`,
 * so profiles written before it was shared open unchanged. Each user prefixes its keys by person
 * and kind (`<staff id>|post|…`, `<staff id>|seen|…`), so they never meet.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { z } from 'zod';
import { instant } from '../../shared/domain/records/common';
import { collectionOf } from './collection-of';
import { storedSchemaOf } from './stored-schema';

/** A mark of something this device did once (device-local, never replicated). */
export const ledgerEntryRecord = z.object({ key: z.string().min(1).max(300), notifiedAt: instant });
export type LedgerEntry = z.infer<typeof ledgerEntryRecord>;

export type DeviceLedger = RxCollection<LedgerEntry>;

export const DEVICE_LEDGER_COLLECTION = 'notificationLedger';

const ledgerSchema = storedSchemaOf<LedgerEntry>(ledgerEntryRecord, {
  title: 'notification ledger',
  version: 0,
  primaryKey: 'key',
  fields: { key: { maxLength: 300 }, notifiedAt: { maxLength: 30 } },
  required: ['key', 'notifiedAt'],
});

export async function addDeviceLedger(database: RxDatabase): Promise<DeviceLedger> {
  if (!database.collections[DEVICE_LEDGER_COLLECTION]) await database.addCollections({ [DEVICE_LEDGER_COLLECTION]: { schema: ledgerSchema } });
  return collectionOf<LedgerEntry>(database, DEVICE_LEDGER_COLLECTION);
}
