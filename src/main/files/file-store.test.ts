/**
 * The file store for scans and letters: chunked (256 KB) and hashed, read back byte for byte,
 * and honest about a file whose parts are still arriving by sync or whose content is damaged.
 */
import crypto from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHUNK_BYTES, type FileCollections, type FileStore } from './file-store';
import { openFileDatabase, type FileDatabase } from './test-support/file-database';

let files: FileDatabase;
let collections: FileCollections;
let store: FileStore;

beforeEach(async () => {
  files = await openFileDatabase('plaint-files-');
  ({ collections, store } = files);
});

afterEach(async () => {
  await files.close();
});

const scan = crypto.randomBytes(CHUNK_BYTES * 2 + 1000);
const put = () =>
  store.put({ id: 'file-1', ownerId: 'letter-1', name: 'scan.pdf', mimeType: 'application/pdf', data: scan, createdAt: '2026-11-25T10:00:00.000Z' });

describe('file store', () => {
  it('splits a file into chunks of at most 256 KB and reads it back byte for byte', async () => {
    const record = await put();
    expect(record.chunkCount).toBe(3);
    const chunks = await collections.fileChunks.find().exec();
    expect(Math.max(...chunks.map((chunk) => Buffer.from(chunk.data, 'base64').length))).toBe(CHUNK_BYTES);
    const found = await store.get('file-1');
    expect(found.state === 'ready' && found.data.equals(scan)).toBe(true);
  });

  it('a file whose parts are still arriving by sync says how many are here', async () => {
    await put();
    await collections.fileChunks.findOne('file-1:2').remove();
    expect(await store.get('file-1')).toEqual({ state: 'arriving', parts: 2, of: 3 });
  });

  it('a damaged file is reported, never served', async () => {
    await put();
    await collections.fileChunks.findOne('file-1:1').patch({ data: Buffer.from('tampered').toString('base64') });
    expect(await store.get('file-1')).toEqual({ state: 'damaged' });
    expect(await store.get('no-such-file')).toEqual({ state: 'missing' });
  });
});
