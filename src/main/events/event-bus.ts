/**
 * Typed publish/subscribe for the API's event channels. Services publish; the hosts (Electron IPC,
 * the harness's WebSocket) subscribe once and forward every event to their renderers.
 */
import type { ApiEventPayload } from '../../shared/api/contract';
import type { ApiEventName } from '../../shared/api/names';

export type AnyEventListener = (channel: ApiEventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();

  publish<E extends ApiEventName>(channel: E, payload: ApiEventPayload<E>): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(channel, payload);
      } catch {
        // A broken forwarder (a closed window, a dropped socket) must not stop the others.
      }
    }
  }

  /** Listens to every channel; returns the unsubscribe function. */
  listenAll(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
