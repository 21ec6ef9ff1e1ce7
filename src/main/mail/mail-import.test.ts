/**
 * E-mail in (issue 17) against a real Dovecot on loopback, through the API:
 * - an e-mail with attachments becomes a case with channel e-mail, its clock starting at the
 *   server's receipt time (INTERNALDATE, P-3.2), and the attachments as its files;
 * - a reply that quotes the reference (check character valid) matches its case and is filed on it;
 * - an escalation request by e-mail is recorded at the time received (P-4.2); not a complaint
 *   is noted with where it was sent on to;
 * - triaged messages move to the processed folder, also when the triage was done while the server
 *   was away (the move happens at the next fetch);
 * - bad input gets a clear error and changes nothing: malformed MIME, a 50 MB attachment, a header
 *   in the wrong encoding, a wrong password, an unreachable server;
 * - a website form submission pre-fills the complaint from its fields (P-3.1), read with the
 *   administrators' form mapping, which is validated;
 * - settings: TLS is required except on loopback; the password is never returned.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_WEB_FORM_MAPPING } from '../../shared/domain/web-form';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { PDF, PNG } from '../files/test-support/scan-files';
import { dovecotInstalled, startDovecot, type DovecotServer } from './test-support/dovecot';
import { composeMessage, malformedMime, wrongHeaderEncoding } from './test-support/messages';

let t: TestDomain;
let mailbox: DovecotServer;
beforeEach(async () => {
  t = await startTestDomain('2026-11-25T11:00:00.000Z'); // Wednesday
});
afterEach(async () => {
  await t.close();
});

function settings(overrides: { port?: number; password?: string } = {}) {
  return {
    enabled: true,
    imap: { host: '127.0.0.1', port: overrides.port ?? mailbox.port, security: 'none' as const, username: mailbox.user },
    smtp: { host: '127.0.0.1', port: 2525, security: 'none' as const, from: 'complaints@example.com' },
    password: overrides.password ?? mailbox.password,
  };
}

async function storedCounts() {
  const db = t.services.domain!.db;
  return {
    cases: await db.cases.count().exec(),
    letters: (await t.call('post.list', {})).length,
    mail: (await t.call('mail.list', { include: 'all' })).length,
  };
}

const RECEIVED = new Date('2026-11-24T14:37:12.000Z'); // Tuesday afternoon

describe.skipIf(!dovecotInstalled())('e-mail in, against a real IMAP server', () => {
  beforeEach(async () => {
    mailbox = await startDovecot();
  });
  afterEach(async () => {
    await mailbox.stop();
  });
  it('an e-mail with attachments becomes a case: channel e-mail, clock from the server receipt time (P-3.2), attachments as its files', async () => {
    await t.call('mail.configure', settings());
    const raw = await composeMessage({
      messageId: '<complaint-1@example.org>',
      subject: 'Leaking bottle, order 5521',
      text: 'The bottle I bought leaked all over my bag.',
      attachments: [
        { filename: 'photo.png', content: PNG },
        { filename: 'receipt.pdf', content: PDF },
      ],
    });
    await mailbox.append(raw, { receivedAt: RECEIVED });

    expect(await t.call('mail.fetch', {})).toEqual({ imported: 1, known: 0, bounced: 0, refused: [], moved: 0 });
    const [row] = await t.call('mail.list', {});
    expect(row).toMatchObject({
      messageId: '<complaint-1@example.org>',
      from: { name: 'Margaret Hale', address: 'margaret@example.org' },
      subject: 'Leaking bottle, order 5521',
      receivedAt: RECEIVED.toISOString(),
      triage: null,
      match: null,
    });
    expect(row!.attachments.map((file) => [file.name, file.mimeType])).toEqual([
      ['photo.png', 'image/png'],
      ['receipt.pdf', 'application/pdf'],
    ]);

    const triaged = await t.call('mail.triage', { mailId: row!.id, kind: 'new-complaint', type: 'product' });
    expect(triaged.triage).toMatchObject({ kind: 'new-complaint' });
    const detail = await t.call('cases.get', { caseId: triaged.triage!.caseId! });
    // P-3.2: the clock starts when the team's mail server received it, not when it was triaged.
    expect(detail.case).toMatchObject({
      channel: 'email',
      receivedAt: RECEIVED.toISOString(),
      summary: 'Leaking bottle, order 5521',
      complainant: { name: 'Margaret Hale', email: 'margaret@example.org', preferredChannel: 'email' },
    });
    expect(detail.case.deadlines[0]?.dueAt).toBe('2026-11-26T14:37:12.000Z');
    const [letter] = await t.call('post.list', { caseId: detail.case.id });
    expect(letter!.files.map((file) => file.name)).toEqual(['photo.png', 'receipt.pdf']);
    const photo = await t.call('post.file', { fileId: letter!.files[0]!.id });
    expect(Buffer.from(photo.dataBase64, 'base64').equals(PNG)).toBe(true);
    expect(await t.call('mail.list', {})).toEqual([]);

    // Processed messages move to Plaint/Logged at the next fetch; nothing is imported twice.
    expect(await t.call('mail.fetch', {})).toEqual({ imported: 0, known: 0, bounced: 0, refused: [], moved: 1 });
    expect(await mailbox.messageIds('INBOX')).toEqual([]);
    expect(await mailbox.messageIds('Plaint/Logged')).toEqual(['<complaint-1@example.org>']);
    expect((await t.fail('mail.triage', { mailId: row!.id, kind: 'new-complaint', type: 'product' })).issues[0]).toMatchObject({
      path: 'mailId',
      code: 'mail_already_triaged',
    });
  });

  it('a website form submission becomes a web-form complaint from the person in the form, not the website that mailed it (P-3.1)', async () => {
    await t.call('mail.configure', settings());
    const body = ['Name: Edith Crawley', 'Email: edith@example.org', 'Phone: 0161 496 0000', 'Order: 5521', 'Message: My parcel never came.'].join('\n');
    await mailbox.append(
      await composeMessage({ messageId: '<form-1@example.com>', from: 'Website <noreply@example.com>', subject: 'Contact form', text: body }),
      { receivedAt: RECEIVED },
    );
    await t.call('mail.fetch', {});
    const [row] = await t.call('mail.list', {});
    expect(row!.form).toMatchObject({ name: 'Edith Crawley', email: 'edith@example.org', orderNumber: '5521' });
    const triaged = await t.call('mail.triage', { mailId: row!.id, kind: 'new-complaint', type: 'product' });
    const detail = await t.call('cases.get', { caseId: triaged.triage!.caseId! });
    expect(detail.case).toMatchObject({
      channel: 'web-form',
      receivedAt: RECEIVED.toISOString(),
      description: 'My parcel never came.',
      complainant: { name: 'Edith Crawley', email: 'edith@example.org', phone: '0161 496 0000', orderNumber: '5521' },
    });
  });

  it("the administrators' form mapping (a synced setting) decides which labels fill which field (issue 17, P-3.1)", async () => {
    await t.call('mail.configure', settings());
    const mapping = {
      name: ['Kunde'],
      email: [...DEFAULT_WEB_FORM_MAPPING.email],
      phone: [...DEFAULT_WEB_FORM_MAPPING.phone],
      orderNumber: ['Bestellung'],
      customerNumber: [...DEFAULT_WEB_FORM_MAPPING.customerNumber],
      message: ['Anliegen'],
    };
    const saved = await t.call('settings.updateWebFormMapping', mapping);
    expect(saved.webFormMapping).toEqual(mapping);
    expect((await t.call('settings.get', {})).webFormMapping).toEqual(mapping);
    const body = ['Kunde: Edith Crawley', 'Email: edith@example.org', 'Bestellung: 5521', 'Anliegen: Das Paket kam nie an.'].join('\n');
    await mailbox.append(
      await composeMessage({ messageId: '<form-2@example.com>', from: 'Website <noreply@example.com>', subject: 'Kontaktformular', text: body }),
      { receivedAt: RECEIVED },
    );
    await t.call('mail.fetch', {});
    const [row] = await t.call('mail.list', {});
    expect(row!.form).toEqual({ name: 'Edith Crawley', email: 'edith@example.org', orderNumber: '5521', message: 'Das Paket kam nie an.' });
    const triaged = await t.call('mail.triage', { mailId: row!.id, kind: 'new-complaint', type: 'product' });
    expect((await t.call('cases.get', { caseId: triaged.triage!.caseId! })).case).toMatchObject({
      channel: 'web-form',
      description: 'Das Paket kam nie an.',
      complainant: { name: 'Edith Crawley', orderNumber: '5521' },
    });
  });

  it('a form mapping that breaks the rules is refused at the label and changes nothing', async () => {
    const failure = await t.fail('settings.updateWebFormMapping', { ...DEFAULT_WEB_FORM_MAPPING, phone: ['Phone', 'E-mail'] });
    expect(failure.issues).toEqual([expect.objectContaining({ path: 'phone.1', code: 'web_form_label_repeated' })]);
    expect((await t.call('settings.get', {})).webFormMapping).toEqual(DEFAULT_WEB_FORM_MAPPING);
  });

  it('a reply quoting the reference matches its case and is filed on it; a mistyped check character matches nothing', async () => {
    await t.call('mail.configure', settings());
    await mailbox.append(await composeMessage({ messageId: '<first@example.org>', subject: 'Broken kettle', text: 'It broke.' }), { receivedAt: RECEIVED });
    await t.call('mail.fetch', {});
    const [first] = await t.call('mail.list', {});
    const created = await t.call('mail.triage', { mailId: first!.id, kind: 'new-complaint', type: 'product' });
    const reference = created.triage!.caseReference!;
    const wrong = `${reference.slice(0, -1)}${reference.endsWith('0') ? '1' : '0'}`;

    await mailbox.append(
      await composeMessage({ messageId: '<reply@example.org>', subject: `Re: [Ref ${reference}] Your complaint`, text: 'Here is the photo you asked for.' }),
      { receivedAt: new Date('2026-11-25T08:00:00.000Z') },
    );
    await mailbox.append(await composeMessage({ messageId: '<typo@example.org>', subject: 'About my complaint', text: `My reference is ${wrong}.` }), {
      receivedAt: new Date('2026-11-25T08:05:00.000Z'),
    });
    await t.call('mail.fetch', {});
    const [reply, typo] = await t.call('mail.list', {});
    expect(reply!.match).toEqual({ reference, caseId: created.triage!.caseId });
    expect(typo!.match).toBeNull();

    await t.call('mail.triage', { mailId: reply!.id, kind: 'correspondence', reference: reply!.match!.reference });
    const detail = await t.call('cases.get', { caseId: created.triage!.caseId! });
    expect(detail.timeline.filter((entry) => entry.kind === 'communication').map((entry) => [entry.at, entry.data['channel']])).toContainEqual([
      '2026-11-25T08:00:00.000Z',
      'email',
    ]);
    // A reference whose check character fails is refused at the field, and nothing is triaged.
    expect((await t.fail('mail.triage', { mailId: typo!.id, kind: 'correspondence', reference: wrong })).issues[0]).toMatchObject({
      path: 'reference',
      code: 'reference_check',
    });
    expect((await t.call('mail.list', {})).map((row) => row.id)).toEqual([typo!.id]);
  });

  it('an escalation request is recorded at the time received (P-4.2); not a complaint is noted with where it went', async () => {
    await t.call('mail.configure', settings());
    const created = await t.call('cases.create', {
      complainant: { name: 'Margaret Hale', email: 'margaret@example.org', preferredChannel: 'email' },
      channel: 'email',
      receivedAt: '2026-11-16T10:00:00.000Z',
      type: 'product',
      summary: 'Leaking bottle',
    });
    await t.call('cases.act', { caseId: created.caseId, action: { type: 'acknowledge', at: '2026-11-16T11:00:00.000Z', channel: 'email' } });
    await t.call('cases.act', { caseId: created.caseId, action: { type: 'startInvestigation', at: '2026-11-16T12:00:00.000Z' } });
    await t.call('cases.act', {
      caseId: created.caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-11-17T12:00:00.000Z',
        channel: 'email',
        outcome: 'upheld',
        summary: 'Refunded',
      },
    });
    await mailbox.append(
      await composeMessage({ messageId: '<escalate@example.org>', subject: `Not happy [Ref ${created.reference}]`, text: 'I want this reviewed.' }),
      { receivedAt: RECEIVED },
    );
    await mailbox.append(await composeMessage({ messageId: '<sales@example.org>', subject: 'Bulk order', text: 'Do you sell pallets?' }), {
      receivedAt: RECEIVED,
    });
    await t.call('mail.fetch', {});
    const [escalation, sales] = await t.call('mail.list', {});

    await t.call('mail.triage', { mailId: escalation!.id, kind: 'escalation-request', reference: created.reference });
    const detail = await t.call('cases.get', { caseId: created.caseId });
    expect(detail.case.status).toBe('escalation-requested');
    expect(detail.case.escalation).toMatchObject({ requestedAt: RECEIVED.toISOString() });

    const routed = await t.call('mail.triage', { mailId: sales!.id, kind: 'not-a-complaint', routedTo: 'Sales team' });
    expect(routed.triage).toEqual({ kind: 'not-a-complaint', caseId: null, caseReference: null, routedTo: 'Sales team' });
    expect((await t.fail('mail.triage', { mailId: sales!.id, kind: 'not-a-complaint' })).issues[0]).toMatchObject({
      path: 'routedTo',
      code: 'routed_to_needed',
    });
  });

  it('triage while the server is away: the move to the processed folder happens when it is back', async () => {
    await t.call('mail.configure', settings());
    await mailbox.append(await composeMessage({ messageId: '<offline@example.org>', subject: 'Late delivery', text: 'Two weeks late.' }), {
      receivedAt: RECEIVED,
    });
    await t.call('mail.fetch', {});
    const [row] = await t.call('mail.list', {});
    await t.call('mail.configure', settings({ port: mailbox.closedPort }));
    await t.call('mail.triage', { mailId: row!.id, kind: 'new-complaint', type: 'product' });
    expect((await t.fail('mail.fetch', {})).issues[0]).toMatchObject({ code: 'mail_unreachable' });
    expect(await mailbox.messageIds('INBOX')).toEqual(['<offline@example.org>']);
    await t.call('mail.configure', settings());
    expect(await t.call('mail.fetch', {})).toMatchObject({ moved: 1, imported: 0 });
    expect(await mailbox.messageIds('Plaint/Logged')).toEqual(['<offline@example.org>']);
  });

  it('bad messages get a clear reason, stay in the mailbox and change nothing: malformed MIME, a 50 MB attachment, a header in the wrong encoding', async () => {
    await t.call('mail.configure', settings());
    await mailbox.append(malformedMime('<broken@example.org>'), { receivedAt: RECEIVED });
    await mailbox.append(
      await composeMessage({
        messageId: '<huge@example.org>',
        subject: 'Video',
        text: 'See attached.',
        attachments: [{ filename: 'video.pdf', content: Buffer.alloc(50 * 1024 * 1024, 0x41) }],
      }),
      { receivedAt: RECEIVED },
    );
    await mailbox.append(wrongHeaderEncoding('<latin@example.org>'), { receivedAt: RECEIVED });
    await mailbox.append(
      await composeMessage({
        messageId: '<word@example.org>',
        subject: 'Letter',
        text: 'Attached.',
        attachments: [{ filename: 'letter.docx', content: Buffer.from('PK\u0003\u0004 not a scan') }],
      }),
      { receivedAt: RECEIVED },
    );
    const before = await storedCounts();

    const result = await t.call('mail.fetch', {});
    expect(result).toMatchObject({ imported: 0, known: 0, moved: 0 });
    expect(result.refused.map((refused) => refused.code)).toEqual(['mail_malformed', 'mail_too_large', 'mail_header_encoding', 'mail_attachment_refused']);
    expect(result.refused[1]).toMatchObject({ subject: 'Video', params: { maximum: '30 MB' } });
    expect(result.refused[3]).toMatchObject({ params: { name: 'letter.docx' } });
    expect(await storedCounts()).toEqual(before);
    expect(await mailbox.messageIds('INBOX')).toEqual(['<broken@example.org>', '<huge@example.org>', '<latin@example.org>', '<word@example.org>']);
  });

  it('a wrong password and an unreachable server are refused with their reason, and change nothing', async () => {
    await mailbox.append(await composeMessage({ messageId: '<waiting@example.org>', subject: 'Waiting', text: 'Hello' }), { receivedAt: RECEIVED });
    expect((await t.fail('mail.fetch', {})).issues[0]).toMatchObject({ code: 'mail_not_configured' });
    await t.call('mail.configure', settings({ password: 'not-the-password' }));
    expect(await t.fail('mail.fetch', {})).toMatchObject({ code: 'UNAVAILABLE', issues: [{ code: 'mail_login_failed' }] });
    await t.call('mail.configure', settings({ port: mailbox.closedPort }));
    expect(await t.fail('mail.fetch', {})).toMatchObject({
      code: 'UNAVAILABLE',
      issues: [{ code: 'mail_unreachable', params: { host: `127.0.0.1:${mailbox.closedPort}` } }],
    });
    expect(await t.call('mail.list', { include: 'all' })).toEqual([]);
    expect(await mailbox.messageIds('INBOX')).toEqual(['<waiting@example.org>']);
  });
});

describe('mail settings', () => {
  it('TLS is required except on loopback; the password is kept apart and never returned', async () => {
    const remote = {
      enabled: true,
      imap: { host: 'imap.example.com', port: 143, security: 'none', username: 'team' },
      smtp: { host: 'smtp.example.com', port: 587, security: 'starttls', from: 'complaints@example.com' },
    };
    const refused = await t.fail('mail.configure', remote);
    expect(refused.issues).toEqual([expect.objectContaining({ path: 'imap.security', code: 'insecure_mail_server' })]);
    expect(await t.call('mail.settings', {})).toBeNull();
    const saved = await t.call('mail.configure', {
      ...remote,
      imap: { ...remote.imap, port: 993, security: 'tls' as const },
      smtp: { ...remote.smtp, security: 'starttls' as const },
      password: 'secret',
    });
    expect(saved).toMatchObject({
      imap: { host: 'imap.example.com', inbox: 'INBOX', processedFolder: 'Plaint/Logged', sentFolder: 'Sent' },
      hasPassword: true,
      passwordStorage: 'memory',
    });
    expect(JSON.stringify(saved)).not.toContain('secret');
  });
});
