/**
 * The fake main-process services: protocol, ipcMain, the default session, safeStorage,
 * powerMonitor, net and dialog. They keep the handlers the app installs, so a test can call
 * them the way Chromium would, and they throw where Electron throws (too early, twice).
 */
import { EventEmitter } from 'node:events';
import type { BaseWindow, CustomScheme, Dialog, IpcMain, Net, Protocol, SafeStorage, SaveDialogOptions, SaveDialogReturnValue, Session } from 'electron';
import { app } from './app.ts';
import { record } from './recorder.ts';

type ProtocolHandler = Parameters<Protocol['handle']>[1];
const protocolHandlers = new Map<string, ProtocolHandler>();

export const protocol = {
  registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    record('protocol.registerSchemesAsPrivileged', { schemes: customSchemes });
  },
  handle(scheme: string, handler: ProtocolHandler): void {
    // protocol.handle works on the default session, which exists only once the app is ready.
    app.requireReady('protocol.handle');
    if (protocolHandlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    protocolHandlers.set(scheme, handler);
    record('protocol.handle', { scheme });
  },
  unhandle(scheme: string): void {
    protocolHandlers.delete(scheme);
  },
  isProtocolHandled(scheme: string): boolean {
    return protocolHandlers.has(scheme);
  },
} satisfies Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle' | 'unhandle' | 'isProtocolHandled'>;

/**
 * What Chromium does with a request for a URL whose scheme the app handles; null for any other
 * scheme (the fake has no network and no file loader, and the app should need neither).
 */
export async function requestThroughProtocol(url: string): Promise<Response | null> {
  const handler = protocolHandlers.get(new URL(url).protocol.slice(0, -1));
  return handler ? await handler(new Request(url)) : null;
}

type InvokeListener = Parameters<IpcMain['handle']>[1];

class FakeIpcMain extends EventEmitter implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  private readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
    record('ipcMain.handle', { channel });
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
    record('ipcMain.removeHandler', { channel });
  }

  handlerFor(channel: string): InvokeListener {
    const handler = this.handlers.get(channel);
    // The renderer's ipcRenderer.invoke rejects with this when nothing handles the channel.
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return handler;
  }
}

export const ipcMain = new FakeIpcMain();

export type PermissionRequestHandler = Parameters<Session['setPermissionRequestHandler']>[0];
export type PermissionCheckHandler = Parameters<Session['setPermissionCheckHandler']>[0];

class FakeSession implements Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'> {
  permissionRequestHandler: PermissionRequestHandler = null;
  permissionCheckHandler: PermissionCheckHandler = null;

  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.permissionRequestHandler = handler;
    record('session.setPermissionRequestHandler', { installed: handler !== null });
  }

  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.permissionCheckHandler = handler;
    record('session.setPermissionCheckHandler', { installed: handler !== null });
  }
}

const defaultSession = new FakeSession();

export const session = {
  get defaultSession(): FakeSession {
    app.requireReady('session.defaultSession');
    return defaultSession;
  },
};

/** Sealed secrets start with this, and the rest is scrambled: never the password in clear. */
const SEALED_PREFIX = Buffer.from('fake-keychain:v1:');
const scramble = (bytes: Buffer): Buffer => Buffer.from(bytes.map((byte) => byte ^ 0xa5));

export const safeStorage = {
  // On Linux, encryption is available once the app is ready and a keychain answered.
  isEncryptionAvailable: (): boolean => app.isReady(),
  getSelectedStorageBackend: (): ReturnType<SafeStorage['getSelectedStorageBackend']> => (app.isReady() ? 'gnome_libsecret' : 'unknown'),
  encryptString(plainText: string): Buffer {
    if (!app.isReady()) throw new Error('Error while encrypting the text provided to safeStorage.encryptString. Encryption is not available.');
    const sealed = Buffer.concat([SEALED_PREFIX, scramble(Buffer.from(plainText, 'utf8'))]);
    record('safeStorage.encryptString', { bytes: sealed.length });
    return sealed;
  },
  decryptString(encrypted: Buffer): string {
    if (!encrypted.subarray(0, SEALED_PREFIX.length).equals(SEALED_PREFIX))
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    record('safeStorage.decryptString', { bytes: encrypted.length });
    return scramble(encrypted.subarray(SEALED_PREFIX.length)).toString('utf8');
  },
} satisfies Pick<SafeStorage, 'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'>;

/** Only events: the app listens for resume and unlock-screen (which are not type-checked here). */
class FakePowerMonitor extends EventEmitter {
  constructor() {
    super();
    this.on('newListener', (event: string | symbol) => {
      if (typeof event === 'string' && event !== 'newListener') record('powerMonitor.listen', { event });
    });
  }
}

export const powerMonitor = new FakePowerMonitor();

let askedIfOnline = false;

export const net = {
  isOnline(): boolean {
    // Sync asks often; the first question is enough to know the app asks Electron.
    if (!askedIfOnline) record('net.isOnline', { online: true });
    askedIfOnline = true;
    return true;
  },
} satisfies Pick<Net, 'isOnline'>;

export const dialog = {
  showErrorBox(title: string, content: string): void {
    record('dialog.showErrorBox', { title, content });
    // Like Electron on Linux before a display exists: the message goes to stderr.
    process.stderr.write(`${title}\n${content}\n`);
  },
  /** The person accepts the suggested path (issue 14: where a subject-access archive goes). */
  showSaveDialog(windowOrOptions: BaseWindow | SaveDialogOptions, maybeOptions?: SaveDialogOptions): Promise<SaveDialogReturnValue> {
    const options = maybeOptions ?? ('defaultPath' in windowOrOptions || 'filters' in windowOrOptions ? windowOrOptions : {});
    if (!app.isReady()) throw new Error('dialog.showSaveDialog cannot be used before the app is ready');
    const defaultPath = options.defaultPath ?? '';
    record('dialog.showSaveDialog', {
      defaultPath,
      extensions: (options.filters ?? []).flatMap((filter) => filter.extensions),
      properties: options.properties ?? [],
      parented: maybeOptions !== undefined,
    });
    return Promise.resolve({ canceled: defaultPath === '', filePath: defaultPath });
  },
} satisfies Pick<Dialog, 'showErrorBox' | 'showSaveDialog'>;
