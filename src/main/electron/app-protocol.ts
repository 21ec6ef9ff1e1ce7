/**
 * Serves the built renderer from the privileged app://plaint origin instead of file://, so the
 * renderer has a real origin for CSP, navigation and IPC sender checks, and cannot read files
 * outside its own directory.
 */
import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CSP_HEADER } from '../security/content-security-policy';
import { APP_HOST, APP_SCHEME } from '../security/origins';
import { contentTypeFor, resolveRendererAsset } from '../security/renderer-assets';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

export function serveRenderer(rendererDirectory: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === APP_HOST ? resolveRendererAsset(rendererDirectory, url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeFor(file),
          'Content-Security-Policy': CSP_HEADER,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
