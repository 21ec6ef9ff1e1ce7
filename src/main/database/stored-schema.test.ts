/**
 * Issue 12 §2: how a collection's RxDB schema is derived from its zod record (stored-schema.ts).
 * database/stored-schemas.test.ts proves every real collection's schema unchanged; these show the
 * rules one at a time.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { storedSchemaOf } from './stored-schema';

const staffRef = z.object({ id: z.string().min(1).max(64), name: z.string().max(200) });
const record = z.object({
  id: z.string().min(1).max(64),
  at: z.iso.datetime({ offset: true }),
  count: z.number().int().min(0).max(10),
  status: z.enum(['open', 'closed']),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  note: z.string().optional(),
  tags: z.array(z.string().min(1)),
  parts: z.array(z.object({ name: z.string() })),
  by: staffRef,
  owner: staffRef.nullable(),
  extra: z.unknown(),
});
type Example = z.infer<typeof record>;

const shape = { title: 'example', version: 2, primaryKey: 'id', required: ['id', 'at'] } as const;

describe('a stored schema derived from a zod record', () => {
  it("takes each field of the record with its JSON type, and RxDB's title, version, key and required fields from the collection", () => {
    const schema = storedSchemaOf<Example>(record, shape);
    expect(schema).toStrictEqual({
      title: 'example',
      version: 2,
      primaryKey: 'id',
      type: 'object',
      properties: {
        id: { type: 'string' },
        at: { type: 'string' },
        count: { type: 'integer' },
        status: { type: 'string' },
        closedAt: { type: ['string', 'null'] },
        note: { type: 'string' },
        tags: { type: 'array', items: { type: 'string' } },
        parts: { type: 'array', items: { type: 'object' } },
        by: { type: 'object' },
        owner: { type: ['object', 'null'] },
        extra: {},
      },
      required: ['id', 'at'],
    });
  });

  it("leaves the record's own rules (lengths, formats, enums) to zod: a stored schema only changes with its version", () => {
    const properties = storedSchemaOf<Example>(record, shape).properties;
    expect(properties.id).not.toHaveProperty('maxLength');
    expect(properties.at).not.toHaveProperty('pattern');
    expect(properties.status).not.toHaveProperty('enum');
  });

  it("names the fields of the nested objects the collection lists, and merges RxDB's keywords over a field", () => {
    const schema = storedSchemaOf<Example>(record, {
      ...shape,
      nested: ['by'],
      fields: { id: { maxLength: 64 }, count: { type: 'number', minimum: 0, maximum: 10, multipleOf: 1 }, by: { properties: { name: { maxLength: 200 } } } },
      indexes: ['at', ['status', 'at']],
    });
    expect(schema.properties.id).toStrictEqual({ type: 'string', maxLength: 64 });
    expect(schema.properties.count).toStrictEqual({ type: 'number', minimum: 0, maximum: 10, multipleOf: 1 });
    expect(schema.properties.by).toStrictEqual({
      type: 'object',
      properties: { id: { type: 'string' }, name: { type: 'string', maxLength: 200 } },
      required: ['id', 'name'],
    });
    expect(schema.indexes).toStrictEqual(['at', ['status', 'at']]);
  });

  it("stores a union of records (the timeline's kinds) with every field its variants have", () => {
    const entry = z.discriminatedUnion('kind', [
      z.object({ id: z.string(), kind: z.literal('note'), data: z.object({ text: z.string() }) }),
      z.object({ id: z.string(), kind: z.literal('link'), data: z.object({ to: z.string() }), linked: z.boolean() }),
    ]);
    type Entry = z.infer<typeof entry>;
    const schema = storedSchemaOf<Entry>(entry, { title: 'entry', version: 0, primaryKey: 'id', required: ['id', 'kind', 'data'] });
    expect(schema.properties).toStrictEqual({ id: { type: 'string' }, kind: { type: 'string' }, data: { type: 'object' }, linked: { type: 'boolean' } });
  });
});
