/**
 * The answers of CouchDB's HTTP API that sync reads, checked before use: a server (or anything
 * between) that answers something else is reported as a "bad answer", never a crash. Also the
 * conversion between a CouchDB document (`_id`, `_rev`) and an RxDB document (`id`).
 *
 * Sequences: CouchDB 3 sequences are opaque strings (`"123-g1AAAA…"`), PouchDB's are numbers.
 * Their number prefix is the sum of the shards' update counters: it only grows while a database
 * lives, which is all restore detection needs from it (server-continuity.ts); nothing else
 * compares sequences.
 */
import { z } from 'zod';

export const sequenceSchema = z.union([z.string().max(10_000), z.number()]);
export type Sequence = z.output<typeof sequenceSchema>;

const couchDocumentSchema = z.looseObject({ _id: z.string().min(1), _rev: z.string().min(1), _deleted: z.boolean().optional() });
export type CouchDocument = z.output<typeof couchDocumentSchema>;

export const changesSchema = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      seq: sequenceSchema.optional(),
      deleted: z.boolean().optional(),
      changes: z.array(z.object({ rev: z.string() })),
      doc: couchDocumentSchema.nullish(),
    }),
  ),
  last_seq: sequenceSchema,
});
export type ChangesAnswer = z.output<typeof changesSchema>;

export const allDocsSchema = z.object({
  rows: z.array(
    z.object({
      key: z.string(),
      id: z.string().optional(),
      value: z.object({ rev: z.string(), deleted: z.boolean().optional() }).optional(),
      doc: couchDocumentSchema.nullish(),
      error: z.string().optional(),
    }),
  ),
});
export type AllDocsRow = z.output<typeof allDocsSchema>['rows'][number];

export const bulkDocsSchema = z.array(
  z.object({ id: z.string(), ok: z.boolean().optional(), rev: z.string().optional(), error: z.string().optional(), reason: z.string().optional() }),
);

export const databaseInfoSchema = z.looseObject({
  db_name: z.string().optional(),
  update_seq: sequenceSchema,
  instance_start_time: z.string().optional(),
  /** CouchDB 2+: shards (q) and copies of each (n). */
  cluster: z.looseObject({ n: z.number().optional() }).optional(),
});

export const revsDiffSchema = z.record(z.string(), z.object({ missing: z.array(z.string()).optional() }));

/** The server answered something that is not what CouchDB answers there. */
export class BadAnswerError extends Error {
  constructor(readonly what: string) {
    super(`The server's answer to ${what} is not a CouchDB answer`);
    this.name = 'BadAnswerError';
  }
}

/** The answer's JSON, checked against the schema. */
export async function readAnswer<S extends z.ZodType>(response: Response, schema: S, what: string): Promise<z.output<S>> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadAnswerError(what);
  return parsed.data;
}

export function parseAnswer<S extends z.ZodType>(text: string, schema: S, what: string): z.output<S> {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new BadAnswerError(what);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new BadAnswerError(what);
  return parsed.data;
}

/** The number prefix of a sequence, or null when it has none (an opaque sequence of another server). */
export function sequenceNumber(sequence: Sequence): number | null {
  if (typeof sequence === 'number') return Number.isFinite(sequence) ? sequence : null;
  const match = /^(\d+)(-|$)/.exec(sequence);
  return match ? Number(match[1]) : null;
}

/** A CouchDB document as RxDB sees it: `_id` becomes the primary key, `_rev` is set aside. */
export function fromCouch(document: CouchDocument, primaryPath: string): Record<string, unknown> & { _deleted: boolean } {
  const { _id, _rev, _deleted, _revisions, _conflicts, _attachments, ...rest } = document as CouchDocument & Record<string, unknown>;
  return { ...rest, [primaryPath]: _id, _deleted: _deleted === true };
}

/** An RxDB document as CouchDB stores it (with the revision it replaces, if any). */
export function toCouch(document: Record<string, unknown>, primaryPath: string, rev?: string): Record<string, unknown> {
  const { [primaryPath]: id, _meta, _rev, _attachments, ...rest } = document;
  return { ...rest, _id: id, ...(rev ? { _rev: rev } : {}) };
}

export function queryString(params: Record<string, string | number | boolean>): string {
  return Object.entries(params)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
}
