/**
 * The scan matcher (query-matcher.ts) answers exactly as RxDB's own matcher, also where it tests a
 * long `$in` list with a Set: missing and null values, array fields, numbers and booleans, and
 * other operators beside `$in` on the same field.
 */
import fc from 'fast-check';
import { getQueryMatcher, type FilledMangoQuery, type RxDocumentData, type RxJsonSchema } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { queryMatcher } from './query-matcher';

interface Row {
  id: string;
  owner?: string | null;
  tags: (string | number)[];
  score: number;
  flag: boolean;
  _deleted: boolean;
}

const schema = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 20 },
    owner: { type: ['string', 'null'] },
    tags: { type: 'array' },
    score: { type: 'number' },
    flag: { type: 'boolean' },
  },
  required: ['id'],
} as unknown as RxJsonSchema<RxDocumentData<Row>>;

const value = fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 0, max: 5 }), fc.constant(null), fc.boolean());
const row = fc.record({
  id: fc.string({ maxLength: 3 }),
  owner: fc.option(fc.option(fc.constantFrom('a', 'b', 'c', 'x'), { nil: null }), { nil: undefined }),
  tags: fc.array(fc.oneof(fc.constantFrom('a', 'b', 'z'), fc.integer({ min: 0, max: 5 })), { maxLength: 3 }),
  score: fc.integer({ min: 0, max: 5 }),
  flag: fc.boolean(),
});
/** Lists long enough for the Set path, padded with values no row has. */
const longList = fc.array(value, { maxLength: 6 }).map((listed) => [...listed, ...Array.from({ length: 20 }, (_, index) => `absent-${index}`)]);

function bothMatchers(selector: Record<string, unknown>) {
  const query = { selector: { _deleted: false, ...selector }, sort: [{ id: 'asc' }], skip: 0 } as unknown as FilledMangoQuery<Row>;
  return { ours: queryMatcher(schema, query), rxdb: getQueryMatcher(schema, query) };
}

function agree(selector: Record<string, unknown>, rows: readonly Omit<Row, '_deleted'>[]): void {
  const { ours, rxdb } = bothMatchers(selector);
  for (const candidate of rows) {
    const document = { ...candidate, _deleted: false } as unknown as RxDocumentData<Row>;
    expect(ours(document), JSON.stringify({ selector, document })).toBe(rxdb(document));
  }
}

describe('the scan matcher agrees with RxDB on long $in lists', () => {
  it('on a plain field, missing and null values included', () => {
    fc.assert(fc.property(longList, fc.array(row, { maxLength: 20 }), (list, rows) => agree({ owner: { $in: list } }, rows)));
  });

  it('on an array field (any element listed)', () => {
    fc.assert(fc.property(longList, fc.array(row, { maxLength: 20 }), (list, rows) => agree({ tags: { $in: list } }, rows)));
  });

  it('with other operators on the same field and other fields beside it', () => {
    fc.assert(
      fc.property(longList, fc.integer({ min: 0, max: 5 }), fc.array(row, { maxLength: 20 }), (list, score, rows) =>
        agree({ score: { $in: list, $ne: score }, flag: true, owner: { $in: list } }, rows),
      ),
    );
  });

  it('leaves short lists, nested paths and lists with objects to RxDB', () => {
    fc.assert(
      fc.property(fc.array(value, { maxLength: 5 }), fc.array(row, { maxLength: 20 }), (list, rows) => {
        agree({ owner: { $in: list } }, rows);
        agree({ $or: [{ owner: { $in: [...list, ...Array.from({ length: 20 }, (_, index) => index + 100)] } }, { flag: true }] }, rows);
      }),
    );
  });

  it('finds one listed value among 100 000 (the case ids of a large office)', () => {
    const ids = Array.from({ length: 100_000 }, (_, index) => `case-${index}`);
    const { ours } = bothMatchers({ owner: { $in: ids } });
    const document = (owner: string) => ({ id: 'x', owner, tags: [], score: 0, flag: false, _deleted: false }) as unknown as RxDocumentData<Row>;
    expect(ours(document('case-99999'))).toBe(true);
    expect(ours(document('case-100000'))).toBe(false);
  });
});
