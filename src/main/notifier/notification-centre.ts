/** The in-app notification centre's queries for one person: what they were told lately, and how much of it is unread. */
import type { NotifierCollections, StoredNotification } from './notification-store';

/** How many notifications the centre lists. */
const RECENT = 50;

/**
 * P-7.1: which of the named cases the reader may open now. A notification stays stored, but is
 * shown and counted only while its reader may open every case it names: a case restricted (or
 * moved to another department) since it was told drops out of the list and the unread count.
 */
export type OpenableCases = (caseIds: readonly string[]) => Promise<ReadonlySet<string>>;

async function openableOnly(notifications: StoredNotification[], openable: OpenableCases): Promise<StoredNotification[]> {
  const allowed = await openable(notifications.flatMap((notification) => notification.caseIds));
  return notifications.filter((notification) => notification.caseIds.every((caseId) => allowed.has(caseId)));
}

export async function recentNotifications(store: NotifierCollections, staffId: string, openable: OpenableCases): Promise<StoredNotification[]> {
  const found = await store.deviceNotifications.find({ selector: { staffId }, sort: [{ staffId: 'desc' }, { createdAt: 'desc' }], limit: RECENT }).exec();
  return openableOnly(
    found.map((notification) => notification.toMutableJSON()),
    openable,
  );
}

export async function unreadNotifications(store: NotifierCollections, staffId: string, openable: OpenableCases): Promise<number> {
  const unread = await store.deviceNotifications.find({ selector: { staffId, read: false } }).exec();
  return (
    await openableOnly(
      unread.map((notification) => notification.toMutableJSON()),
      openable,
    )
  ).length;
}
