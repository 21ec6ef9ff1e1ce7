/**
 * Plaint's Electron main process: a thin adapter. It picks the profile's data directory, takes
 * the single-instance lock, applies the security baseline, starts the plain-Node services
 * (src/main/services.ts) and connects them to the window (IPC), the desktop (notifications,
 * tray, badge) and the system (sleep and resume).
 */
import path from 'node:path';
import { app, dialog, net, powerMonitor, type BrowserWindow } from 'electron';
import iconPath from '../../resources/icon.png?asset';
import { readDataDirectoryArgument } from './config/data-directory';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { electronNotificationSink } from './electron/desktop-notifications';
import { hardenDefaultSession, hardenEveryWebContents } from './electron/hardening';
import { connectIpc } from './electron/ipc-bridge';
import { electronPagePrinter } from './electron/print-to-pdf';
import { createMainWindow } from './electron/main-window';
import { createTray } from './electron/tray';
import { safeStorageSecrets } from './electron/safe-storage-secrets';
import { safeStorageKeyProtector } from './electron/safe-storage-key-protector';
import { electronSaveDialog } from './electron/save-dialog';
import { preparePrivateTemporaries, TEMPORARY_FOLDER_VARIABLES } from './protection/private-temporaries';
import { allowedOrigins } from './security/origins';
import { installProcessSafetyNet } from './process-safety';
import { errorDetails, startMainServices, type MainServices } from './services';

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const origins = allowedOrigins(devServerUrl);

function chooseDataDirectory(): string {
  const fromArgs = readDataDirectoryArgument(process.argv);
  if (fromArgs) app.setPath('userData', fromArgs);
  return app.getPath('userData');
}

async function main(): Promise<void> {
  const dataDirectory = chooseDataDirectory();
  // The lock is keyed by the user-data directory, so each profile (--data-dir) is one instance.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  // Chromium spools print jobs (letters, labels, the monthly report) as PDF files in its temporary
  // folder: that folder is private to the OS user, inside the profile, and emptied at start (P-7.2).
  const temporaries = preparePrivateTemporaries(dataDirectory);
  app.setPath('temp', temporaries);
  for (const variable of TEMPORARY_FOLDER_VARIABLES) process.env[variable] = temporaries;
  app.enableSandbox();
  registerAppScheme();
  await app.whenReady();

  let window: BrowserWindow | null = null;
  let quitting = false;
  let services: MainServices;
  const openWindow = (): BrowserWindow => {
    const created = createMainWindow({ preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'), iconPath, devServerUrl });
    // Closing the window keeps Plaint in the tray (deadline notifications continue) when chosen.
    created.on('close', (event) => {
      if (quitting || !services.domain) return;
      event.preventDefault();
      void services.domain.identity.preferences().then((preferences) => {
        if (preferences.closeToTray) created.hide();
        else {
          quitting = true;
          app.quit();
        }
      });
    });
    return created;
  };
  const show = (place?: string): void => {
    if (!window || window.isDestroyed()) window = openWindow();
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
    if (place) services.navigate(place);
  };

  try {
    services = await startMainServices({
      dataDirectory,
      host: 'electron',
      appName: app.getName(),
      version: app.getVersion(),
      notificationSink: electronNotificationSink(iconPath, (place) => show(place)),
      secretStore: safeStorageSecrets(dataDirectory),
      mailSecretStore: safeStorageSecrets(dataDirectory, 'mail-password.bin'),
      keyProtector: safeStorageKeyProtector(),
      // A profile with data may be upgraded at start (encrypted in place, or moved to AEGIS): the window opens first and shows the steps.
      openInBackground: true,
      networkUp: () => net.isOnline(),
      chooseSavePath: electronSaveDialog(() => window),
      printPage: electronPagePrinter(() => (window && !window.isDestroyed() ? window.webContents : null)),
    });
  } catch (error) {
    dialog.showErrorBox('Plaint cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  // Uncaught errors are logged (without personal data) and recovered from, never fatal or silent.
  installProcessSafetyNet({ logger: services.logger, recover: () => services.sync?.wake() });

  hardenDefaultSession(services.logger);
  hardenEveryWebContents(origins, services.logger);
  serveRenderer(path.join(import.meta.dirname, '../renderer'));
  const disconnect = connectIpc(services.dispatch, services.events, origins, services.logger);
  window = openWindow();

  const tray = createTray(iconPath, {
    open: (place) => show(place),
    quit: () => {
      quitting = true;
      app.quit();
    },
    counts: () => services.trayCounts(),
  });
  const refreshTray = () => void tray.refresh().catch((error: unknown) => services.logger.warn('Tray refresh failed', errorDetails(error)));
  refreshTray();
  services.events.listenAll((channel) => {
    if (channel === 'cases.changed' || channel === 'notifications.changed') refreshTray();
  });
  setInterval(refreshTray, 60_000).unref();

  // Events missed while asleep are caught up once, at resume.
  // The OS locks or sleeps: so does Plaint (unlocked with the signed-in person's password).
  powerMonitor.on('lock-screen', () => void services.session?.lock('lock-screen'));
  powerMonitor.on('suspend', () => void services.session?.lock('suspend'));
  powerMonitor.on('resume', () => {
    void services.notifier?.resumed();
    // After sleep the server connection is stale: retry now rather than after the back-off.
    services.sync?.wake();
  });
  powerMonitor.on('unlock-screen', () => void services.notifier?.resumed());

  app.on('second-instance', () => show());
  app.on('activate', () => show());
  app.on('before-quit', () => {
    quitting = true;
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    event.preventDefault();
    disconnect();
    tray.destroy();
    void services.close().finally(() => app.exit(0));
  });
}

void main();
