/**
 * Electron adapter (issue 16): the app's window as an A4 PDF through webContents.printToPDF, which
 * lays the page out with its print CSS (the printable monthly report hides the shell and keeps
 * each chart and table on one page).
 */
import type { WebContents } from 'electron';

export function electronPagePrinter(contents: () => WebContents | null): () => Promise<Uint8Array> {
  return async () => {
    const target = contents();
    if (!target || target.isDestroyed()) throw new Error('No window to print');
    return target.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
  };
}
