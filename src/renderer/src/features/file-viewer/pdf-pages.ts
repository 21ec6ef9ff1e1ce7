/**
 * Issue 18: PDF pages drawn in the app with pdf.js (pdfjs-dist), so a scan or a generated letter
 * is read without leaving Plaint. The worker is a file of the app's own bundle (CSP worker-src
 * 'self'); the document is read from memory, never from a URL.
 */
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export interface PdfPages {
  readonly pageCount: number;
  /** Draws page `number` (1-based) at `scale` into `canvas`. */
  draw(number: number, scale: number, canvas: HTMLCanvasElement): Promise<void>;
  close(): Promise<void>;
}

export async function openPdf(bytes: Uint8Array): Promise<PdfPages> {
  const task = getDocument({ data: bytes });
  const document: PDFDocumentProxy = await task.promise;
  return {
    pageCount: document.numPages,
    async draw(number, scale, canvas) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      await page.render({ canvas, viewport }).promise;
    },
    close: () => task.destroy(),
  };
}
