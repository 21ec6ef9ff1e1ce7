/**
 * The renderer's only way to the main process: `window.plaint` (installed by the preload script
 * in the app, by the harness shim in browser tests). Unwraps response envelopes into results or
 * thrown ApiErrors so components can use ordinary async code.
 */
import type { PlaintBridge } from '@shared/api/bridge';
import type { ApiEventPayload, ApiInput, ApiResult } from '@shared/api/contract';
import { ApiError } from '@shared/api/errors';
import type { ApiEventName, ApiMethodName } from '@shared/api/names';

declare global {
  interface Window {
    plaint?: PlaintBridge;
  }
}

function bridge(): PlaintBridge {
  const found = window.plaint;
  if (!found) throw new ApiError('UNAVAILABLE', 'The Plaint API is not available in this window.');
  return found;
}

export async function call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>> {
  const response = await bridge().invoke(method, input);
  if (response.ok) return response.result;
  throw ApiError.fromEnvelope(response.error);
}

export function subscribe<E extends ApiEventName>(channel: E, listener: (payload: ApiEventPayload<E>) => void): () => void {
  return bridge().subscribe(channel, listener);
}

export function hasBridge(): boolean {
  return window.plaint !== undefined;
}
