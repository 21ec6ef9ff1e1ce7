/**
 * Electron adapter: shows the notifier's desktop notifications. Clicking one focuses the window
 * and opens the case (or the Breached view for a summary).
 */
import { Notification } from 'electron';
import type { NotificationSink } from '../notifier/deadline-notifier';

export function electronNotificationSink(iconPath: string, openPath: (path: string) => void): NotificationSink {
  return {
    show(notification) {
      if (!Notification.isSupported()) return;
      const desktop = new Notification({
        title: notification.title,
        body: notification.body,
        icon: iconPath,
        urgency: notification.level === 'breached' ? 'critical' : 'normal',
      });
      desktop.on('click', () => openPath(notification.path));
      desktop.show();
    },
  };
}
