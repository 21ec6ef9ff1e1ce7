/** A stored file (a scan, a letter's PDF) and its chunks, as stored and replicated (files/file-store.ts). */
import { z } from 'zod';
import { id, instant } from './common';

export const fileRecordSchema = z.object({
  id,
  ownerId: id,
  name: z.string().max(255),
  mimeType: z.string().max(100),
  size: z.number().int().min(0).max(1_000_000_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chunkCount: z.number().int().min(1).max(100_000),
  createdAt: instant,
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const fileChunkSchema = z
  .object({ id: z.string().min(1).max(80), fileId: id, index: z.number().int().min(0).max(100_000), data: z.string().max(400_000).regex(BASE64) })
  .refine((chunk) => chunk.id === `${chunk.fileId}:${chunk.index}`, { path: ['id'], message: 'The id does not name its file and position' });
