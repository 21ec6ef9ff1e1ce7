/** Calls the domain API through the page's preload bridge (`window.plaint`), as the renderer does; a refusal throws. */
import type { Page } from '@playwright/test';

type Envelope = { ok: boolean; result?: unknown; error?: unknown };
type Api = { invoke(method: string, input: unknown): Promise<Envelope> };

/** The call's envelope as it comes, a refusal included (for a test that expects one). */
export function invoke(page: Page, method: string, input: unknown): Promise<Envelope> {
  return page.evaluate(async ([m, i]) => (window as unknown as { plaint: Api }).plaint.invoke(m as string, i), [method, input] as const);
}

export async function api<T>(page: Page, method: string, input: unknown): Promise<T> {
  const response = await invoke(page, method, input);
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as T;
}
