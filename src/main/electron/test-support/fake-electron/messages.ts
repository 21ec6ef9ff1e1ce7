/**
 * What passes between a test and a built Plaint main process running on the fake Electron, over
 * Node IPC with structured-clone serialisation: the calls the fake records (process → test) and
 * the commands with which a test plays the user, the renderer and the operating system
 * (test → process). Plain data only: no functions, no class instances.
 */
import type { BrowserWindowConstructorOptions, CustomScheme, Session } from 'electron';

/** What the fake knows of an image: the file it came from and what decoding it gave. */
export interface ImageFacts {
  readonly path: string;
  readonly isEmpty: boolean;
  readonly width: number;
  readonly height: number;
}

export interface MenuItemFacts {
  readonly label: string | null;
  readonly type: string;
  readonly hasClick: boolean;
}

type Empty = Record<string, never>;

/** Every call the fake records, by API name, with what it recorded. */
export interface RecordedCalls {
  'app.setPath': { readonly name: string; readonly path: string };
  'app.requestSingleInstanceLock': { readonly userData: string; readonly granted: boolean };
  'app.enableSandbox': Empty;
  'app.ready': Empty;
  'app.emit': { readonly event: string };
  'app.setBadgeCount': { readonly count: number | null };
  'app.quit': Empty;
  'app.exit': { readonly code: number };
  'protocol.registerSchemesAsPrivileged': { readonly schemes: readonly CustomScheme[] };
  'protocol.handle': { readonly scheme: string };
  'ipcMain.handle': { readonly channel: string };
  'ipcMain.removeHandler': { readonly channel: string };
  'session.setPermissionRequestHandler': { readonly installed: boolean };
  'session.setPermissionCheckHandler': { readonly installed: boolean };
  'BrowserWindow.new': {
    readonly windowId: number;
    readonly webContentsId: number;
    readonly options: BrowserWindowConstructorOptions;
    readonly icon: ImageFacts | null;
  };
  'BrowserWindow.loadURL': { readonly windowId: number; readonly url: string; readonly status: number | null };
  'BrowserWindow.show': { readonly windowId: number };
  'BrowserWindow.hide': { readonly windowId: number };
  'BrowserWindow.focus': { readonly windowId: number };
  'BrowserWindow.restore': { readonly windowId: number };
  'BrowserWindow.closed': { readonly windowId: number };
  'webContents.send': { readonly webContentsId: number; readonly channel: string; readonly args: readonly unknown[] };
  'webContents.setWindowOpenHandler': { readonly webContentsId: number };
  'Notification.show': { readonly id: number; readonly title: string; readonly body: string; readonly icon: string | null; readonly urgency: string | null };
  'Tray.new': { readonly trayId: number; readonly image: ImageFacts };
  'Tray.setToolTip': { readonly trayId: number; readonly toolTip: string };
  'Tray.setContextMenu': { readonly trayId: number; readonly items: readonly MenuItemFacts[] };
  'Tray.destroy': { readonly trayId: number };
  'safeStorage.encryptString': { readonly bytes: number };
  'safeStorage.decryptString': { readonly bytes: number };
  'powerMonitor.listen': { readonly event: string };
  'net.isOnline': { readonly online: boolean };
  'dialog.showErrorBox': { readonly title: string; readonly content: string };
  'dialog.showSaveDialog': {
    readonly defaultPath: string;
    readonly extensions: readonly string[];
    readonly properties: readonly string[];
    readonly parented: boolean;
  };
}

export type RecordedApi = keyof RecordedCalls;

export type CallRecord = { [Api in RecordedApi]: { readonly seq: number; readonly api: Api; readonly detail: RecordedCalls[Api] } }[RecordedApi];

/** Which frame of which web contents an IPC message comes from. */
export interface IpcSender {
  /** A window's web contents, or null for web contents that belong to no window. */
  readonly webContentsId: number | null;
  readonly frame: 'main' | 'child';
  readonly url: string;
}

/** The permissions Chromium asks the app about, as electron.d.ts names them. */
export type PermissionName = Parameters<NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>>[1];

export type NavigationEvent = 'will-navigate' | 'will-frame-navigate' | 'will-redirect';

/** The commands a test can send, with their input and output. */
export interface Commands {
  /** The renderer calls ipcRenderer.invoke from the given frame. */
  'ipc.invoke': { readonly input: { readonly channel: string; readonly args: readonly unknown[]; readonly sender: IpcSender }; readonly output: unknown };
  /** The renderer requests a URL of a scheme the app handles. */
  'protocol.request': {
    readonly input: { readonly url: string };
    readonly output: { readonly status: number; readonly headers: Readonly<Record<string, string>>; readonly body: Uint8Array };
  };
  /** A page starts to navigate (or is redirected) to a URL. */
  'webContents.navigate': {
    readonly input: { readonly webContentsId: number; readonly event: NavigationEvent; readonly url: string };
    readonly output: { readonly prevented: boolean };
  };
  /** A page calls window.open. */
  'webContents.windowOpen': {
    readonly input: { readonly webContentsId: number; readonly url: string };
    readonly output: { readonly action: 'allow' | 'deny' };
  };
  /** A page tries to attach a <webview>. */
  'webContents.attachWebview': { readonly input: { readonly webContentsId: number; readonly src: string }; readonly output: { readonly prevented: boolean } };
  /** A page asks for a permission (camera, notifications, …). */
  'session.requestPermission': {
    readonly input: { readonly webContentsId: number; readonly permission: PermissionName };
    readonly output: { readonly granted: boolean };
  };
  /** Chromium checks a permission synchronously. */
  'session.checkPermission': {
    readonly input: { readonly webContentsId: number; readonly permission: PermissionName; readonly origin: string };
    readonly output: { readonly granted: boolean };
  };
  /** The user clicks a desktop notification. */
  'Notification.click': { readonly input: { readonly id: number }; readonly output: Empty };
  /** The user picks an item of the tray's context menu. */
  'Tray.clickMenuItem': { readonly input: { readonly label: string }; readonly output: Empty };
  /** The user closes a window (its close button). */
  'BrowserWindow.close': { readonly input: { readonly windowId: number }; readonly output: { readonly closed: boolean } };
  /** The system sleeps for this long and wakes: suspend, the clock moves on, resume. */
  'system.sleep': { readonly input: { readonly ms: number }; readonly output: Empty };
}

export type CommandName = keyof Commands;

export type TestMessage = { [Name in CommandName]: { readonly id: number; readonly command: Name; readonly input: Commands[Name]['input'] } }[CommandName];

export type AppMessage =
  | { readonly type: 'record'; readonly record: CallRecord }
  | { readonly type: 'reply'; readonly id: number; readonly ok: true; readonly output: unknown }
  | { readonly type: 'reply'; readonly id: number; readonly ok: false; readonly error: string };
