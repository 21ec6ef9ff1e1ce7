/**
 * The server guard never refuses what Plaint itself writes (issue 13): every shared document a
 * working device holds (demo cases through the workflow, letters with scans, a posted letter,
 * settings, staff, saved views, a device code) passes the generated validate_doc_update, written
 * as new by a CouchDB user linked to the accounts it names. A guard stricter than the app would
 * stop a team's sync with refusals nobody can fix.
 */
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../domain/demo/seed-demo';
import { startTestDomain, type TestDomain } from '../../domain/test-support';
import { toCouch } from '../couch/couch-protocol';
import { REPLICATED_COLLECTIONS } from '../replicated-collections';
import { replicatedDocuments, writeOneOfEach } from '../test-support/written-by-plaint';
import { guardDesignDocument } from './guard-source';

let t: TestDomain;
const shared: Record<string, Record<string, unknown>[]> = {};

beforeAll(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
  const domain = t.services.domain;
  if (!domain) throw new Error('no domain');
  await seedDemoCases(domain, t.clock, 60);
  await t.call('settings.updateCalendar', { region: 'LV', timeZone: 'Europe/Riga', closures: ['2026-12-28'] });
  await t.call('settings.setDepartments', { departments: ['Billing', 'Pharmacy'] });
  await t.call('staff.save', { name: 'Ann Clerk', login: 'ann', email: 'ann@example.org', roles: ['clerk'], active: true });
  await writeOneOfEach(t);
  for (const [collection, documents] of Object.entries(await replicatedDocuments(t))) shared[collection] = documents.map((document) => toCouch(document, 'id'));
}, 120_000);

afterAll(async () => {
  await t.close();
});

/** Every `{id, name}` a document names (its actors), as `plaint-account:` roles. */
function accountsNamedIn(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => accountsNamedIn(item, found));
  else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record['id'] === 'string' && typeof record['name'] === 'string' && Object.keys(record).length === 2) found.add(record['id']);
    Object.values(record).forEach((item) => accountsNamedIn(item, found));
  }
  return found;
}

describe('the server guard accepts everything Plaint writes', () => {
  it.each(REPLICATED_COLLECTIONS.map((spec) => spec.collection))('%s', (collection) => {
    const validate = vm.runInNewContext(`(${guardDesignDocument(collection).validate_doc_update})`, {}) as (
      newDoc: object,
      oldDoc: null,
      userCtx: object,
      secObj: object,
    ) => void;
    const documents = shared[collection] ?? [];
    expect(documents.length).toBeGreaterThan(0);
    const refused = documents.flatMap((document) => {
      const accounts = [
        ...accountsNamedIn(document),
        ...(typeof document['staffId'] === 'string' ? [document['staffId']] : []),
        ...(typeof document['accountId'] === 'string' ? [document['accountId']] : []),
      ];
      const userCtx = {
        name: 'writer',
        roles: ['plaint:administrator', 'plaint-account:this-device-user', ...accounts.map((account) => `plaint-account:${account}`)],
      };
      try {
        validate(document, null, userCtx, {});
        return [];
      } catch (error) {
        return [`${String(document['_id'])}: ${String((error as { forbidden?: string }).forbidden ?? error)}`];
      }
    });
    expect(refused).toEqual([]);
  });
});
