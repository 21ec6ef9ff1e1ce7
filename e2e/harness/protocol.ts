/** Messages between the harness shim (page) and the harness server over the WebSocket bridge. */
export interface HarnessRequest {
  readonly id: number;
  readonly method: unknown;
  readonly input: unknown;
}

export type HarnessMessage =
  | { readonly kind: 'response'; readonly id: number; readonly response: unknown }
  | { readonly kind: 'event'; readonly channel: string; readonly payload: unknown };

export const HARNESS_SHIM_PATH = '/__harness/shim.js';
export const HARNESS_SOCKET_PATH = '/__harness/bridge';
export const HARNESS_TOKEN_PARAM = 'harnessToken';
/** The line the server prints on stdout once it serves, followed by JSON details. */
export const HARNESS_READY_PREFIX = 'PLAINT_HARNESS_READY ';

export interface HarnessReady {
  readonly url: string;
  readonly origin: string;
  readonly dataDirectory: string;
  readonly pid: number;
}
