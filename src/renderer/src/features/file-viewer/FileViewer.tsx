/**
 * Issue 18: scans and generated letters open in the app. Images are shown inline and PDFs are
 * drawn page by page (pdf.js), both with zoom; other files, and anything that cannot be drawn,
 * offer the download as before. Keyed by its file where it is used, so each file opens at 100 %.
 */
import { Alert, Button, Group, Loader, Modal, ScrollArea, Stack, Text } from '@mantine/core';
import { IconDownload, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { base64ToBlob, saveFile } from '../../common/files';
import type { PdfPages } from './pdf-pages';

export interface ViewedFile {
  readonly name: string;
  readonly mimeType: string;
  readonly dataBase64: string;
}

/** How a PDF's bytes become drawable pages; tests give their own. */
export type PdfOpener = (bytes: Uint8Array) => Promise<PdfPages>;

const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 3] as const;
const DEFAULT_ZOOM = 2; // index of 1 (100 %)

const openWithPdfJs: PdfOpener = async (bytes) => (await import('./pdf-pages')).openPdf(bytes);

export function fileKind(file: Pick<ViewedFile, 'mimeType' | 'name'>): 'image' | 'pdf' | 'other' {
  const type = file.mimeType.toLowerCase();
  const name = file.name.toLowerCase();
  // TIFF is not drawn by Chromium: downloaded, as before.
  if (/^image\/(png|jpeg|gif|webp)$/.test(type) || /\.(png|jpe?g|gif|webp)$/.test(name)) return 'image';
  if (type === 'application/pdf' || name.endsWith('.pdf')) return 'pdf';
  return 'other';
}

function PdfView({ file, zoom, openPdf }: { readonly file: ViewedFile; readonly zoom: number; readonly openPdf: PdfOpener }) {
  const { t } = useTranslation();
  const [pages, setPages] = useState<PdfPages | null>(null);
  const [failed, setFailed] = useState(false);
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  useEffect(() => {
    let open: PdfPages | null = null;
    let cancelled = false;
    const bytes = Uint8Array.from(atob(file.dataBase64), (char) => char.charCodeAt(0));
    openPdf(bytes).then(
      (opened) => {
        open = opened;
        if (cancelled) void opened.close();
        else setPages(opened);
      },
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
      void open?.close();
    };
  }, [file, openPdf]);
  useEffect(() => {
    if (!pages) return;
    for (let number = 1; number <= pages.pageCount; number += 1) {
      const canvas = canvases.current[number - 1];
      if (canvas) pages.draw(number, zoom * 1.5, canvas).catch(() => setFailed(true));
    }
  }, [pages, zoom]);
  if (failed) return <Alert color="yellow">{t('fileViewer.cannotShow')}</Alert>;
  if (!pages) return <Loader aria-label={t('fileViewer.loading')} />;
  return (
    <Stack gap="sm" align="center">
      {Array.from({ length: pages.pageCount }, (_, index) => (
        <canvas
          key={index}
          ref={(node) => {
            canvases.current[index] = node;
          }}
          role="img"
          aria-label={t('fileViewer.page', { number: index + 1, total: pages.pageCount })}
          style={{ boxShadow: '0 0 4px rgba(0,0,0,.3)', width: `${zoom * 100}%`, maxWidth: 'none' }}
          data-testid="pdf-page"
        />
      ))}
    </Stack>
  );
}

export function FileViewer({
  file,
  onClose,
  openPdf = openWithPdfJs,
}: {
  readonly file: ViewedFile | null;
  readonly onClose: () => void;
  readonly openPdf?: PdfOpener;
}) {
  const { t } = useTranslation();
  const [zoomIndex, setZoomIndex] = useState(DEFAULT_ZOOM);
  const zoom = ZOOMS[zoomIndex] ?? 1;
  const kind = file ? fileKind(file) : 'other';
  const imageUrl = useMemo(() => (file && kind === 'image' ? URL.createObjectURL(base64ToBlob(file.dataBase64, file.mimeType)) : null), [file, kind]);
  useEffect(() => () => (imageUrl ? URL.revokeObjectURL(imageUrl) : undefined), [imageUrl]);
  return (
    <Modal
      opened={file !== null}
      onClose={onClose}
      title={file?.name ?? ''}
      size="90%"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="file-viewer"
    >
      {file && (
        <Stack gap="sm">
          <Group gap="xs">
            {kind !== 'other' && (
              <>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconZoomOut size={14} aria-hidden />}
                  disabled={zoomIndex === 0}
                  onClick={() => setZoomIndex((index) => index - 1)}
                  data-testid="zoom-out"
                >
                  {t('fileViewer.zoomOut')}
                </Button>
                <Text size="sm" aria-live="polite" data-testid="zoom-level">
                  {Math.round(zoom * 100)} %
                </Text>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconZoomIn size={14} aria-hidden />}
                  disabled={zoomIndex === ZOOMS.length - 1}
                  onClick={() => setZoomIndex((index) => index + 1)}
                  data-testid="zoom-in"
                >
                  {t('fileViewer.zoomIn')}
                </Button>
              </>
            )}
            <Button
              size="xs"
              variant="light"
              ml="auto"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => saveFile(file)}
              data-testid="file-download"
            >
              {t('fileViewer.download')}
            </Button>
          </Group>
          {/* Focusable, so the keyboard scrolls a large page too. */}
          <ScrollArea h="70vh" type="auto" viewportProps={{ tabIndex: 0, 'aria-label': file.name }}>
            {kind === 'image' && imageUrl ? (
              <img src={imageUrl} alt={file.name} style={{ width: `${zoom * 100}%`, maxWidth: 'none', display: 'block' }} data-testid="image-view" />
            ) : kind === 'pdf' ? (
              <PdfView file={file} zoom={zoom} openPdf={openPdf} />
            ) : (
              <Text c="dimmed">{t('fileViewer.cannotShow')}</Text>
            )}
          </ScrollArea>
        </Stack>
      )}
    </Modal>
  );
}
