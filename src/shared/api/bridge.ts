/**
 * The one object the renderer sees as `window.plaint`: exactly `invoke` and `subscribe`.
 *
 * Built from the contract's names by the preload script (over Electron IPC) and by the browser
 * harness's shim (over a WebSocket), so both hosts expose the same surface and reject the same
 * unknown names before anything crosses the boundary.
 */
import type { ApiInput, ApiResult, ApiEventPayload } from './contract';
import type { ApiResponse } from './errors';
import { isApiEventName, isApiMethodName, type ApiEventName, type ApiMethodName } from './names';

export const BRIDGE_GLOBAL = 'plaint';

/** IPC channel names used by the preload and the main process. */
export const IPC_INVOKE_CHANNEL = 'plaint:invoke';
export const IPC_EVENT_CHANNEL = 'plaint:event';

export interface PlaintBridge {
  invoke<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResponse<ApiResult<M>>>;
  /** Returns a function that ends the subscription. */
  subscribe<E extends ApiEventName>(channel: E, listener: (payload: ApiEventPayload<E>) => void): () => void;
}

/** What a host must provide: a raw request and a raw event feed. */
export interface BridgeTransport {
  request(method: ApiMethodName, input: unknown): Promise<unknown>;
  listen(listener: (channel: ApiEventName, payload: unknown) => void): () => void;
}

function rejectedLocally(code: 'UNKNOWN_METHOD', message: string): ApiResponse<never> {
  return { ok: false, error: { code, message, issues: [] } };
}

/** The bridge as a host exposes it across a process boundary: it checks every name it is given. */
export interface CheckedBridge {
  invoke(method: unknown, input: unknown): Promise<ApiResponse<unknown>>;
  subscribe(channel: unknown, listener: unknown): () => void;
}

export function createPlaintBridge(transport: BridgeTransport): PlaintBridge {
  // Its checks make every typed call safe: the types only say which answer belongs to which name.
  return createCheckedBridge(transport) as PlaintBridge;
}

export function createCheckedBridge(transport: BridgeTransport): CheckedBridge {
  const listeners = new Map<ApiEventName, Set<(payload: unknown) => void>>();
  let stopListening: (() => void) | null = null;

  const ensureListening = (): void => {
    if (stopListening) return;
    stopListening = transport.listen((channel, payload) => {
      for (const listener of listeners.get(channel) ?? []) listener(payload);
    });
  };

  return {
    async invoke(method: unknown, input: unknown): Promise<ApiResponse<unknown>> {
      if (!isApiMethodName(method)) {
        return rejectedLocally('UNKNOWN_METHOD', `Unknown API method: ${String(method)}`);
      }
      return (await transport.request(method, input)) as ApiResponse<unknown>;
    },
    subscribe(channel: unknown, listener: unknown): () => void {
      if (!isApiEventName(channel)) throw new TypeError(`Unknown event channel: ${String(channel)}`);
      if (typeof listener !== 'function') throw new TypeError('subscribe needs a listener function');
      const set = listeners.get(channel) ?? new Set();
      listeners.set(channel, set);
      const fn = listener as (payload: unknown) => void;
      set.add(fn);
      ensureListening();
      return () => {
        set.delete(fn);
      };
    },
  };
}
