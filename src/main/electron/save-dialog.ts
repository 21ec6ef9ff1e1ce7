/**
 * Electron's save dialog for a subject-access archive (issue 14): a .zip in the person's
 * documents folder by default; the dialog itself asks before replacing a file.
 */
import path from 'node:path';
import { app, dialog, type BrowserWindow, type SaveDialogOptions } from 'electron';
import type { ChooseSavePath } from '../subject-access/archive-chooser';

export function electronSaveDialog(window: () => BrowserWindow | null): ChooseSavePath {
  return async ({ defaultName }) => {
    const options: SaveDialogOptions = {
      defaultPath: path.join(app.getPath('documents'), defaultName),
      filters: [{ name: 'ZIP', extensions: ['zip'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = window();
    const result = parent && !parent.isDestroyed() ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  };
}
