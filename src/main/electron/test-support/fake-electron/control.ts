/**
 * The test's hands inside the app process. Each command plays the renderer, the user or the
 * operating system through the handlers the app installed, and answers what happened.
 */
import type { IpcMainInvokeEvent, PermissionCheckHandlerHandlerDetails, PermissionRequest, WebContents, WebFrameMain } from 'electron';
import { FakeNotification, FakeTray } from './desktop.ts';
import { preventableEvent } from './events.ts';
import type { CommandName, Commands, TestMessage } from './messages.ts';
import { reply } from './recorder.ts';
import { shiftClock } from './shifted-clock.ts';
import { ipcMain, powerMonitor, requestThroughProtocol, session } from './system.ts';
import { FakeBrowserWindow, FakeWebContents, FakeWebFrameMain } from './windows.ts';

/** Electron hands the app its own objects; a fake stands in, providing what the app reads. */
function standIn<Electrons>(fake: object): Electrons {
  return fake as Electrons;
}

function windowById(windowId: number): FakeBrowserWindow {
  const window = FakeBrowserWindow.getAllWindows().find((candidate) => candidate.id === windowId);
  if (!window) throw new Error(`No open window ${windowId}`);
  return window;
}

function webContentsById(webContentsId: number): FakeWebContents {
  const window = FakeBrowserWindow.getAllWindows().find((candidate) => candidate.webContents.id === webContentsId);
  if (!window) throw new Error(`No open window has web contents ${webContentsId}`);
  return window.webContents;
}

type Handlers = { readonly [Name in CommandName]: (input: Commands[Name]['input']) => Promise<Commands[Name]['output']> | Commands[Name]['output'] };

const handlers: Handlers = {
  async 'ipc.invoke'({ channel, args, sender }) {
    const webContents = sender.webContentsId === null ? new FakeWebContents() : webContentsById(sender.webContentsId);
    const frame = new FakeWebFrameMain(sender.url, sender.frame === 'main' ? null : webContents.mainFrame);
    const event: IpcMainInvokeEvent = Object.assign(preventableEvent({}), {
      sender: standIn<WebContents>(webContents),
      senderFrame: standIn<WebFrameMain>(frame),
      frameId: 1,
      processId: 1,
      type: 'frame' as const,
    });
    return (await ipcMain.handlerFor(channel)(event, ...args)) as unknown;
  },

  async 'protocol.request'({ url }) {
    const response = await requestThroughProtocol(url);
    if (!response) throw new Error(`Nothing handles the scheme of ${url}`);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: new Uint8Array(await response.arrayBuffer()) };
  },

  'webContents.navigate'({ webContentsId, event, url }) {
    const contents = webContentsById(webContentsId);
    const details = preventableEvent({ url, isMainFrame: true, isSameDocument: false, frame: contents.mainFrame });
    contents.emit(event, details, url, false, true);
    return { prevented: details.defaultPrevented };
  },

  'webContents.windowOpen'({ webContentsId, url }) {
    const handler = webContentsById(webContentsId).windowOpenHandler;
    // Without a handler, Electron opens the window.
    if (!handler) return { action: 'allow' };
    const { action } = handler({
      url,
      frameName: '',
      features: '',
      disposition: 'new-window',
      referrer: { url: '', policy: 'strict-origin-when-cross-origin' },
    });
    return { action };
  },

  'webContents.attachWebview'({ webContentsId, src }) {
    const details = preventableEvent({});
    webContentsById(webContentsId).emit('will-attach-webview', details, {}, { src });
    return { prevented: details.defaultPrevented };
  },

  'session.requestPermission'({ webContentsId, permission }) {
    const handler = session.defaultSession.permissionRequestHandler;
    // Without a handler, Electron grants every permission.
    if (!handler) return { granted: true };
    const contents = webContentsById(webContentsId);
    const details = standIn<PermissionRequest>({ requestingUrl: contents.getURL(), isMainFrame: true });
    return new Promise((resolve) => handler(standIn<WebContents>(contents), permission, (granted) => resolve({ granted }), details));
  },

  'session.checkPermission'({ webContentsId, permission, origin }) {
    const handler = session.defaultSession.permissionCheckHandler;
    if (!handler) return { granted: true };
    const details = standIn<PermissionCheckHandlerHandlerDetails>({ requestingUrl: origin, isMainFrame: true });
    return { granted: handler(standIn<WebContents>(webContentsById(webContentsId)), permission, origin, details) };
  },

  'Notification.click'({ id }) {
    FakeNotification.shown(id).click();
    return {};
  },

  'Tray.clickMenuItem'({ label }) {
    const menu = FakeTray.live().at(-1)?.menu;
    if (!menu) throw new Error('No tray with a context menu');
    menu.click(label);
    return {};
  },

  'BrowserWindow.close'({ windowId }) {
    const window = windowById(windowId);
    window.close();
    return { closed: window.isDestroyed() };
  },

  'system.sleep'({ ms }) {
    powerMonitor.emit('suspend', preventableEvent({}));
    shiftClock(ms);
    powerMonitor.emit('resume', preventableEvent({}));
    return {};
  },
};

async function run(message: TestMessage): Promise<unknown> {
  // TypeScript cannot relate a command name to its handler's input through the union; the types above do.
  const handler = handlers[message.command] as (input: TestMessage['input']) => unknown;
  return await handler(message.input);
}

export function listenToTheTest(): void {
  process.on('message', (message: TestMessage) => {
    run(message).then(
      (output) => reply({ type: 'reply', id: message.id, ok: true, output }),
      (error: unknown) => reply({ type: 'reply', id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
    );
  });
  // A test that goes away takes its app with it.
  process.on('disconnect', () => process.exit(1));
}
