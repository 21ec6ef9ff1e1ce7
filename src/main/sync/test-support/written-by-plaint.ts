/**
 * What a working device writes, for the tests that hold shared documents to the rules sync and
 * the server guard apply (issues 11 and 13): a letter with a scan that opens a case, acknowledged
 * and answered by a posted letter, a telephone case, an access-log entry (P-7.2), a saved view and
 * a device code. One home, so both sets of rules are proved against the same documents.
 */
import type { RxDatabase } from 'rxdb';
import { phoneComplaint, type TestDomain } from '../../domain/test-support';
import { PNG } from '../../files/test-support/scan-files';
import { claimDeviceCode, type DeviceCodeCollection } from '../device-codes';
import { REPLICATED_COLLECTIONS } from '../replicated-collections';

/** Through the API as a renderer would: the post, the workflow, a case opened and a view saved. */
export async function writeOneOfEach(t: TestDomain): Promise<void> {
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
}

/** Claims a device code, then every document of every replicated collection, as the device holds it. */
export async function replicatedDocuments(t: TestDomain): Promise<Record<string, Record<string, unknown>[]>> {
  const domain = t.services.domain;
  if (!domain) throw new Error('no domain');
  const database = domain.db as unknown as RxDatabase;
  await claimDeviceCode(database.collections['deviceCodes'] as DeviceCodeCollection, domain.identity, () => t.clock.now());
  const documents: Record<string, Record<string, unknown>[]> = {};
  for (const { collection } of REPLICATED_COLLECTIONS)
    documents[collection] = ((await database.collections[collection]?.find().exec()) ?? []).map((document) => document.toJSON() as Record<string, unknown>);
  return documents;
}
