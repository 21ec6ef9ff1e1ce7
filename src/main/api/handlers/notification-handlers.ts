/** `notifications.*` and `device.*`: the in-app notification centre and this device's preferences. */
import type { NotificationCentre } from '@shared/api/types/notifications';
import type { DomainServices } from '../../domain/domain-services';
import { recentNotifications, unreadNotifications, type OpenableCases } from '../../notifier/notification-centre';
import type { NotifierCollections } from '../../notifier/notification-store';
import { signedIn, type ApiHandlers, type CallContext } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `notifications.${string}` | `device.${string}`>;

export async function notificationCentre(store: NotifierCollections, staffId: string, openable: OpenableCases): Promise<NotificationCentre> {
  const [recent, unread] = await Promise.all([recentNotifications(store, staffId, openable), unreadNotifications(store, staffId, openable)]);
  return {
    items: recent.map((item) => ({
      id: item.id,
      level: item.level,
      title: item.title,
      body: item.body,
      caseIds: item.caseIds,
      path: item.path,
      createdAt: item.createdAt,
      read: item.read,
    })),
    unread,
  };
}

export function notificationHandlers(domain: () => DomainServices, store: () => NotifierCollections, changed: () => void): Pick<ApiHandlers, Methods> {
  const me = (context: CallContext) => signedIn(context).accountId;
  // P-7.1: only notifications of cases the reader may open now are listed and counted.
  const openable =
    (context: CallContext): OpenableCases =>
    (caseIds) =>
      domain().queries.openableIds(caseIds, signedIn(context));
  return {
    'notifications.list': (_input, context) => notificationCentre(store(), me(context), openable(context)),
    'notifications.markRead': async (input, context) => {
      const staffId = me(context);
      const selector = input.all ? { staffId, read: false } : { staffId, id: { $in: input.ids ?? [] } };
      await store()
        .deviceNotifications.find({ selector })
        .update({ $set: { read: true } });
      changed();
      return notificationCentre(store(), staffId, openable(context));
    },
    'device.getPreferences': () => domain().identity.preferences(),
    'device.setPreferences': (input) => domain().identity.setPreferences(input),
  };
}
