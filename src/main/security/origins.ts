/**
 * Which pages are Plaint's own. The packaged app serves its renderer from the privileged
 * `app://plaint` origin; in development electron-vite's dev server is the only other origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'plaint';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    // Custom standard schemes report origin 'null' in some runtimes; rebuild it from the parts.
    return parsed.origin !== 'null' ? parsed.origin : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return null;
  }
}

export function isAppOrigin(url: string, allowedOrigins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && allowedOrigins.includes(origin);
}

/** The origins a window may show: the app's own, plus the dev server while developing. */
export function allowedOrigins(devServerUrl: string | undefined): string[] {
  const origins = [APP_ORIGIN];
  const dev = devServerUrl ? originOf(devServerUrl) : null;
  if (dev) origins.push(dev);
  return origins;
}

export interface SenderFrameFacts {
  /** URL of the frame that sent the IPC message; null when the frame is gone. */
  readonly url: string | null;
  /** True when the sender is its window's top-level frame (not an iframe). */
  readonly isMainFrame: boolean;
  /** True when the sender belongs to a window this app created. */
  readonly isOwnWindow: boolean;
}

/** IPC handlers answer only the app's own top-level frames in the app's own windows. */
export function isTrustedSender(frame: SenderFrameFacts, origins: readonly string[]): boolean {
  return frame.isOwnWindow && frame.isMainFrame && frame.url !== null && isAppOrigin(frame.url, origins);
}
