/**
 * Issue 18: scans and letters open in an in-app viewer: an image inline, a PDF drawn page by page,
 * both zoomable; a file that cannot be drawn says so and still offers the download.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderWithProviders } from '../../test-support/render';
import { FileViewer, fileKind, type PdfOpener } from './FileViewer';

/** How long a first answer may take on a loaded machine: a limit, not an expectation of speed. */
const LOADED_MS = 10_000;

const png = { name: 'scan.png', mimeType: 'image/png', dataBase64: btoa('not really a png') };
const pdf = { name: 'letter.pdf', mimeType: 'application/pdf', dataBase64: btoa('%PDF-1.4') };
const originalCreate = URL.createObjectURL;
const originalRevoke = URL.revokeObjectURL;

beforeEach(() => {
  URL.createObjectURL = () => 'blob:plaint/scan';
  URL.revokeObjectURL = () => undefined;
});
afterEach(() => {
  URL.createObjectURL = originalCreate;
  URL.revokeObjectURL = originalRevoke;
});

describe('issue 18: the in-app file viewer', () => {
  it('knows what it can draw: images and PDFs; TIFF and others are downloaded', () => {
    expect(fileKind({ name: 'a.jpg', mimeType: 'image/jpeg' })).toBe('image');
    expect(fileKind({ name: 'a.pdf', mimeType: '' })).toBe('pdf');
    expect(fileKind({ name: 'a.tif', mimeType: 'image/tiff' })).toBe('other');
  });

  it('shows an image inline and zooms it', async () => {
    renderWithProviders(<FileViewer file={png} onClose={() => undefined} />);
    const image = await screen.findByTestId('image-view', {}, { timeout: LOADED_MS });
    expect(image.getAttribute('src')).toBe('blob:plaint/scan');
    expect((image as HTMLImageElement).style.width).toBe('100%');
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect((image as HTMLImageElement).style.width).toBe('125%');
    expect(screen.getByTestId('zoom-level').textContent).toBe('125 %');
  });

  it('draws every page of a PDF, and draws them again larger when zoomed in', async () => {
    const drawn: [number, number][] = [];
    let closed = 0;
    const openPdf: PdfOpener = (bytes) => {
      expect(new TextDecoder().decode(bytes)).toBe('%PDF-1.4');
      return Promise.resolve({
        pageCount: 2,
        draw: (number, scale) => (drawn.push([number, scale]), Promise.resolve()),
        close: () => ((closed += 1), Promise.resolve()),
      });
    };
    const { unmount } = renderWithProviders(<FileViewer file={pdf} onClose={() => undefined} openPdf={openPdf} />);
    expect(await screen.findAllByRole('img', { name: /Page \d of 2/ }, { timeout: LOADED_MS })).toHaveLength(2);
    await waitFor(
      () =>
        expect(drawn).toEqual([
          [1, 1.5],
          [2, 1.5],
        ]),
      { timeout: LOADED_MS },
    );
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    await waitFor(
      () =>
        expect(drawn.slice(2)).toEqual([
          [1, 1.875],
          [2, 1.875],
        ]),
      { timeout: LOADED_MS },
    );
    unmount();
    expect(closed).toBe(1);
  });

  it('a PDF that cannot be read says so, and the download is still offered', async () => {
    renderWithProviders(<FileViewer file={pdf} onClose={() => undefined} openPdf={() => Promise.reject(new Error('broken'))} />);
    expect((await screen.findByText('This file cannot be shown here. Download it to open it.', {}, { timeout: LOADED_MS })).textContent).not.toBe('');
    expect(screen.getByRole('button', { name: 'Download' })).not.toBeNull();
  });
});
