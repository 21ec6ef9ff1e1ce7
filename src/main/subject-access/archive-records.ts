/**
 * Issue 14, subject access: the archive's machine-readable part (`records.json`): every included
 * record with redactions applied, the files by their place in the archive, and what was withheld
 * with the reason only (never the content). Issue 18: a case's own files are listed under the case.
 */
import type { FileRecord } from '../files/file-store';
import type { ExportContent } from './withholding';

export const RECORDS_FILE = 'records.json';
export const SUMMARY_FILE = 'summary.pdf';
export const RECORDS_FORMAT = 'plaint-subject-access/1';

export interface ArchiveMeta {
  readonly subjectName: string;
  readonly exportedAt: string;
  readonly exportedBy: string;
  readonly organisation: string;
}

/** A file's name inside the archive: numbered (names repeat), with no folders and nothing a file system refuses. */
export function archiveFileName(index: number, file: FileRecord): string {
  const safe =
    file.name
      .normalize('NFC')
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_')
      .replace(/^\.+/, '_')
      .slice(0, 120) || 'file';
  return `files/${String(index + 1).padStart(3, '0')}-${safe}`;
}

export function archivePaths(content: ExportContent): Map<string, string> {
  return new Map(content.files.map((file, index) => [file.id, archiveFileName(index, file)]));
}

function fileEntry(file: FileRecord, paths: ReadonlyMap<string, string>) {
  return {
    id: file.id,
    name: file.name,
    mimeType: file.mimeType,
    size: file.size,
    sha256: file.sha256,
    createdAt: file.createdAt,
    path: paths.get(file.id) ?? null,
  };
}

export function recordsDocument(content: ExportContent, meta: ArchiveMeta, paths: ReadonlyMap<string, string>): string {
  const document = {
    format: RECORDS_FORMAT,
    subject: meta.subjectName,
    organisation: meta.organisation,
    exportedAt: meta.exportedAt,
    exportedBy: meta.exportedBy,
    cases: content.cases.map(({ record, timeline, files }) => ({ ...record, timeline, files: files.map((file) => fileEntry(file, paths)) })),
    letters: content.letters.map((letter) => ('redacted' in letter ? letter : { ...letter, files: letter.files.map((file) => fileEntry(file, paths)) })),
    withheld: content.withheld,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
