/**
 * Sends renderer errors to the main process's log file through the API (never a side channel).
 * Reporting must never throw or loop: failures to report are swallowed.
 */
import { call, hasBridge } from '../api/client';

type Source = 'window-error' | 'unhandled-rejection' | 'render';

function clip(text: string | undefined, max: number): string | undefined {
  return text === undefined ? undefined : text.slice(0, max);
}

export function reportError(source: Source, error: unknown, componentStack?: string): void {
  if (!hasBridge()) return;
  const message = (error instanceof Error ? error.message : String(error)) || 'Unknown error';
  const stack = error instanceof Error ? error.stack : undefined;
  const input = {
    source,
    message: clip(message, 10_000) ?? 'Unknown error',
    url: clip(window.location.href, 2_000),
    ...(stack ? { stack: clip(stack, 50_000) } : {}),
    ...(componentStack ? { componentStack: clip(componentStack, 50_000) } : {}),
  };
  call('app.reportError', input).catch(() => undefined);
}

export function installGlobalErrorReporting(): void {
  window.addEventListener('error', (event) => reportError('window-error', event.error ?? event.message));
  window.addEventListener('unhandledrejection', (event) => reportError('unhandled-rejection', event.reason));
}
