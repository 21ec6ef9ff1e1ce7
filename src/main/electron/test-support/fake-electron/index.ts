/**
 * A fake of the `electron` module, for running the built main process (out/main/index.js) in
 * plain Node: load-fake-electron.ts resolves `electron` to this file. It exports exactly what the
 * main process imports, so a new import fails to link until the fake provides it, and it is
 * typed against electron.d.ts (see typing.ts). Test support only: no product code refers to it.
 */
import { listenToTheTest } from './control.ts';

export { app } from './app.ts';
export { FakeMenu as Menu, FakeNativeImage as nativeImage, FakeNotification as Notification, FakeTray as Tray } from './desktop.ts';
export { dialog, ipcMain, net, powerMonitor, protocol, safeStorage, session } from './system.ts';
export { FakeBrowserWindow as BrowserWindow } from './windows.ts';

listenToTheTest();
