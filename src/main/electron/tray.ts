/**
 * Electron adapter: the tray icon. Its menu shows how many cases are breached and due today and
 * opens those views; the badge count (where the OS has one) shows the breached count.
 */
import { app, Menu, nativeImage, Tray } from 'electron';

export interface TrayCounts {
  readonly breached: number;
  readonly dueToday: number;
}

export interface TrayActions {
  readonly open: (path: string) => void;
  readonly quit: () => void;
  readonly counts: () => Promise<TrayCounts>;
}

export function createTray(iconPath: string, actions: TrayActions): { refresh(): Promise<void>; destroy(): void } {
  const tray = new Tray(nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 }));
  tray.setToolTip('Plaint');
  tray.on('click', () => actions.open('/cases/view/my-open'));
  const refresh = async () => {
    const counts = await actions.counts();
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: `Breached: ${counts.breached}`, click: () => actions.open('/cases/view/breached') },
        { label: `Due today: ${counts.dueToday}`, click: () => actions.open('/cases/view/due-today') },
        { type: 'separator' },
        { label: 'Open Plaint', click: () => actions.open('/cases/view/my-open') },
        { label: 'Quit Plaint', click: actions.quit },
      ]),
    );
    tray.setToolTip(`Plaint: ${counts.breached} breached, ${counts.dueToday} due today`);
    app.setBadgeCount(counts.breached);
  };
  return { refresh, destroy: () => tray.destroy() };
}
