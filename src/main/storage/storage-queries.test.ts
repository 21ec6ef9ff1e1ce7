/**
 * Query conformance: every Mango operator RxDB supports, multi-field sorts (nested fields, mixed
 * directions), skip, limit and count give exactly the results of RxDB's memory storage (the
 * reference implementation) on the same 2 000 documents; plus randomly generated queries.
 */
import fc from 'fast-check';
import type { MangoQuery } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePeople, memoryStorage, openPeopleDatabase, sqliteStorage, tempDirectory, type PeopleDatabase, type Person } from './test-support';

let sqlite: PeopleDatabase;
let memory: PeopleDatabase;
const people = makePeople(2000, 42);

beforeAll(async () => {
  sqlite = await openPeopleDatabase(sqliteStorage({ directory: tempDirectory() }));
  memory = await openPeopleDatabase(memoryStorage());
  await sqlite.people.bulkInsert(people);
  await memory.people.bulkInsert(people);
});

afterAll(async () => {
  await sqlite.close();
  await memory.close();
});

async function both(query: MangoQuery<Person>): Promise<{ ours: string[]; reference: string[] }> {
  const [ours, reference] = await Promise.all([sqlite.people.find(query).exec(), memory.people.find(query).exec()]);
  return { ours: ours.map((doc) => doc.id), reference: reference.map((doc) => doc.id) };
}

async function expectSameAsReference(query: MangoQuery<Person>): Promise<string[]> {
  const { ours, reference } = await both(query);
  expect(ours).toEqual(reference);
  const [ourCount, referenceCount] = await Promise.all([
    sqlite.people.count({ selector: query.selector ?? {} }).exec(),
    memory.people.count({ selector: query.selector ?? {} }).exec(),
  ]);
  expect(ourCount).toBe(referenceCount);
  return ours;
}

const selectors: [string, MangoQuery<Person>['selector']][] = [
  ['$eq (implicit)', { age: 30 }],
  ['$eq', { age: { $eq: 30 } }],
  ['$ne', { status: { $ne: 'open' } }],
  ['$gt', { age: { $gt: 80 } }],
  ['$gte', { age: { $gte: 80 } }],
  ['$lt', { age: { $lt: 5 } }],
  ['$lte', { age: { $lte: 5 } }],
  ['range', { age: { $gt: 20, $lte: 25 } }],
  ['$in', { status: { $in: ['open', 'pending'] } }],
  ['$in on an index', { age: { $in: [3, 33, 63] } }],
  ['$nin', { 'address.city': { $nin: ['London', 'Riga'] } }],
  ['$regex prefix', { name: { $regex: '^Ann' } }],
  ['$regex with options', { name: { $regex: 'SMITH$', $options: 'i' } }],
  ['$regex on non-ASCII', { name: { $regex: 'ņš' } }],
  ['$exists true', { note: { $exists: true } }],
  ['$exists false', { note: { $exists: false } }],
  ['$and', { $and: [{ age: { $gt: 10 } }, { status: 'open' }, { 'address.city': 'Leeds' }] }],
  ['$or', { $or: [{ age: { $lt: 3 } }, { 'address.city': 'Bath' }] }],
  ['$nor', { $nor: [{ status: 'open' }, { age: { $gt: 40 } }] }],
  ['$not', { age: { $not: { $gt: 30 } } }],
  ['$elemMatch', { scores: { $elemMatch: { subject: 'refund', value: { $gte: 50 } } } }],
  ['$size', { tags: { $size: 2 } }],
  ['$mod', { age: { $mod: [7, 0] } }],
  ['$type', { note: { $type: 'string' } }],
  ['array contains', { tags: 'billing' } as never],
  ['nested field', { 'address.city': { $eq: 'Liepāja' } }],
  ['emoji in a string bound', { name: { $gte: '😀' } }],
  ['compound index prefix', { status: 'pending', receivedAt: { $gt: 1_700_000_000_000 + 500 * 86_400_000 } }],
  ['matches nothing', { age: { $gt: 1000 } }],
  ['everything', {}],
];

describe('every query operator matches the reference storage', () => {
  it.each(selectors)('%s', async (_label, selector) => {
    await expectSameAsReference({ selector: selector ?? {} });
  });

  it('finds something for the selectors that should match', async () => {
    const { ours } = await both({ selector: { name: { $regex: '^Ann' } } });
    expect(ours.length).toBeGreaterThan(0);
  });
});

const sorts: [string, MangoQuery<Person>['sort']][] = [
  ['one indexed field', [{ age: 'asc' }]],
  ['one indexed field descending', [{ age: 'desc' }]],
  ['compound index order', [{ status: 'asc' }, { receivedAt: 'asc' }]],
  ['nested field then number descending', [{ 'address.city': 'asc' }, { receivedAt: 'desc' }]],
  ['mixed directions on three fields', [{ status: 'desc' }, { age: 'asc' }, { name: 'desc' }]],
  ['non-indexed nested field', [{ 'address.postcode': 'asc' }]],
  ['non-ASCII names', [{ name: 'asc' }]],
  ['all descending along an index (reverse scan)', [{ age: 'desc' }, { id: 'desc' }]],
  ['all descending along a compound index (reverse scan)', [{ status: 'desc' }, { receivedAt: 'desc' }, { id: 'desc' }]],
];

