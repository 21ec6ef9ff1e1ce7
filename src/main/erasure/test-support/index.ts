/**
 * Issue 14 test support: a complainant with personal data in every place Plaint keeps it (the
 * case, notes, communications, inquiries, the resolution, a letter in with a scan, a letter out
 * as a PDF), and the whole stored database as text to search for it.
 */
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { PDF } from '../../files/test-support/scan-files';
import type { TestDomain } from '../../domain/test-support';

/** An in-process test domain or a device process: both call the API and move their clock. */
export interface Caller {
  call: TestDomain['call'];
  setClock(at: string): Promise<void> | void;
}

export const inProcess = (t: TestDomain): Caller => ({ call: (method, input) => t.call(method, input), setClock: (at) => t.clock.set(at) });

export const PERSON = {
  name: 'Margarēta Hālija',
  email: 'margareta.halija@example.org',
  phone: '+44 161 496 0123',
  postcode: 'M1 1AE',
  street: '12 Milton Road',
};

/** What must be gone after the erasure, anywhere in the stored data (accents kept and removed). */
export const PERSONAL_STRINGS = [
  PERSON.name,
  'Margareta',
  'Halija',
  'Hālija',
  PERSON.email,
  '496 0123',
  '4960123',
  'Milton Road',
  'her neighbour Tomasz',
  'Tomasz',
  'RR123456785GB',
];

/** A PDF scan whose bytes are the person's own (the content must go, not only the name). */
export const PERSONAL_SCAN = Buffer.concat([PDF.subarray(0, 9), Buffer.from('% Margareta Halija signed letter\n', 'latin1'), PDF.subarray(9)]);

export interface PersonalCase {
  readonly caseId: string;
  readonly reference: string;
  readonly letterId: string;
  readonly outgoingLetterId: string;
}

/** A case closed on 2026-12-22 with personal data everywhere, through the API as the renderer calls it. */
export async function personalCase(domain: TestDomain | Caller): Promise<PersonalCase> {
  const t = 'clock' in domain ? inProcess(domain) : domain;
  await t.setClock('2026-12-16T10:00:00.000Z');
  const letter = await t.call('post.logIncoming', {
    receivedOn: '2026-12-16',
    // Issue 18: the letter gives her e-mail address and telephone number too; the erasure must reach them.
    sender: {
      name: PERSON.name,
      addressLines: [PERSON.street, 'Manchester'],
      postcode: PERSON.postcode,
      country: 'GB',
      email: PERSON.email,
      phone: PERSON.phone,
    },
    kind: 'new-complaint',
    type: 'product',
    summary: `${PERSON.name} writes that the monitor broke`,
    note: 'Envelope addressed by her neighbour Tomasz',
    scans: [{ name: 'halija-letter.pdf', mimeType: 'application/pdf', dataBase64: PERSONAL_SCAN.toString('base64') }],
  });
  const caseId = letter.caseId ?? '';
  const before = (await t.call('cases.get', { caseId })).case;
  await t.call('cases.updateDetails', {
    caseId,
    changes: {
      complainant: {
        ...before.complainant,
        address: before.complainant.address ? { ...before.complainant.address, lines: [...before.complainant.address.lines] } : null,
        email: PERSON.email,
        phone: PERSON.phone,
        preferredChannel: 'email',
      },
      description: `Bought for her neighbour Tomasz; call ${PERSON.phone}`,
      desiredOutcome: `Refund to ${PERSON.email}`,
    },
  });
  await t.call('cases.addNote', { caseId, text: `Spoke to ${PERSON.name} about her neighbour Tomasz` });
  await t.call('cases.addCommunication', { caseId, direction: 'in', channel: 'email', at: '2026-12-16T09:30:00.000Z', summary: `E-mail from ${PERSON.email}` });
  await t.setClock('2026-12-17T12:00:00.000Z');
  await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-17T11:30:00.000Z', channel: 'email' } });
  await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-12-17T12:00:00.000Z' } });
  await t.call('cases.act', {
    caseId,
    action: {
      type: 'askThirdParty',
      at: '2026-12-17T12:00:00.000Z',
      partyKind: 'testing-laboratory',
      partyName: 'MedLab Ltd',
      question: `Is ${PERSON.name}'s unit faulty?`,
    },
  });
  const inquiryId = (await t.call('cases.get', { caseId })).case.openInquiries[0]?.id ?? '';
  await t.setClock('2026-12-22T10:00:00.000Z');
  await t.call('cases.act', {
    caseId,
    action: { type: 'recordThirdPartyResponse', at: '2026-12-22T09:00:00.000Z', inquiryId, response: `Unit of Margareta Halija is faulty` },
  });
  await t.call('cases.act', {
    caseId,
    action: {
      type: 'communicateResolution',
      rootCauseId: 'courier-handling',
      at: '2026-12-22T10:00:00.000Z',
      channel: 'email',
      summary: `Replacement sent to ${PERSON.street}`,
      outcome: 'upheld',
      redress: [{ kind: 'refund', amountMinor: 2500, currency: 'GBP', description: `Refund to ${PERSON.name}` }],
    },
  });
  const { text } = await t.call('post.draftLetter', { caseId, template: 'stage1-resolution', language: 'en-GB' });
  const outgoing = await t.call('post.finaliseLetter', { caseId, template: 'stage1-resolution', language: 'en-GB', text });
  await t.call('post.logPosting', { letterId: outgoing.id, postedOn: '2026-12-22', postClass: 'signed-for', trackingNumber: 'RR123456785GB' });
  await t.call('cases.act', {
    caseId,
    action: { type: 'close', at: '2026-12-22T10:00:00.000Z', rootCauseNote: 'Faulty sensor batch', lessonsLearned: 'Test batches before dispatch' },
  });
  const reference = (await t.call('cases.get', { caseId })).case.reference;
  return { caseId, reference, letterId: letter.id, outgoingLetterId: outgoing.id };
}

/** Every row of every table of a closed profile's database (documents, indexes, full-text tables), as text. */
export function storedText(directory: string): string {
  const db = new Database(path.join(directory, 'plaint.sqlite'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
    return tables
      .map((table) =>
        (db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[])
          .map((row) =>
            Object.values(row)
              .map((value) => (Buffer.isBuffer(value) ? value.toString('latin1') + value.toString('utf8') : String(value)))
              .join('\u0001'),
          )
          .join('\n'),
      )
      .join('\n');
  } finally {
    db.close();
  }
}
