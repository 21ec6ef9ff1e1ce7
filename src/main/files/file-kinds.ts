/**
 * Which files the post room accepts (P-3.1 letters: scans as PDF, JPEG, PNG or TIFF), recognised
 * by their content, not their name, so an unreadable or mislabelled file is refused clearly.
 */
export const SCAN_KINDS = {
  'application/pdf': { extension: 'pdf', matches: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  'image/jpeg': { extension: 'jpg', matches: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  'image/png': { extension: 'png', matches: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  'image/tiff': {
    extension: 'tif',
    matches: (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x49, 0x49, 0x2a, 0x00])) || b.subarray(0, 4).equals(Buffer.from([0x4d, 0x4d, 0x00, 0x2a])),
  },
} as const;

export type ScanMimeType = keyof typeof SCAN_KINDS;

export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
export const MAX_SCANS_PER_LETTER = 10;

/** The kind of a file from its first bytes, or null when it is none of the accepted kinds. */
export function sniffScanKind(data: Buffer): ScanMimeType | null {
  for (const [mimeType, kind] of Object.entries(SCAN_KINDS) as [ScanMimeType, (typeof SCAN_KINDS)[ScanMimeType]][]) {
    if (kind.matches(data)) return mimeType;
  }
  return null;
}
