/**
 * RxDB hands attachment data to the storage as Blobs, which can only be read asynchronously.
 * They are read before the write's (synchronous) SQLite transaction starts.
 */
import type { BulkWriteRow } from 'rxdb';

export type AttachmentSource = Blob | string;
export type AttachmentBytes = ReadonlyMap<AttachmentSource, Buffer>;

export function collectAttachmentBlobs<T>(rows: readonly BulkWriteRow<T>[]): AttachmentSource[] {
  const found: AttachmentSource[] = [];
  for (const row of rows) {
    const attachments = (row.document as { _attachments?: Record<string, { data?: AttachmentSource }> })._attachments ?? {};
    for (const attachment of Object.values(attachments)) if (attachment.data !== undefined) found.push(attachment.data);
  }
  return found;
}

export async function attachmentBytes(sources: readonly AttachmentSource[]): Promise<AttachmentBytes> {
  const entries = await Promise.all(
    sources.map(async (source): Promise<[AttachmentSource, Buffer]> => [
      source,
      typeof source === 'string' ? Buffer.from(source, 'base64') : Buffer.from(await source.arrayBuffer()),
    ]),
  );
  return new Map(entries);
}
