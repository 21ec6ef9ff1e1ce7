/**
 * Issue 14, subject-access export (P-7.2; UK GDPR right of access), through the API as the
 * renderer calls it. Two people with similar names are seeded: Anna Bērziņa (two cases, notes,
 * letters in and out, scans) and Annija Bērziņa (a case, a note, a letter with a scan). The
 * administrator finds both, confirms Anna's matches, withholds a staff-only note and a note about
 * a third party, and exports. The archive opens with fflate and holds everything about Anna and
 * nothing about Annija; what was withheld is listed by reason and is absent from the PDF and JSON;
 * a single case field can be withheld too; the export is in the access log (P-7.2). Bad input, other roles, a restricted case (P-7.1) and a
 * failure part-way leave no archive and no log entry.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { RxDatabase } from 'rxdb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { phoneComplaint, startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import { pdfText } from '../post-room/pdf-text';
import type { ApiInput } from '../../shared/api/contract';
import { collectionOf } from '../database/collection-of';
import type { FileChunk } from '../files/file-store';
import { JPEG, PNG } from '../files/test-support/scan-files';
import { anna, annija } from './test-support/people';

let t: TestDomain;
let out: string;

const scanPdf = (marker: string) => Buffer.from(`%PDF-1.4\n% ${marker}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
const scan = (name: string, data: Buffer) => ({ name, mimeType: '', dataBase64: data.toString('base64') });

const annaSender = { name: 'Anna Berzina', addressLines: ['Brīvības iela 1', 'Rīga'], postcode: 'LV-1010', country: 'LV' };
const annijaSender = { name: 'Annija Bērziņa', addressLines: ['Dzirnavu iela 5', 'Rīga'], postcode: 'LV-1050', country: 'LV' };

const STAFF_NOTE = 'Staff only: Mara is off sick, Pēteris covers';
const THIRD_PARTY_NOTE = 'Her neighbour Mr Ozols says the parcel was left at his door';

interface Seeded {
  annaCases: string[];
  annaReferences: string[];
  annijaCase: string;
  annijaReference: string;
  staffNoteId: string;
  thirdPartyNoteId: string;
  annaScans: Buffer[];
}
let seeded: Seeded;

async function seed(): Promise<Seeded> {
  const received = '2026-11-23T08:00:00.000Z';
  const first = await t.call('cases.create', { ...phoneComplaint, receivedAt: received, complainant: anna });
  await t.call('cases.addNote', { caseId: first.caseId, text: 'Called Anna back about the cuff' });
  await t.call('cases.addNote', { caseId: first.caseId, text: STAFF_NOTE });
  await t.call('cases.addNote', { caseId: first.caseId, text: THIRD_PARTY_NOTE });
  const annaScans = [scanPdf('ANNA-SCAN-ONE'), scanPdf('ANNA-SCAN-TWO')];
  await t.call('post.logIncoming', {
    receivedOn: '2026-11-24',
    sender: annaSender,
    referenceQuoted: first.reference,
    kind: 'correspondence',
    summary: 'Anna sends the receipt',
    scans: [scan('receipt.pdf', annaScans[0]!)],
  });
  const { text } = await t.call('post.draftLetter', { caseId: first.caseId, template: 'acknowledgement', language: 'en-GB' });
  await t.call('post.finaliseLetter', { caseId: first.caseId, template: 'acknowledgement', language: 'en-GB', text });
  const second = await t.call('post.logIncoming', {
    receivedOn: '2026-11-24',
    sender: annaSender,
    kind: 'new-complaint',
    type: 'service',
    summary: 'Anna complains about the courier',
    scans: [scan('anna-letter.pdf', annaScans[1]!)],
  });

  const other = await t.call('cases.create', { ...phoneComplaint, receivedAt: received, complainant: annija });
  await t.call('cases.addNote', { caseId: other.caseId, text: 'Annija wants a refund to her card' });
  await t.call('post.logIncoming', {
    receivedOn: '2026-11-24',
    sender: annijaSender,
    referenceQuoted: other.reference,
    kind: 'correspondence',
    summary: 'Annija sends photos',
    scans: [scan('annija.pdf', scanPdf('ANNIJA-SCAN'))],
  });

  const timeline = (await t.call('cases.get', { caseId: first.caseId })).timeline;
  const noteId = (words: string) => timeline.find((entry) => entry.kind === 'note' && (entry.data as { text: string }).text === words)!.id;
  return {
    annaCases: [first.caseId, second.caseId!],
    annaReferences: [first.reference, second.caseReference!],
    annijaCase: other.caseId,
    annijaReference: other.reference,
    staffNoteId: noteId(STAFF_NOTE),
    thirdPartyNoteId: noteId(THIRD_PARTY_NOTE),
    annaScans,
  };
}

beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z');
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-sar-out-'));
  seeded = await seed();
});

afterEach(async () => {
  vi.restoreAllMocks();
  await t.close();
  fs.rmSync(out, { recursive: true, force: true });
});

const withheld = () =>
  [
    { kind: 'timeline', id: seeded.staffNoteId, action: 'exclude', reason: 'About a member of staff only' },
    { kind: 'timeline', id: seeded.thirdPartyNoteId, action: 'redact', reason: 'Concerns a third party' },
  ] as const;

const exportInput = (destination: string, extra: Partial<ApiInput<'people.export'>> = {}): ApiInput<'people.export'> => ({
  caseIds: seeded.annaCases,
  letterIds: [],
  subjectName: 'Anna Bērziņa',
  withheld: [...withheld()],
  destination,
  ...extra,
});

async function exportedLog() {
  return (await t.call('accessLog.query', {})).filter((entry) => entry.action === 'exported');
}

describe('people.review (issue 14): what an export would hold, for the administrator to withhold', () => {
  it('after people.find shows both similar names, the review of Anna’s matches holds only her cases, timelines, letters and files', async () => {
    const found = await t.call('people.find', { name: 'Berzina' });
    // Both are found by the surname; their postcodes (and e-mail, phone) tell them apart.
    expect(found.cases.map((entry) => [entry.complainantName, entry.postcode]).sort()).toEqual([
      ['Anna Berzina', 'LV-1010'],
      ['Anna Bērziņa', 'LV-1010'],
      ['Annija Bērziņa', 'LV-1050'],
    ]);
    // Seeding opened Anna's first case; an hour on, the review is a new visit (access-log.ts VISIT_MS).
    t.clock.advanceHours(1);
    const review = await t.call('people.review', { caseIds: seeded.annaCases });
    expect(review.cases.map((entry) => entry.reference).sort()).toEqual([...seeded.annaReferences].sort());
    expect(review.cases[0]!.timeline.map((entry) => entry.text)).toEqual(
      expect.arrayContaining([STAFF_NOTE, THIRD_PARTY_NOTE, 'Called Anna back about the cuff']),
    );
    expect(review.letters).toHaveLength(3);
    // The case's own free-text fields are shown too, each of which can be withheld.
    const firstCase = review.cases.find((entry) => entry.caseId === seeded.annaCases[0])!;
    expect(firstCase.fields).toEqual([
      { field: 'description', text: 'The customer says the monitor shows an error after seven days of use.' },
      { field: 'desiredOutcome', text: 'Replacement' },
    ]);
    expect(review.letters.flatMap((letter) => letter.files.map((file) => file.name)).sort()).toEqual(
      ['anna-letter.pdf', expect.stringMatching(/acknowledgement\.pdf$/), 'receipt.pdf'].sort(),
    );
    expect(JSON.stringify(review)).not.toMatch(/Annija|annija|ANNIJA/);
    // The review shows whole timelines: it is logged as opening Anna's cases, and only hers (P-7.2).
    const opened = (await t.call('accessLog.query', {})).filter((entry) => entry.detail === 'Subject-access review');
    expect(opened.map((entry) => [entry.action, entry.caseReference]).sort()).toEqual(seeded.annaReferences.map((reference) => ['opened', reference]).sort());
  });

  it('refuses an empty selection, an unknown case and a case the administrator may not open (P-7.1)', async () => {
    expect(await t.fail('people.review', {})).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ code: 'subject_access_nothing_selected' }] });
    expect(await t.fail('people.review', { caseIds: ['no-such-case'] })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'caseIds.0', code: 'not_found' }],
    });
    const annijaLetter = (await t.call('post.list', {})).find((letter) => letter.caseId === seeded.annijaCase)!;
    const manager = await t.addAccount({ name: 'Mara Manager', login: 'mara', roles: ['manager'] });
    await t.callAs(testViewer(manager, ['manager']), 'cases.restrict', {
      caseId: seeded.annijaCase,
      restrictedTo: [manager],
      reason: 'A complaint about a member of staff',
    });
    expect(await t.fail('people.review', { caseIds: [seeded.annijaCase] })).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'case_not_visible' }] });
    // A letter filed on that case is seen only with its case (P-7.1); an unknown letter is refused.
    expect(await t.fail('people.review', { letterIds: [annijaLetter.id] })).toMatchObject({
      code: 'FORBIDDEN',
      issues: [{ path: 'letterIds.0', code: 'case_not_visible' }],
    });
    expect(await t.fail('people.review', { letterIds: ['no-such-letter'] })).toMatchObject({
      code: 'NOT_FOUND',
      issues: [{ path: 'letterIds.0', code: 'not_found' }],
    });
  });
});

describe('people.export (issue 14): one archive with everything about the person and nothing about another', () => {
  it('writes a zip that opens with fflate: summary.pdf, records.json and the original scans and letters', async () => {
    const destination = path.join(out, 'anna-berzina.zip');
    const result = await t.call('people.export', exportInput(destination));
    expect(result).toMatchObject({ path: destination, cases: 2, letters: 3, files: 3, withheld: 2 });
    expect(fs.readdirSync(out)).toEqual(['anna-berzina.zip']); // no partial file left beside it

    const archive = unzipSync(new Uint8Array(fs.readFileSync(destination)));
    const names = Object.keys(archive).sort();
    expect(names).toEqual(expect.arrayContaining(['records.json', 'summary.pdf']));
    const records = JSON.parse(strFromU8(archive['records.json']!)) as {
      format: string;
      subject: string;
      cases: {
        id: string;
        reference: string;
        complainant: { name: string; email: string };
        timeline: { id: string; text?: string; redacted?: { reason: string } }[];
      }[];
      letters: { id: string; files?: { path: string; sha256: string }[] }[];
      withheld: { kind: string; id: string; action: string; reason: string }[];
    };
    expect(records).toMatchObject({ format: 'plaint-subject-access/1', subject: 'Anna Bērziņa' });

    // Everything about Anna: both cases, every timeline entry but the one excluded, every letter and file.
    expect(records.cases.map((entry) => entry.reference).sort()).toEqual([...seeded.annaReferences].sort());
    expect(records.cases.map((entry) => entry.complainant.name).sort()).toEqual(['Anna Berzina', 'Anna Bērziņa']);
    for (const caseId of seeded.annaCases) {
      const all = (await t.call('cases.get', { caseId })).timeline.map((entry) => entry.id).filter((id) => id !== seeded.staffNoteId);
      expect(
        records.cases
          .find((entry) => entry.id === caseId)!
          .timeline.map((entry) => entry.id)
          .sort(),
      ).toEqual(all.sort());
    }
    expect(records.letters).toHaveLength(3);
    const filed = records.letters.flatMap((letter) => letter.files ?? []);
    expect(filed).toHaveLength(3);
    for (const file of filed) expect(names).toContain(file.path);
    const contents = filed.map((file) => Buffer.from(archive[file.path]!));
    for (const original of seeded.annaScans) expect(contents.some((content) => content.equals(original))).toBe(true);
    const generated = contents.find((content) => !seeded.annaScans.some((original) => content.equals(original)))!;
    expect(await pdfText(generated)).toContain(seeded.annaReferences[0]);

    // Withheld: listed with the reason, never the content; the redacted entry keeps its place.
    expect(records.withheld.map((entry) => [entry.id, entry.action, entry.reason])).toEqual(
      expect.arrayContaining([
        [seeded.staffNoteId, 'exclude', 'About a member of staff only'],
        [seeded.thirdPartyNoteId, 'redact', 'Concerns a third party'],
      ]),
    );
    const redacted = records.cases.flatMap((entry) => entry.timeline).find((entry) => entry.id === seeded.thirdPartyNoteId)!;
    expect(redacted).toEqual(expect.objectContaining({ redacted: { reason: 'Concerns a third party' } }));
    expect(redacted.text).toBeUndefined();

    const json = strFromU8(archive['records.json']!);
    const summary = await pdfText(archive['summary.pdf']!);
    expect(summary).toContain('Anna Bērziņa');
    expect(summary).toContain('Called Anna back about the cuff');
    expect(summary).toContain('Status: Received');
    for (const reference of seeded.annaReferences) expect(summary).toContain(reference);
    expect(summary).toContain('Concerns a third party');
    for (const text of [json, summary, ...contents.map((content) => content.toString('latin1'))]) {
      // Nothing about a different person with a similar name…
      expect(text).not.toMatch(/Annija|annija|ANNIJA/);
      expect(text).not.toContain(seeded.annijaReference);
      // …and nothing withheld.
      expect(text).not.toContain('Mara is off sick');
      expect(text).not.toContain('Mr Ozols');
    }
  });

  it('withholds a single field of a case with a reason: absent from the PDF and the JSON, listed by case, field and reason', async () => {
    const description = 'The customer says the monitor shows an error after seven days of use.';
    const [first, second] = seeded.annaCases as [string, string];
    const destination = path.join(out, 'fields.zip');
    const result = await t.call(
      'people.export',
      exportInput(destination, {
        withheld: [],
        withheldFields: [{ caseId: first, field: 'description', reason: 'Internal assessment, not the complainant’s words' }],
      }),
    );
    expect(result.withheld).toBe(1);
    const archive = unzipSync(new Uint8Array(fs.readFileSync(destination)));
    const records = JSON.parse(strFromU8(archive['records.json']!)) as {
      cases: { id: string; description?: string; desiredOutcome?: string }[];
      withheld: { kind: string; id: string; field?: string; reason: string }[];
    };
    const [withheldCase, otherCase] = [first, second].map((id) => records.cases.find((entry) => entry.id === id)!);
    expect('description' in withheldCase!).toBe(false);
    expect(withheldCase!.desiredOutcome).toBe('Replacement');
    expect('description' in otherCase!).toBe(true);
    expect(records.withheld).toEqual([
      expect.objectContaining({
        kind: 'case-field',
        id: first,
        field: 'description',
        action: 'exclude',
        reason: 'Internal assessment, not the complainant’s words',
      }),
    ]);
    const summary = await pdfText(archive['summary.pdf']!);
    expect(summary).not.toContain(description);
    expect(strFromU8(archive['records.json']!)).not.toContain(description);
    expect(summary).toContain('field of the complaint: Description');
    expect(summary).toContain('Internal assessment, not the complainant’s words');
  });

  it('refuses a field of a case outside the export, and the same field twice, writing nothing', async () => {
    const destination = path.join(out, 'refused.zip');
    const outside = await t.fail(
      'people.export',
      exportInput(destination, { withheldFields: [{ caseId: seeded.annijaCase, field: 'rootCauseNote', reason: 'Internal' }] }),
    );
    expect(outside).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'withheldFields.0.caseId', code: 'subject_access_unknown_entry' }] });
    const field = { caseId: seeded.annaCases[0]!, field: 'rootCauseNote' as const, reason: 'Internal' };
    expect(await t.fail('people.export', exportInput(destination, { withheldFields: [field, field] }))).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ code: 'subject_access_withheld_twice' }],
    });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await exportedLog()).toEqual([]);
  });

  it('writes the export to the access log, once for each case it holds (P-7.2)', async () => {
    expect(await exportedLog()).toEqual([]);
    await t.call('people.export', exportInput(path.join(out, 'anna.zip')));
    const logged = await exportedLog();
    expect(logged.map((entry) => entry.caseReference).sort()).toEqual([...seeded.annaReferences].sort());
    expect(logged[0]!.detail).toMatch(/^Subject-access export/);
  });

  it('writes the summary in Latvian when asked', async () => {
    const destination = path.join(out, 'anna-lv.zip');
    await t.call('people.export', exportInput(destination, { language: 'lv' }));
    const summary = await pdfText(unzipSync(new Uint8Array(fs.readFileSync(destination)))['summary.pdf']!);
    expect(summary).toContain('Datu subjekta piekļuves eksports');
    expect(summary).toContain('Statuss: Saņemta');
  });

  it('is refused to everyone but administrators, and writes nothing (P-7.2)', async () => {
    const destination = path.join(out, 'refused.zip');
    for (const role of ['clerk', 'caseworker', 'manager'] as const) {
      expect((await t.failAs(testViewer(`x-${role}`, [role]), 'people.export', exportInput(destination))).code).toBe('FORBIDDEN');
      expect((await t.failAs(testViewer(`x-${role}`, [role]), 'people.review', { caseIds: seeded.annaCases })).code).toBe('FORBIDDEN');
    }
    expect((await t.failAs(null, 'people.export', exportInput(destination))).code).toBe('UNAUTHENTICATED');
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await exportedLog()).toEqual([]);
  });

  it.each([
    ['a relative path', () => ({ destination: 'anna.zip' }), 'destination', 'subject_access_not_absolute'],
    ['a name not ending in .zip', () => ({ destination: path.join(out, 'anna.pdf') }), 'destination', 'subject_access_not_zip'],
    ['a folder that does not exist', () => ({ destination: path.join(out, 'missing', 'anna.zip') }), 'destination', 'subject_access_folder_missing'],
    ['nothing selected', () => ({ caseIds: [] }), '', 'subject_access_nothing_selected'],
    [
      'a withheld entry without a reason',
      () => ({ withheld: [{ kind: 'timeline', id: seeded.staffNoteId, action: 'exclude', reason: '  ' }] }),
      'withheld.0.reason',
      'required',
    ],
    [
      'a file to redact',
      () => ({ withheld: [{ kind: 'file', id: 'x', action: 'redact', reason: 'Third party' }] }),
      'withheld.0.action',
      'subject_access_file_redact',
    ],
    ['the same entry withheld twice', () => ({ withheld: [...withheld(), withheld()[0]] }), 'withheld.2.id', 'subject_access_withheld_twice'],
    [
      'a withheld entry of another export (Annija’s)',
      () => ({ withheld: [{ kind: 'timeline', id: seeded.annijaCase, action: 'exclude', reason: 'Not hers' }] }),
      'withheld.0.id',
      'subject_access_unknown_entry',
    ],
    ['no subject name', () => ({ subjectName: '' }), 'subjectName', 'required'],
  ] as const)('refuses %s with a specific error, and writes nothing', async (_label, change, field, code) => {
    const error = await t.fail('people.export', exportInput(path.join(out, 'anna.zip'), change() as Partial<ApiInput<'people.export'>>));
    expect(error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: field, code })]));
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await exportedLog()).toEqual([]);
  });

  it('refuses to replace an existing file unless asked to, and then replaces it', async () => {
    const destination = path.join(out, 'anna.zip');
    fs.writeFileSync(destination, 'an older export');
    expect(await t.fail('people.export', exportInput(destination))).toMatchObject({ issues: [{ path: 'destination', code: 'subject_access_file_exists' }] });
    expect(fs.readFileSync(destination, 'utf8')).toBe('an older export');
    await t.call('people.export', exportInput(destination, { overwrite: true }));
    expect(Object.keys(unzipSync(new Uint8Array(fs.readFileSync(destination))))).toContain('records.json');
  });
});

describe('a case’s own files (issue 18; P-7.2): attached to a note, they are exported with the case', () => {
  it('lists them in the review, copies them byte for byte under the case in records.json and the summary, and withholds an excluded one by reason', async () => {
    const [caseId] = seeded.annaCases as [string, string];
    const reference = seeded.annaReferences[0]!;
    await t.call('cases.addNote', {
      caseId,
      text: 'Photos of the damage from Anna',
      attachments: [scan('damage.png', PNG), scan('neighbours-door.jpg', JPEG)],
    });

    const review = await t.call('people.review', { caseIds: seeded.annaCases });
    const reviewed = review.cases.find((entry) => entry.caseId === caseId)!;
    expect(reviewed.files.map((file) => file.name).sort()).toEqual(['damage.png', 'neighbours-door.jpg']);
    const door = reviewed.files.find((file) => file.name === 'neighbours-door.jpg')!;
    const reason = 'Shows a neighbour’s home, not Anna’s data';

    const destination = path.join(out, 'anna-case-files.zip');
    const result = await t.call(
      'people.export',
      exportInput(destination, { withheld: [...withheld(), { kind: 'file', id: door.id, action: 'exclude', reason }] }),
    );
    // The three letter files as before, and the case's photo; the excluded one is withheld.
    expect(result).toMatchObject({ files: 4, withheld: 3 });

    const archive = unzipSync(new Uint8Array(fs.readFileSync(destination)));
    const records = JSON.parse(strFromU8(archive['records.json']!)) as {
      cases: { id: string; files: { id: string; name: string; path: string | null; sha256: string }[] }[];
      withheld: { kind: string; id: string; action: string; reason: string; caseReference: string | null }[];
    };
    const exported = records.cases.find((entry) => entry.id === caseId)!;
    expect(exported.files.map((file) => file.name)).toEqual(['damage.png']);
    const photo = exported.files[0]!;
    expect(photo.path).toMatch(/^files\/\d{3}-damage\.png$/);
    expect(Buffer.from(archive[photo.path!]!).equals(PNG)).toBe(true);
    expect(records.cases.find((entry) => entry.id !== caseId)!.files).toEqual([]);

    // The excluded file: listed with its reason and case, and its bytes nowhere in the archive.
    expect(records.withheld).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'file', id: door.id, action: 'exclude', reason, caseReference: reference })]),
    );
    expect(Object.keys(archive).filter((name) => name.includes('neighbours-door'))).toEqual([]);
    expect(Object.values(archive).some((content) => Buffer.from(content).equals(JPEG))).toBe(false);

    const summary = await pdfText(archive['summary.pdf']!);
    expect(summary).toContain(`Files in the archive: ${photo.path}`);
    expect(summary.indexOf(photo.path!)).toBeGreaterThan(summary.indexOf(`Complaint ${reference}`));
    expect(summary.indexOf(photo.path!)).toBeLessThan(summary.indexOf('Letters'));
    expect(summary).toContain(reason);

    // The access log counts the case's file with the letters' (P-7.2).
    const logged = (await exportedLog()).map((entry) => entry.detail);
    expect(logged[0]).toContain('4 files, 3 withheld');
  });

  it('an excluded file is not named anywhere in the archive: its note says "a file withheld" (in the summary’s language), and the introduction names the case files', async () => {
    const [caseId] = seeded.annaCases as [string, string];
    await t.call('cases.addNote', {
      caseId,
      text: 'Photos of the damage from Anna',
      attachments: [scan('damage.png', PNG), scan('neighbours-door.jpg', JPEG)],
    });
    const review = await t.call('people.review', { caseIds: seeded.annaCases });
    const door = review.cases.find((entry) => entry.caseId === caseId)!.files.find((file) => file.name === 'neighbours-door.jpg')!;
    const decision = { kind: 'file', id: door.id, action: 'exclude', reason: 'Shows a neighbour’s home' } as const;

    for (const [language, withheldName, intro] of [
      ['en-GB', 'A file withheld', 'the files attached to your complaints, notes and messages'],
      ['lv', 'Neizpausts fails', 'faili, kas pievienoti jūsu sūdzībām, piezīmēm un ziņām'],
    ] as const) {
      const destination = path.join(out, `anna-withheld-name-${language}.zip`);
      await t.call('people.export', exportInput(destination, { language, withheld: [...withheld(), decision] }));
      const archive = unzipSync(new Uint8Array(fs.readFileSync(destination)));
      const json = strFromU8(archive['records.json']!);
      // The file's name is nowhere: not in the note's timeline entry, not in any file of the archive.
      expect(json).not.toContain('neighbours-door');
      for (const [name, content] of Object.entries(archive)) expect(`${name} ${strFromU8(content)}`, name).not.toContain('neighbours-door');
      const records = JSON.parse(json) as {
        cases: { id: string; timeline: { kind: string; data?: { text?: string; files?: { id: string; name: string; withheld?: boolean }[] } }[] }[];
      };
      const note = records.cases
        .find((entry) => entry.id === caseId)!
        .timeline.find((entry) => entry.kind === 'note' && entry.data?.text === 'Photos of the damage from Anna')!;
      expect(note.data?.files).toEqual([expect.objectContaining({ name: 'damage.png' }), { id: door.id, name: withheldName, withheld: true }]);
      const summary = await pdfText(archive['summary.pdf']!);
      expect(summary.replace(/\s+/g, ' ')).toContain(intro);
      expect(summary).not.toContain('neighbours-door');
    }
  });
});

describe('people.export is all or nothing', () => {
  it('a failure while the archive is written leaves no archive, no partial file and no access-log entry', async () => {
    const destination = path.join(out, 'anna.zip');
    vi.spyOn(fs, 'renameSync').mockImplementationOnce(() => {
      throw new Error('EIO: the disk went away');
    });
    expect(await t.fail('people.export', exportInput(destination))).toMatchObject({
      issues: [{ code: 'subject_access_write_failed', params: { path: destination } }],
    });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await exportedLog()).toEqual([]);
  });

  it('a disk that fails part-way through the archive leaves no partial file and no access-log entry', async () => {
    const destination = path.join(out, 'anna.zip');
    const write = fs.writeSync.bind(fs);
    let calls = 0;
    vi.spyOn(fs, 'writeSync').mockImplementation((...args: Parameters<typeof fs.writeSync>) => {
      calls += 1;
      if (calls > 2) throw new Error('ENOSPC: no space left on device');
      return write(...args);
    });
    expect(await t.fail('people.export', exportInput(destination))).toMatchObject({ issues: [{ code: 'subject_access_write_failed' }] });
    expect(calls).toBeGreaterThan(2);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await exportedLog()).toEqual([]);
  });

  it('a damaged scan stops the export and leaves nothing; excluded with a reason, the rest is exported', async () => {
    const review = await t.call('people.review', { caseIds: seeded.annaCases });
    const receipt = review.letters.flatMap((letter) => letter.files).find((file) => file.name === 'receipt.pdf')!;
    const chunks = collectionOf<FileChunk>(t.services.domain!.db as unknown as RxDatabase, 'fileChunks');
    const chunk = await chunks.findOne(`${receipt.id}:0`).exec();
    await chunk!.incrementalPatch({ data: Buffer.from('tampered').toString('base64') });

    const destination = path.join(out, 'anna.zip');
    expect(await t.fail('people.export', exportInput(destination))).toMatchObject({
      issues: [{ code: 'subject_access_file_unavailable', params: { name: 'receipt.pdf', state: 'damaged' } }],
    });
    expect(fs.readdirSync(out)).toEqual([]);
    expect(await exportedLog()).toEqual([]);

    const result = await t.call(
      'people.export',
      exportInput(destination, {
        withheld: [...withheld(), { kind: 'file', id: receipt.id, action: 'exclude', reason: 'The scan is damaged; the paper original is sent by post' }],
      }),
    );
    expect(result).toMatchObject({ files: 2, withheld: 3 });
  });
});
