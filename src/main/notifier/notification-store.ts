/**
 * Device-local notification state, never replicated: the in-app notification centre (recent
 * notifications, read or unread, when the desktop notification is due) and the ledger of which
 * (person, case, deadline, level) was already announced, so a restart or a resumed laptop never
 * repeats one.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { z } from 'zod';
import { id, instant, NO_DEADLINE } from '../../shared/domain/records/common';
import { storedSchemaOf } from '../database/stored-schema';
import { collectionOf } from '../database/collection-of';
import { addDeviceLedger, type LedgerEntry } from '../database/device-ledger';
import type { NotificationLevel } from './deadline-events';

export type { LedgerEntry };

/** A deadline's warning or breach, new post, a trend alert (P-5.2, notifier/trends) or an improvement action due (P-5.3). */
const STORED_NOTIFICATION_LEVELS = ['due-soon', 'breached', 'new-post', 'closed-case-post', 'trend', 'improvement'] as const satisfies readonly (
  NotificationLevel | 'trend' | 'improvement'
)[];
export type StoredNotificationLevel = (typeof STORED_NOTIFICATION_LEVELS)[number];

/** A notification for one person on this device (device-local, never replicated). */
const storedNotificationRecord = z.object({
  id,
  staffId: id,
  level: z.enum(STORED_NOTIFICATION_LEVELS),
  title: z.string(),
  body: z.string(),
  caseIds: z.array(z.string()),
  path: z.string(),
  createdAt: instant,
  /** The desktop notification waits until here (quiet hours); the in-app one shows at once. */
  deliverAt: z.number().int().min(0).max(NO_DEADLINE),
  delivered: z.boolean(),
  read: z.boolean(),
});
export type StoredNotification = z.infer<typeof storedNotificationRecord>;

const notificationSchema = storedSchemaOf<StoredNotification>(storedNotificationRecord, {
  title: 'device notification',
  version: 0,
  primaryKey: 'id',
  fields: {
    id: { maxLength: 64 },
    staffId: { maxLength: 64 },
    level: { maxLength: 20 },
    createdAt: { maxLength: 30 },
    deliverAt: { type: 'number', minimum: 0, maximum: NO_DEADLINE, multipleOf: 1 },
  },
  required: ['id', 'staffId', 'level', 'title', 'body', 'caseIds', 'path', 'createdAt', 'deliverAt', 'delivered', 'read'],
  indexes: [
    ['staffId', 'createdAt'],
    ['delivered', 'deliverAt'],
  ],
});

export interface NotifierCollections {
  deviceNotifications: RxCollection<StoredNotification>;
  notificationLedger: RxCollection<LedgerEntry>;
}

/** Names of device-local collections: sync must never replicate these. */
export const DEVICE_LOCAL_COLLECTIONS = ['deviceNotifications', 'notificationLedger'] as const;

export async function addNotifierCollections(database: RxDatabase): Promise<NotifierCollections> {
  if (!database.collections['deviceNotifications']) await database.addCollections({ deviceNotifications: { schema: notificationSchema } });
  return { deviceNotifications: collectionOf<StoredNotification>(database, 'deviceNotifications'), notificationLedger: await addDeviceLedger(database) };
}
