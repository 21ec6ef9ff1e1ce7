import { describe, expect, it } from 'vitest';
import { checkScan } from './file-kinds';
import { JPEG, PDF, zipArchive } from './test-support/scan-files';

/** A PDF whose compressed body happens to hold the given bytes near its end, as real streams can. */
function pdfWithBodyBytes(bytes: Buffer): Buffer {
  return Buffer.concat([PDF.subarray(0, PDF.length - 7), Buffer.alloc(500, 0x9c), bytes, Buffer.alloc(500, 0x9c), Buffer.from('\n%%EOF\n')]);
}

describe('scan kinds (issue 11): ZIP signatures that appear by chance are not archives', () => {
  it('refuses a scan whose tail is a real ZIP archive', () => {
    expect(checkScan(Buffer.concat([JPEG, zipArchive()]))).toMatchObject({ ok: false, problem: 'mixed' });
    expect(checkScan(pdfWithBodyBytes(zipArchive()))).toMatchObject({ ok: false, problem: 'mixed' });
  });

  it.each([
    ['an end-of-archive signature followed by random record fields', Buffer.from('504b0506a3f1092b7c44e0d15a6b', 'hex')],
    ['a local-file signature followed by random header fields', Buffer.from('504b0304ff7e3a91c4d2886b10e0aa3f5c7d99e2b401c6f82d1e337a4b5c6d7e', 'hex')],
  ])('accepts a PDF with %s in its compressed body', (_label, bytes) => {
    expect(checkScan(pdfWithBodyBytes(bytes))).toEqual({ ok: true, mimeType: 'application/pdf' });
  });
});
