/**
 * Uploaded files (a letter's scans, and issue 18's attachments to a complaint, note or
 * communication) checked one way: not empty, at most 20 MB, and a whole PDF, JPEG, PNG or TIFF
 * recognised by its content (file-kinds.ts). A refused file is named at its field and nothing is
 * stored.
 */
import type { z } from 'zod';
import type { scanUploadSchema } from '../../shared/domain/letters';
import { fieldError } from '../../shared/domain/domain-error';
import { checkScan, MAX_SCAN_BYTES, type ScanCheck } from './file-kinds';
import { safeFileName } from './file-names';

export interface CheckedUpload {
  readonly name: string;
  readonly mimeType: string;
  readonly data: Buffer;
}

/** Every upload checked, or a field error at `${field}.${index}` for the first refused. */
export function checkedUploads(uploads: readonly z.output<typeof scanUploadSchema>[], field: string, fallbackName: string): CheckedUpload[] {
  return uploads.map((upload, index) => {
    const path = `${field}.${index}`;
    const data = Buffer.from(upload.dataBase64, 'base64');
    if (data.length === 0) throw fieldError(path, `${upload.name} is empty or not readable`, 'unreadable', { name: upload.name });
    if (data.length > MAX_SCAN_BYTES) throw fieldError(path, `${upload.name} is larger than 20 MB`, 'file_too_big', { name: upload.name, maximum: '20 MB' });
    const checked = checkScan(data);
    if (!checked.ok) throw fieldError(path, refusal(upload.name, checked), checked.problem === 'mixed' ? 'polyglot' : 'unreadable', { name: upload.name });
    return { name: safeFileName(upload.name, checked.mimeType, `${fallbackName}-${index + 1}`), mimeType: checked.mimeType, data };
  });
}

function refusal(name: string, checked: Extract<ScanCheck, { ok: false }>): string {
  if (checked.problem === 'mixed') return `${name} is refused: besides a ${checked.label ?? ''} it contains a web page or an archive`;
  if (checked.problem === 'incomplete') return `${name} is not a complete ${checked.label ?? ''} file: it is cut short or has extra data after its end`;
  return `${name} is not a readable PDF, JPEG, PNG or TIFF file`;
}
