/**
 * File names as clerks' computers and other devices send them are untrusted: they become the name
 * a file is saved under when staff download it. So a stored or downloaded name is one plain file
 * name: no folders ("../"), no control characters (NUL), no bidirectional or invisible formatting
 * (a right-to-left override shows "invoice‮fdp.exe" as "invoiceexe.pdf"), nothing Windows refuses,
 * a sane length, and an extension that says what the content is (issue 11).
 */
import sanitizeFilename from 'sanitize-filename';
import { SCAN_KINDS, type ScanMimeType } from './file-kinds';

export const MAX_FILE_NAME_LENGTH = 120;

/** Bidirectional controls and invisible format characters (Unicode Cf that can disguise a name). */
const FORMAT_CHARACTERS = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
const EXTENSION = /\.([A-Za-z0-9]{1,8})$/;

function knownKind(mimeType: string): (typeof SCAN_KINDS)[ScanMimeType] | null {
  return Object.hasOwn(SCAN_KINDS, mimeType) ? SCAN_KINDS[mimeType as ScanMimeType] : null;
}

/** Shortens the part before the extension, by whole characters, so the name fits. */
function fitted(stem: string, extension: string): string {
  const room = MAX_FILE_NAME_LENGTH - extension.length;
  const characters = Array.from(stem);
  return `${characters.length > room ? characters.slice(0, room).join('').trimEnd() : stem}${extension}`;
}

/**
 * A name safe to store and to download under. `mimeType` is the content's kind as checked; when
 * the name's extension does not match it, the right one is added. `fallback` (no extension) is
 * used when nothing of the name is left.
 */
export function safeFileName(raw: string, mimeType: string, fallback: string): string {
  const base = raw.normalize('NFC').split(/[\\/]/).at(-1) ?? '';
  const cleaned = sanitizeFilename(base.replace(FORMAT_CHARACTERS, ''))
    .replace(/^[.\s]+/, '')
    .trim();
  const kind = knownKind(mimeType);
  const extension = EXTENSION.exec(cleaned)?.[1]?.toLowerCase() ?? '';
  const matches = kind === null ? extension !== '' : (kind.extensions as readonly string[]).includes(extension);
  const stem = cleaned === '' ? fallback : cleaned;
  if (matches) return fitted(stem.slice(0, stem.length - extension.length - 1), stem.slice(stem.length - extension.length - 1));
  return fitted(stem, kind ? `.${kind.extensions[0]}` : '');
}
