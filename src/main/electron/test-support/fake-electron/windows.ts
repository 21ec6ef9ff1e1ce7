/**
 * The fake BrowserWindow with its web contents and frames. A window loads its URL through the
 * protocol handler the app registered (as Chromium would), and shows itself only if the app
 * asks it to. Creating one tells the app (`web-contents-created`), which is where the app
 * hardens every page.
 */
import { EventEmitter } from 'node:events';
import type { BrowserWindow, BrowserWindowConstructorOptions, HandlerDetails, WebContents, WebFrameMain, WindowOpenHandlerResponse } from 'electron';
import { app, type QuittableWindow } from './app.ts';
import { imageFacts } from './desktop.ts';
import { preventableEvent } from './events.ts';
import { record } from './recorder.ts';
import { requestThroughProtocol } from './system.ts';
import type { WithFakeResult } from './typing.ts';

export class FakeWebFrameMain implements Pick<WebFrameMain, 'url' | 'name'> {
  readonly name = '';
  url: string;
  /** A frame's parent is null for the top-level frame of its page. */
  readonly parent: FakeWebFrameMain | null;

  constructor(url: string, parent: FakeWebFrameMain | null) {
    this.url = url;
    this.parent = parent;
  }
}

let lastWebContentsId = 0;

export class FakeWebContents extends EventEmitter implements Pick<WebContents, 'id' | 'send' | 'setWindowOpenHandler' | 'isDestroyed' | 'getURL'> {
  readonly id = ++lastWebContentsId;
  readonly mainFrame = new FakeWebFrameMain('', null);
  windowOpenHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | null = null;
  private destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    record('webContents.send', { webContentsId: this.id, channel, args });
  }

  setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void {
    this.windowOpenHandler = handler;
    record('webContents.setWindowOpenHandler', { webContentsId: this.id });
  }

  getURL(): string {
    return this.mainFrame.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  destroy(): void {
    this.destroyed = true;
  }
}

let lastWindowId = 0;
const openWindows = new Set<FakeBrowserWindow>();

type WindowSurface = Pick<
  BrowserWindow,
  'id' | 'show' | 'hide' | 'focus' | 'restore' | 'minimize' | 'isMinimized' | 'isVisible' | 'isDestroyed' | 'loadURL' | 'close' | 'destroy'
>;

export class FakeBrowserWindow extends EventEmitter implements WindowSurface, QuittableWindow {
  readonly id = ++lastWindowId;
  readonly webContents = new FakeWebContents();
  private visible: boolean;
  private minimized = false;
  private destroyed = false;

  constructor(options: BrowserWindowConstructorOptions = {}) {
    super();
    app.requireReady('BrowserWindow');
    this.visible = options.show ?? true;
    openWindows.add(this);
    app.windows.add(this);
    const icon = typeof options.icon === 'string' ? imageFacts(options.icon) : null;
    record('BrowserWindow.new', { windowId: this.id, webContentsId: this.webContents.id, options, icon });
    app.emit('web-contents-created', preventableEvent({}), this.webContents);
    app.emit('browser-window-created', preventableEvent({}), this);
  }

  static fromWebContents: WithFakeResult<typeof BrowserWindow.fromWebContents, FakeBrowserWindow | null> = (webContents) =>
    [...openWindows].find((window) => Object.is(window.webContents, webContents)) ?? null;

  static getAllWindows: WithFakeResult<typeof BrowserWindow.getAllWindows, FakeBrowserWindow[]> = () => [...openWindows];

  /** Loads through the app's protocol handler; `ready-to-show` follows a page that loaded. */
  async loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    const response = await requestThroughProtocol(url);
    record('BrowserWindow.loadURL', { windowId: this.id, url, status: response?.status ?? null });
    if (!response) throw new Error(`ERR_UNKNOWN_URL_SCHEME (-302) loading '${url}'`);
    if (!response.ok) throw new Error(`ERR_FILE_NOT_FOUND (-6) loading '${url}'`);
    setImmediate(() => {
      if (this.destroyed) return;
      this.webContents.emit('did-finish-load', preventableEvent({}));
      this.emit('ready-to-show', preventableEvent({}));
    });
  }

  show(): void {
    this.visible = true;
    record('BrowserWindow.show', { windowId: this.id });
  }

  hide(): void {
    this.visible = false;
    record('BrowserWindow.hide', { windowId: this.id });
  }

  focus(): void {
    record('BrowserWindow.focus', { windowId: this.id });
  }

  minimize(): void {
    this.minimized = true;
  }

  restore(): void {
    this.minimized = false;
    record('BrowserWindow.restore', { windowId: this.id });
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** The user (or the app) closes the window: `close` may be prevented. */
  close(): void {
    if (this.requestClose() && openWindows.size === 0) {
      // Electron quits when the last window closes unless the app listens for this event.
      if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed', preventableEvent({}));
      else app.quit();
    }
  }

  requestClose(): boolean {
    if (this.destroyed) return true;
    const event = preventableEvent({});
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroy();
    return true;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    openWindows.delete(this);
    app.windows.delete(this);
    this.webContents.destroy();
    record('BrowserWindow.closed', { windowId: this.id });
    this.emit('closed');
  }
}
