/**
 * Plaint's Electron main process: a thin adapter. It picks the profile's data directory, takes
 * the single-instance lock, applies the security baseline, starts the plain-Node services
 * (src/main/services.ts) and connects them to the window through IPC.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import iconPath from '../../resources/icon.png?asset';
import { readDataDirectoryArgument } from './config/data-directory';
import { registerAppScheme, serveRenderer } from './electron/app-protocol';
import { hardenDefaultSession, hardenEveryWebContents } from './electron/hardening';
import { connectIpc } from './electron/ipc-bridge';
import { createMainWindow } from './electron/main-window';
import { allowedOrigins } from './security/origins';
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
  app.enableSandbox();
  registerAppScheme();
  await app.whenReady();

  let services: MainServices;
  try {
    services = await startMainServices({ dataDirectory, host: 'electron', appName: app.getName(), version: app.getVersion() });
  } catch (error) {
    dialog.showErrorBox('Plaint cannot start', error instanceof Error ? error.message : String(error));
    app.exit(1);
    return;
  }
  process.on('uncaughtException', (error) => services.logger.error('Uncaught exception in the main process', errorDetails(error)));
  process.on('unhandledRejection', (reason) => services.logger.error('Unhandled rejection in the main process', errorDetails(reason)));

  hardenDefaultSession(services.logger);
  hardenEveryWebContents(origins, services.logger);
  serveRenderer(path.join(import.meta.dirname, '../renderer'));
  const disconnect = connectIpc(services.dispatch, services.events, origins, services.logger);

  const openWindow = (): BrowserWindow =>
    createMainWindow({ preloadPath: path.join(import.meta.dirname, '../preload/index.cjs'), iconPath, devServerUrl });
  let window = openWindow();

  app.on('second-instance', () => {
    if (window.isDestroyed()) window = openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', (event) => {
    event.preventDefault();
    disconnect();
    void services.close().finally(() => app.exit(0));
  });
}

void main();
