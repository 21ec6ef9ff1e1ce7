/**
 * A collection's RxDB schema, derived from its zod record (issue 12 §2: each record's shape is
 * written once, in zod, in src/shared/domain/records). `z.toJSONSchema()` gives the record's
 * fields, their JSON types, nullability and array items; the collection adds only what is RxDB's
 * own: the title, version, primary key, the fields a stored document must have, indexes, the
 * nested objects whose fields the stored schema names, and the keywords RxDB needs or has always
 * stored on a field (`maxLength` on indexed strings, bounds on indexed numbers).
 *
 * The stored schema stays deliberately loose: nested objects are stored as bare objects and the
 * zod record checks their shape (at the API and on every document sync pulls). A stored schema
 * that changes needs a version bump and a migration; database/stored-schemas.test.ts holds every
 * collection's schema as stored, so a change here cannot pass unnoticed.
 */
import type { JsonSchema, RxJsonSchema } from 'rxdb';
import { z } from 'zod';

type FieldOf<T> = Extract<keyof T, string>;

export interface StoredShape<T> {
  readonly title: string;
  readonly version: number;
  readonly primaryKey: FieldOf<T>;
  /** The fields RxDB requires of a stored document (fewer than the record may: older documents lack some). */
  readonly required: readonly FieldOf<T>[];
  readonly indexes?: readonly (FieldOf<T> | readonly FieldOf<T>[])[];
  /** Nested objects whose own fields the stored schema names; other nested objects are stored bare. */
  readonly nested?: readonly FieldOf<T>[];
  /** RxDB's keywords per field, merged over the derived shape (objects merge, anything else replaces). */
  readonly fields?: { readonly [K in FieldOf<T>]?: JsonSchema };
}

type Json = Readonly<Record<string, unknown>>;

function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The schema itself, or the members of its union (zod writes `.nullable()` and unions as `anyOf`). */
function variantsOf(schema: Json): Json[] {
  const union = schema['anyOf'] ?? schema['oneOf'];
  return Array.isArray(union) ? union.filter(isJson).flatMap(variantsOf) : [schema];
}

function typesOf(schema: Json): string[] {
  const types = variantsOf(schema).flatMap((variant) => {
    const type = variant['type'];
    if (typeof type === 'string') return [type];
    return Array.isArray(type) ? type.filter((entry): entry is string => typeof entry === 'string') : [];
  });
  return [...new Set(types)];
}

/** A field's stored shape: its type(s), its array items, and for a named nested object its own fields' shapes. */
function storedShapeOf(schema: Json, named: boolean): JsonSchema {
  const types = typesOf(schema);
  if (types.length === 0) return {};
  const shape: JsonSchema = { type: types.length === 1 ? types[0] : types };
  const variants = variantsOf(schema);
  const items = variants.map((variant) => variant['items']).find(isJson);
  if (items) shape.items = storedShapeOf(items, false);
  const object = variants.find((variant) => isJson(variant['properties']));
  if (named && object) {
    const properties = isJson(object['properties']) ? object['properties'] : {};
    shape.properties = Object.fromEntries(
      Object.entries(properties)
        .filter((entry): entry is [string, Json] => isJson(entry[1]))
        .map(([name, field]) => [name, storedShapeOf(field, false)]),
    );
    const required = object['required'];
    if (Array.isArray(required)) shape.required = required.filter((entry): entry is string => typeof entry === 'string');
  }
  return shape;
}

function merged(base: JsonSchema, extra: JsonSchema): JsonSchema {
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const current = result[key];
    result[key] = isJson(current) && isJson(value) ? merged(current, value) : value;
  }
  return result;
}

/** The JSON schema of a zod record as a plain object (zod's own output, read as data). */
export function recordJsonSchema(record: z.ZodType): Json {
  return z.toJSONSchema(record, { io: 'input', unrepresentable: 'any' });
}

/** A record's top-level fields; a union of records (the timeline's kinds) has each field its variants have, of any of their types. */
function fieldsOf(json: Json): Record<string, Json> {
  const found = new Map<string, Json[]>();
  for (const variant of variantsOf(json)) {
    const properties = isJson(variant['properties']) ? variant['properties'] : {};
    for (const [name, field] of Object.entries(properties)) if (isJson(field)) found.set(name, [...(found.get(name) ?? []), field]);
  }
  return Object.fromEntries([...found].map(([name, [only, ...others]]) => [name, only && others.length === 0 ? only : { anyOf: [only, ...others] }]));
}

/** T is the collection's document type; the record is its zod schema (its output is T where the types are derived from it). */
export function storedSchemaOf<T>(record: z.ZodType, shape: StoredShape<T>): RxJsonSchema<T> {
  const fields = fieldsOf(recordJsonSchema(record));
  const nested = new Set<string>(shape.nested ?? []);
  const extras: Readonly<Record<string, JsonSchema | undefined>> = shape.fields ?? {};
  const properties = Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [name, merged(storedShapeOf(field, nested.has(name)), extras[name] ?? {})]),
  );
  return {
    title: shape.title,
    version: shape.version,
    primaryKey: shape.primaryKey,
    type: 'object',
    properties: properties as RxJsonSchema<T>['properties'],
    required: [...shape.required],
    ...(shape.indexes ? { indexes: shape.indexes.map((index) => (typeof index === 'string' ? index : [...index])) } : {}),
  };
}
