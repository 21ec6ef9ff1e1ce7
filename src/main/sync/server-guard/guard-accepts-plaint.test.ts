/**
 * The server guard never refuses what Plaint itself writes (issue 13): every shared document a
 * working device holds (demo cases through the workflow, letters with scans, a posted letter,
 * settings, staff, saved views, a device code) passes the generated validate_doc_update, written
 * as new by a CouchDB user linked to the accounts it names. A guard stricter than the app would
 * stop a team's sync with refusals nobody can fix.
 */
import vm from 'node:vm';
import type { RxDatabase } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../domain/demo/seed-demo';
import { phoneComplaint, startTestDomain, type TestDomain } from '../../domain/test-support';
import { PNG } from '../../files/test-support/scan-files';
import { toCouch } from '../couch/couch-protocol';
import { claimDeviceCode, type DeviceCodeCollection } from '../device-codes';
import { REPLICATED_COLLECTIONS } from '../replicated-collections';
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
  const letter = await t.call('post.logIncoming', {
    receivedOn: '2026-11-23',
    sender: { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' },
    kind: 'new-complaint',
    type: 'product',
    summary: 'Leaking bottle',
    scans: [{ name: 'scan.png', mimeType: 'image/png', dataBase64: PNG.toString('base64') }],
  });
  const caseId = letter.caseId ?? '';
  await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-23T09:00:00.000Z', channel: 'letter' } });
  const { text } = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'en-GB' });
  const finalised = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'en-GB', text });
  await t.call('post.logPosting', { letterId: finalised.id, postedOn: '2026-11-23', postClass: 'signed-for', trackingNumber: 'AB123' });
  await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
  // Opening a case writes an access-log entry (P-7.2).
  await t.call('cases.get', { caseId });
  await t.call('caseViews.save', {
    name: 'My billing cases',
    filters: { open: true, types: ['billing'] },
    sort: { field: 'nextDueAt', direction: 'asc' },
    search: '',
  });
  const database = domain.db as unknown as RxDatabase;
  await claimDeviceCode(database.collections['deviceCodes'] as DeviceCodeCollection, domain.identity, () => t.clock.now());
  for (const { collection } of REPLICATED_COLLECTIONS) {
    shared[collection] = ((await database.collections[collection]?.find().exec()) ?? []).map((document) =>
      toCouch(document.toJSON() as Record<string, unknown>, 'id'),
    );
  }
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