describe('multi-field sorts, skip and limit match the reference storage', () => {
  it.each(sorts)('sort by %s', async (_label, sort) => {
    await expectSameAsReference({ selector: {}, sort: sort ?? [] });
    await expectSameAsReference({ selector: { age: { $gte: 18 } }, sort: sort ?? [] });
  });

  it.each([
    [0, 10],
    [5, 20],
    [1990, 50],
    [2500, 10],
  ])('skip %i, limit %i on an indexed and a non-indexed sort', async (skip, limit) => {
    const indexed = await expectSameAsReference({ selector: {}, sort: [{ age: 'asc' }], skip, limit });
    await expectSameAsReference({ selector: { tags: 'refund' } as never, sort: [{ 'address.postcode': 'desc' }], skip, limit });
    expect(indexed.length).toBe(Math.max(0, Math.min(limit, people.length - skip)));
  });

  it('newest first within one status, paged (reverse scan with a fixed field)', async () => {
    for (const [skip, limit] of [
      [0, 50],
      [50, 50],
      [600, 100],
    ] as const) {
      await expectSameAsReference({ selector: { status: 'pending' }, sort: [{ receivedAt: 'desc' }, { id: 'desc' }], skip, limit });
      await expectSameAsReference({ selector: { status: 'open', age: { $gt: 40 } }, sort: [{ receivedAt: 'desc' }, { id: 'desc' }], skip, limit });
    }
  });

  it('limit 0 returns nothing', async () => {
    expect((await both({ selector: {}, limit: 0 })).ours).toEqual([]);
  });
});

describe('random queries (property-based) match the reference storage', () => {
  const field = fc.constantFrom('age', 'status', 'address.city', 'name', 'receivedAt');
  const value = (name: string) => {
    switch (name) {
      case 'age':
        return fc.integer({ min: -5, max: 95 });
      case 'status':
        return fc.constantFrom('open', 'pending', 'closed');
      case 'address.city':
        return fc.constantFrom('London', 'Riga', 'Leeds', 'Liepāja', 'Nowhere');
      case 'receivedAt':
        return fc.integer({ min: 0, max: 1000 }).map((day) => 1_700_000_000_000 + day * 86_400_000);
      default:
        return fc.constantFrom('Ann Smith', 'Bob', 'Jānis Bērziņš', 'Zoë Brown', '😀');
    }
  };
  const condition = field.chain((name) =>
    fc.tuple(fc.constant(name), fc.constantFrom('$eq', '$ne', '$gt', '$gte', '$lt', '$lte'), value(name)).map(([f, op, v]) => ({ [f]: { [op]: v } })),
  );
  const query = fc.record({
    conditions: fc.array(condition, { minLength: 0, maxLength: 3 }),
    sortField: field,
    direction: fc.constantFrom('asc' as const, 'desc' as const),
    skip: fc.integer({ min: 0, max: 30 }),
    limit: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
  });

  it('for 60 generated queries', async () => {
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const mango: MangoQuery<Person> = {
          selector: q.conditions.length > 0 ? { $and: q.conditions } : {},
          sort: [{ [q.sortField]: q.direction } as never],
          skip: q.skip,
          ...(q.limit ? { limit: q.limit } : {}),
        };
        const { ours, reference } = await both(mango);
        expect(ours).toEqual(reference);
      }),
      { numRuns: 60, seed: 20261125 },
    );
  });
});

describe('reactive RxDB queries', () => {
  it('update when documents are inserted, changed and removed', async () => {
    const query = sqlite.people.find({ selector: { 'address.city': 'Cēsis' }, sort: [{ age: 'asc' }] });
    const seen: string[][] = [];
    const subscription = query.$.subscribe((docs) => seen.push(docs.map((doc) => doc.id)));
    // Wait for the query to emit, however busy the machine is.
    const waitFor = (predicate: () => boolean) => vi.waitFor(() => expect(predicate()).toBe(true), { timeout: 30_000, interval: 10 });
    await waitFor(() => seen.length === 1);
    const base = makePeople(1, 7)[0] as Person;
    await sqlite.people.insert({ ...base, id: 'reactive-1', age: 50, address: { city: 'Cēsis', postcode: 'LV-4101' } });
    await waitFor(() => JSON.stringify(seen.at(-1)) === JSON.stringify(['reactive-1']));
    await sqlite.people.insert({ ...base, id: 'reactive-2', age: 20, address: { city: 'Cēsis', postcode: 'LV-4101' } });
    await waitFor(() => JSON.stringify(seen.at(-1)) === JSON.stringify(['reactive-2', 'reactive-1']));
    await (await sqlite.people.findOne('reactive-1').exec())?.patch({ age: 10 });
    await waitFor(() => JSON.stringify(seen.at(-1)) === JSON.stringify(['reactive-1', 'reactive-2']));
    await (await sqlite.people.findOne('reactive-2').exec())?.remove();
    await waitFor(() => JSON.stringify(seen.at(-1)) === JSON.stringify(['reactive-1']));
    subscription.unsubscribe();
  });
});

describe('index key encoding', () => {
  it('orders keys bytewise exactly as JavaScript orders strings, including non-ASCII and emoji', async () => {
    const { toSortableBlob } = await import('./table-layout');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const expected = a < b ? -1 : a > b ? 1 : 0;
        expect(Math.sign(Buffer.compare(toSortableBlob(a), toSortableBlob(b)))).toBe(expected);
      }),
      { numRuns: 5000 },
    );
    expect(Buffer.compare(toSortableBlob('\uffff'), toSortableBlob('😀'))).toBe(1); // JS: '\uffff' > '\ud83d'
  });
});
