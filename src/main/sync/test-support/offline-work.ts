/** Work the sync tests do on a device before or between syncs (issue 12: one home). */
import { phoneComplaint } from '../../domain/test-support';
import { PNG } from '../../files/test-support/scan-files';
import type { Device } from './devices';

/** Who sent the letters the sync tests log. */
export const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };

/** A letter received on 23 November that opens a new complaint, with one PNG scan (`scan`), or none (null); the letter. */
export function logLetter(on: Device, summary: string, scan: Buffer | null = PNG) {
  return on.call('post.logIncoming', {
    receivedOn: '2026-11-23',
    sender,
    kind: 'new-complaint',
    type: 'product',
    summary,
    scans: scan ? [{ name: 'scan.png', mimeType: 'image/png', dataBase64: scan.toString('base64') }] : [],
  });
}

/** `count` phone complaints received on 20 November 2026, each with a note; their ids. */
export async function createCases(on: Device, count: number, prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const { caseId } = await on.call('cases.create', { ...phoneComplaint, summary: `${prefix} complaint ${index}`, receivedAt: '2026-11-20T10:00:00.000Z' });
    await on.call('cases.addNote', { caseId, text: `${prefix} note ${index}` });
    ids.push(caseId);
  }
  return ids;
}

/** Logs a letter with one scan (a new complaint); the scan's file id. */
export async function logScan(on: Device, summary: string, scan: Buffer): Promise<string> {
  const letter = await on.call('post.logIncoming', {
    receivedOn: '2026-11-23',
    sender,
    kind: 'new-complaint',
    type: 'product',
    summary,
    scans: [{ name: 'scan.png', mimeType: 'image/png', dataBase64: scan.toString('base64') }],
  });
  const fileId = letter.files[0]?.id;
  if (!fileId) throw new Error('The letter has no scan');
  return fileId;
}
