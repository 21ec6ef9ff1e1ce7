/**
 * Wires the API dispatcher to Electron IPC: one handler for every method of the contract (the
 * dispatcher looks the method up and validates it), and forwarding of every event to the app's
 * windows. Messages from frames that are not the app's own top-level page get FORBIDDEN.
 */
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/api/bridge';
import type { Dispatch } from '../api/dispatcher';
import type { EventBus } from '../events/event-bus';
import type { Logger } from '../logging/logger';
import { isTrustedSender } from '../security/origins';
import type { Viewer } from '../../shared/identity/viewer';

function senderFacts(event: IpcMainInvokeEvent): Parameters<typeof isTrustedSender>[0] {
  const frame = event.senderFrame;
  const owner = BrowserWindow.fromWebContents(event.sender);
  return {
    url: frame?.url ?? null,
    isMainFrame: frame !== null && frame.parent === null,
    isOwnWindow: owner !== null,
  };
}

/** `viewer`: who is asking (P-7.1); the session's signed-in account once sign-in lands. */
export function connectIpc(dispatch: Dispatch, events: EventBus, origins: readonly string[], logger: Logger, viewer: () => Promise<Viewer | null>): () => void {
  ipcMain.handle(IPC_INVOKE_CHANNEL, async (event, method: unknown, input: unknown) => {
    if (!isTrustedSender(senderFacts(event), origins)) {
      logger.warn('Refused an API call from an untrusted frame', { url: event.senderFrame?.url ?? null });
      return { ok: false, error: { code: 'FORBIDDEN', message: 'This page may not use the Plaint API.', issues: [] } };
    }
    return dispatch(method, input, { host: 'electron', viewer: await viewer().catch(() => null) });
  });
  const stopForwarding = events.listenAll((channel, payload) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) window.webContents.send(IPC_EVENT_CHANNEL, channel, payload);
    }
  });
  return () => {
    ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
    stopForwarding();
  };
}
