/**
 * Electron security baseline applied to every session and web contents: deny permission
 * requests, deny navigation and new windows to other origins, refuse <webview>, open nothing
 * externally from the renderer.
 */
import { app, session, type WebContents } from 'electron';
import { isAppOrigin } from '../security/origins';
import type { Logger } from '../logging/logger';

export function hardenDefaultSession(logger: Logger): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback) => {
    logger.warn('Denied a permission request from the renderer', { permission });
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
}

export function hardenEveryWebContents(origins: readonly string[], logger: Logger): void {
  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (event) => {
      if (!isAppOrigin(event.url, origins)) {
        event.preventDefault();
        logger.warn('Blocked navigation to another origin', { url: event.url });
      }
    });
    contents.on('will-frame-navigate', (event) => {
      if (!isAppOrigin(event.url, origins) && !event.url.startsWith('blob:')) {
        event.preventDefault();
        logger.warn('Blocked frame navigation to another origin', { url: event.url });
      }
    });
    contents.on('will-redirect', (event) => {
      if (!isAppOrigin(event.url, origins)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => {
      event.preventDefault();
    });
    contents.setWindowOpenHandler(({ url }) => {
      logger.warn('Blocked window.open', { url });
      return { action: 'deny' };
    });
  });
}
