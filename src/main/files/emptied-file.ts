/**
 * Issue 14 (P-7.2): a file whose content was erased keeps its record (the day book's lines stay),
 * with no name, no type, 0 bytes and the hash of nothing. Its content must then go from the team
 * server too: that is how this layer recognises it (the erasure itself sits above files).
 */
import crypto from 'node:crypto';
import type { FileRecord } from './file-store';

export const EMPTY_FILE_SHA256 = crypto.createHash('sha256').update(Buffer.alloc(0)).digest('hex');

export function isEmptiedFile(record: Pick<FileRecord, 'size' | 'sha256'>): boolean {
  return record.size === 0 && record.sha256 === EMPTY_FILE_SHA256;
}
