/** The in-app notification centre's queries for one person: what they were told lately, and how much of it is unread. */
import type { NotifierCollections, StoredNotification } from './notification-store';

/** How many notifications the centre lists. */
const RECENT = 50;

export async function recentNotifications(store: NotifierCollections, staffId: string): Promise<StoredNotification[]> {
  const found = await store.deviceNotifications.find({ selector: { staffId }, sort: [{ staffId: 'desc' }, { createdAt: 'desc' }], limit: RECENT }).exec();
  return found.map((notification) => notification.toMutableJSON());
}

export function unreadNotifications(store: NotifierCollections, staffId: string): Promise<number> {
  return store.deviceNotifications.count({ selector: { staffId, read: false } }).exec();
}
