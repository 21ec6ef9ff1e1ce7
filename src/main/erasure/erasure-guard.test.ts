/**
 * Issue 14: the team server's guard accepts every write an erasure makes (the anonymised case,
 * the redacted timeline, the erased letters, the emptied scans and PDFs, the register), written
 * over the server's earlier copies by the administrator who erased; the same rewrites of records
 * written once from a manager who is not an administrator are refused. Otherwise an erasure
 * would stop at the server and leave the personal data there.
 */
import vm from 'node:vm';
import type { RxDatabase } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { toCouch } from '../sync/couch/couch-protocol';
import { REPLICATED_COLLECTIONS } from '../sync/replicated-collections';
import { guardDesignDocument } from '../sync/server-guard/guard-source';
import { personalCase } from './test-support';

type Doc = Record<string, unknown>;
let t: TestDomain;
const changed: { collection: string; before: Doc | null; after: Doc }[] = [];

async function shared(): Promise<Map<string, Doc>> {
  const database = t.services.domain!.db as unknown as RxDatabase;
  const all = new Map<string, Doc>();
  for (const { collection } of REPLICATED_COLLECTIONS) {
    for (const document of (await database.collections[collection]?.find().exec()) ?? []) {
      const couch = toCouch(document.toJSON() as Doc, 'id');
      all.set(`${collection}/${String(couch['_id'])}`, couch);
    }
  }
  return all;
}

beforeAll(async () => {
  t = await startTestDomain('2026-12-16T10:00:00.000Z');
  const person = await personalCase(t);
  t.clock.set('2027-01-10T10:00:00.000Z');
  const before = await shared();
  await t.call('erasure.erase', { caseIds: [person.caseId], letterIds: [person.letterId], reason: 'Erasure request, ticket 2027-004' });
  for (const [key, after] of await shared()) {
    const earlier = before.get(key) ?? null;
    if (JSON.stringify(earlier) !== JSON.stringify(after)) changed.push({ collection: key.split('/')[0]!, before: earlier, after });
  }
}, 120_000);

afterAll(async () => {
  await t.close();
});

function verdict(collection: string, roles: string[], before: Doc | null, after: Doc): string | null {
  const validate = vm.runInNewContext(`(${guardDesignDocument(collection).validate_doc_update})`, {}) as (
    newDoc: Doc,
    oldDoc: Doc | null,
    userCtx: object,
    secObj: object,
  ) => void;
  try {
    validate(structuredClone(after), before ? structuredClone(before) : null, { name: 'writer', roles }, {});
    return null;
  } catch (error) {
    return String((error as { forbidden?: unknown }).forbidden);
  }
}

describe('the server guard and an erasure (issue 14)', () => {
  it('accepts every document the erasure rewrote, from the administrator who erased', () => {
    expect(new Set(changed.map((entry) => entry.collection))).toEqual(new Set(['cases', 'timeline', 'letters', 'files', 'fileChunks', 'settings']));
    const admin = ['plaint:administrator', 'plaint:manager', `plaint-account:${t.me()}`];
    expect(
      changed
        .map((entry) => ({ id: entry.after['_id'], refused: verdict(entry.collection, admin, entry.before, entry.after) }))
        .filter((entry) => entry.refused),
    ).toEqual([]);
  });

  it('refuses the rewrites of records written once from someone who is not an administrator', () => {
    const manager = ['plaint:manager', 'plaint:caseworker', `plaint-account:${t.me()}`];
    const writtenOnce = changed.filter((entry) => ['timeline', 'files', 'fileChunks'].includes(entry.collection) && entry.before);
    expect(writtenOnce.length).toBeGreaterThan(5);
    for (const entry of writtenOnce) expect(verdict(entry.collection, manager, entry.before, entry.after)).toContain('only a Plaint administrator erases');
  });
});
