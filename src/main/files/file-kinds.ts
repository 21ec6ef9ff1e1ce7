/**
 * Which files the post room accepts (P-3.1 letters: scans as PDF, JPEG, PNG or TIFF), recognised
 * by their content, not their name, so an unreadable or mislabelled file is refused clearly.
 *
 * A file is checked from its first to its last byte, not only by its first bytes: a polyglot (a
 * PDF that is also a web page, a JPEG with a ZIP archive inside) passes a magic-number check, and
 * scans are personal data opened by staff and kept for years, so a file that is something else as
 * well is refused (issue 11).
 */
export const SCAN_KINDS = {
  'application/pdf': { label: 'PDF', extensions: ['pdf'], starts: (b: Buffer) => b.subarray(0, 5).toString('latin1') === '%PDF-', ends: pdfEnds },
  'image/jpeg': { label: 'JPEG', extensions: ['jpg', 'jpeg'], starts: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff, ends: jpegEnds },
  'image/png': { label: 'PNG', extensions: ['png'], starts: (b: Buffer) => b.subarray(0, 8).equals(PNG_SIGNATURE), ends: pngEnds },
  'image/tiff': {
    label: 'TIFF',
    extensions: ['tif', 'tiff'],
    starts: (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x49, 0x49, 0x2a, 0x00])) || b.subarray(0, 4).equals(Buffer.from([0x4d, 0x4d, 0x00, 0x2a])),
    ends: tiffIsWhole,
  },
} as const;

export type ScanMimeType = keyof typeof SCAN_KINDS;

export const MAX_SCAN_BYTES = 20 * 1024 * 1024;
export const MAX_SCANS_PER_LETTER = 10;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Bytes some scanners and PDF writers leave after the end marker: NUL padding and line ends. */
function withoutPadding(data: Buffer, padding: readonly number[]): Buffer {
  let end = data.length;
  while (end > 0 && padding.includes(data[end - 1] ?? -1)) end -= 1;
  return data.subarray(0, end);
}

/** A PDF's last line is %%EOF (ISO 32000-1 §7.5.5); only line ends and padding may follow. */
function pdfEnds(data: Buffer): boolean {
  return withoutPadding(data, [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]).subarray(-5).toString('latin1') === '%%EOF';
}

/** A JPEG ends with its end-of-image marker FFD9. */
function jpegEnds(data: Buffer): boolean {
  const whole = withoutPadding(data, [0x00]);
  return whole.length >= 4 && whole[whole.length - 2] === 0xff && whole[whole.length - 1] === 0xd9;
}

/** A PNG starts with its IHDR chunk and ends with its IEND chunk; nothing may follow IEND. */
function pngEnds(data: Buffer): boolean {
  return data.subarray(12, 16).toString('latin1') === 'IHDR' && data.subarray(-PNG_IEND.length).equals(PNG_IEND);
}

/** TIFF has no end marker; its first directory must lie inside the file. */
function tiffIsWhole(data: Buffer): boolean {
  if (data.length < 8) return false;
  const offset = data[0] === 0x49 ? data.readUInt32LE(4) : data.readUInt32BE(4);
  return offset >= 8 && offset + 2 <= data.length;
}

/** Where a ZIP reader looks for its end record: the last 22 bytes plus the longest comment. */
const ARCHIVE_WINDOW = 22 + 0xffff;
const ZIP_END = Buffer.from('PK\x05\x06', 'latin1');
const ZIP_LOCAL = Buffer.from('PK\x03\x04', 'latin1');
const OTHER_ARCHIVES = [
  Buffer.from('Rar!\x1a\x07', 'latin1'),
  Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]), // 7z
];
/** Compression methods a ZIP reader opens: stored, deflate, deflate64, bzip2, LZMA, zstd, xz, PPMd. */
const ZIP_METHODS = new Set([0, 8, 9, 12, 14, 93, 95, 98]);

/** Every offset of a signature in the data. */
function* offsetsOf(data: Buffer, signature: Buffer): Generator<number> {
  for (let at = data.indexOf(signature); at >= 0; at = data.indexOf(signature, at + 1)) yield at;
}

/**
 * Four bytes spell a ZIP signature by chance about once in every 4 GB of compressed scan data, so
 * the record after the signature must also read as a ZIP reader would take it. Without that, one
 * honest scan in some tens of thousands was refused as a polyglot.
 */
function isZipEnd(data: Buffer, at: number): boolean {
  if (at + 22 > data.length) return false;
  const singleDisk = data.readUInt16LE(at + 4) === 0 && data.readUInt16LE(at + 6) === 0;
  return singleDisk && data.readUInt16LE(at + 8) === data.readUInt16LE(at + 10) && at + 22 + data.readUInt16LE(at + 20) <= data.length;
}

function isZipLocalHeader(data: Buffer, at: number): boolean {
  if (at + 30 > data.length) return false;
  const nameLength = data.readUInt16LE(at + 26);
  return data.readUInt16LE(at + 4) <= 63 && ZIP_METHODS.has(data.readUInt16LE(at + 8)) && nameLength > 0 && at + 30 + nameLength <= data.length;
}

function hidesArchive(tail: Buffer): boolean {
  for (const at of offsetsOf(tail, ZIP_END)) if (isZipEnd(tail, at)) return true;
  for (const at of offsetsOf(tail, ZIP_LOCAL)) if (isZipLocalHeader(tail, at)) return true;
  return OTHER_ARCHIVES.some((signature) => tail.includes(signature));
}

/** Browsers sniff a page from markup near the start; an appended page sits at the end. */
const MARKUP_WINDOW = 1024;
const MARKUP = /<(?:!doctype|html|head|body|script|iframe|frame|object|embed|svg|meta|link|style|form|img)[\s/>]/i;

function hidesOtherContent(data: Buffer): boolean {
  if (hidesArchive(data.subarray(Math.max(0, data.length - ARCHIVE_WINDOW)))) return true;
  const head = data.subarray(0, MARKUP_WINDOW).toString('latin1');
  const end = data.subarray(Math.max(0, data.length - MARKUP_WINDOW)).toString('latin1');
  return MARKUP.test(head) || MARKUP.test(end);
}

export type ScanCheck =
  | { readonly ok: true; readonly mimeType: ScanMimeType }
  /** unknown: none of the accepted kinds; incomplete: cut short or with bytes after its end; mixed: also a web page or an archive. */
  | { readonly ok: false; readonly problem: 'unknown' | 'incomplete' | 'mixed'; readonly label: string | null };

/** The kind of a scan from its whole content, or why it is refused. */
export function checkScan(data: Buffer): ScanCheck {
  const entry = (Object.entries(SCAN_KINDS) as [ScanMimeType, (typeof SCAN_KINDS)[ScanMimeType]][]).find(([, kind]) => kind.starts(data));
  if (!entry) return { ok: false, problem: 'unknown', label: null };
  const [mimeType, kind] = entry;
  if (hidesOtherContent(data)) return { ok: false, problem: 'mixed', label: kind.label };
  if (!kind.ends(data)) return { ok: false, problem: 'incomplete', label: kind.label };
  return { ok: true, mimeType };
}
