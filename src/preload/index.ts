/**
 * The preload script: exposes exactly one global, `window.plaint`, with `invoke` and
 * `subscribe`, built from the API contract's names. It runs sandboxed, so it is bundled into one
 * CommonJS file that requires nothing but `electron` (checked by a test on the built file).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { BRIDGE_GLOBAL, createCheckedBridge, IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../shared/api/bridge';
import { isApiEventName } from '../shared/api/names';

const bridge = createCheckedBridge({
  request: (method, input) => ipcRenderer.invoke(IPC_INVOKE_CHANNEL, method, input),
  listen(listener) {
    const onEvent = (_event: IpcRendererEvent, channel: unknown, payload: unknown): void => {
      if (isApiEventName(channel)) listener(channel, payload);
    };
    ipcRenderer.on(IPC_EVENT_CHANNEL, onEvent);
    return () => ipcRenderer.removeListener(IPC_EVENT_CHANNEL, onEvent);
  },
});

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, {
  invoke: (method: string, input: unknown) => bridge.invoke(method, input),
  subscribe: (channel: string, listener: (payload: unknown) => void) => bridge.subscribe(channel, listener),
});
