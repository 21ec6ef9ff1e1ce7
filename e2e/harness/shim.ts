/**
 * Installs `window.plaint` in a browser page served by the harness: the same bridge the preload
 * script builds in Electron (src/shared/api/bridge.ts), over a WebSocket instead of IPC.
 * Loaded as a classic script before the app, so the API exists when the app starts.
 */
import { BRIDGE_GLOBAL, createPlaintBridge } from '../../src/shared/api/bridge';
import { isApiEventName, type ApiEventName } from '../../src/shared/api/names';
import { HARNESS_SOCKET_PATH, HARNESS_TOKEN_PARAM, type HarnessMessage } from './protocol';

const token = new URLSearchParams(window.location.search).get(HARNESS_TOKEN_PARAM) ?? '';
const socketUrl = `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${HARNESS_SOCKET_PATH}?${HARNESS_TOKEN_PARAM}=${encodeURIComponent(token)}`;

const pending = new Map<number, (response: unknown) => void>();
const eventListeners = new Set<(channel: ApiEventName, payload: unknown) => void>();
let nextId = 1;
let socket: WebSocket | null = null;
let opened: Promise<WebSocket> | null = null;

function failAll(message: string): void {
  for (const [id, resolve] of pending) {
    resolve({ ok: false, error: { code: 'UNAVAILABLE', message, issues: [] } });
    pending.delete(id);
  }
}

function connect(): Promise<WebSocket> {
  if (opened) return opened;
  opened = new Promise((resolve, reject) => {
    const ws = new WebSocket(socketUrl);
    ws.addEventListener('open', () => {
      socket = ws;
      resolve(ws);
    });
    ws.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as HarnessMessage;
      if (message.kind === 'response') {
        pending.get(message.id)?.(message.response);
        pending.delete(message.id);
      } else if (isApiEventName(message.channel)) {
        for (const listener of eventListeners) listener(message.channel, message.payload);
      }
    });
    ws.addEventListener('close', () => {
      socket = null;
      opened = null;
      failAll('The connection to the Plaint services was lost.');
      reject(new Error('closed'));
    });
  });
  opened.catch(() => undefined);
  return opened;
}

const bridge = createPlaintBridge({
  async request(method, input) {
    let ws: WebSocket;
    try {
      ws = socket ?? (await connect());
    } catch {
      return { ok: false, error: { code: 'UNAVAILABLE', message: 'Cannot reach the Plaint services.', issues: [] } };
    }
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      ws.send(JSON.stringify({ id, method, input }));
    });
  },
  listen(listener) {
    eventListeners.add(listener);
    void connect();
    return () => eventListeners.delete(listener);
  },
});

Object.defineProperty(window, BRIDGE_GLOBAL, { value: Object.freeze({ ...bridge }), writable: false, configurable: false });
void connect();
