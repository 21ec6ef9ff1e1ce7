/**
 * Device-local notification state, never replicated: the in-app notification centre (recent
 * notifications, read or unread, when the desktop notification is due) and the ledger of which
 * (person, case, deadline, level) was already announced, so a restart or a resumed laptop never
 * repeats one.
 */
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import { collectionOf } from '../database/collection-of';
import { addDeviceLedger, type LedgerEntry } from '../database/device-ledger';

export type { LedgerEntry };
import type { NotificationLevel } from './deadline-events';

/** A deadline's warning or breach, new post, a trend alert (P-5.2, notifier/trends) or an improvement action due (P-5.3). */
export type StoredNotificationLevel = NotificationLevel | 'trend' | 'improvement';

export interface StoredNotification {
  id: string;
  staffId: string;
  level: StoredNotificationLevel;
  title: string;
  body: string;
  caseIds: string[];
  path: string;
  createdAt: string;
  /** The desktop notification waits until here (quiet hours); the in-app one shows at once. */
  deliverAt: number;
  delivered: boolean;
  read: boolean;
}


const notificationSchema: RxJsonSchema<StoredNotification> = {
  title: 'device notification',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    staffId: { type: 'string', maxLength: 64 },
    level: { type: 'string', maxLength: 20 },
    title: { type: 'string' },
    body: { type: 'string' },
    caseIds: { type: 'array', items: { type: 'string' } },
    path: { type: 'string' },
    createdAt: { type: 'string', maxLength: 30 },
    deliverAt: { type: 'number', minimum: 0, maximum: 4102444800000, multipleOf: 1 },
    delivered: { type: 'boolean' },
    read: { type: 'boolean' },
  },
  required: ['id', 'staffId', 'level', 'title', 'body', 'caseIds', 'path', 'createdAt', 'deliverAt', 'delivered', 'read'],
  indexes: [['staffId', 'createdAt'], ['delivered', 'deliverAt']],
};


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
