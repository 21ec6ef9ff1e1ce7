/**
 * Bounces (issue 17) against a real SMTP server and a real Dovecot: a letter goes out by e-mail
 * through the outbox, and a delivery failure report for it arrives in the team mailbox.
 * - An RFC 3464 report and a non-standard bounce (Exim's, the Message-ID quoted in its text) are
 *   matched to the e-mail by its stable Message-ID and recorded on the case as "e-mail not
 *   delivered" with the reason; the case's owner is told in-app (and sees the case unread);
 *   the letter is offered for posting again, and can be logged as posted.
 * - A bounce never becomes a new complaint: it is not listed for triage, and it is moved to the
 *   processed folder with the triaged messages.
 * - A final response sent by e-mail counts as sent when the case is closed; once it bounced, closing
 *   asks to confirm as for an unposted letter (issue 18's rule).
 * - A delay report is not a bounce; a bounce of an e-mail Plaint did not send is left in the
 *   mailbox with that reason and changes nothing.
 * - An acknowledgement e-mail that bounces (P-3.2): the case stays acknowledged at the time the
 *   e-mail went (the deadline's record is not rewritten), and records beside it that the customer
 *   has not had it; flagged until an acknowledgement reaches them another way (the letter posted,
 *   another acknowledgement e-mail that went). A case acknowledged by telephone first is not flagged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEED_ADMIN } from '../identity/seed-account';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { dovecotInstalled, startDovecot, type DovecotServer } from './test-support/dovecot';
import { deliveryStatusReport, eximBounce } from './test-support/bounces';
import { startSmtpRelay, type SmtpRelay } from './test-support/smtp-relay';

let t: TestDomain;
let mailbox: DovecotServer;
let relay: SmtpRelay;

async function configure() {
  await t.call('mail.configure', {
    enabled: true,
    imap: { host: '127.0.0.1', port: mailbox.port, security: 'none', username: mailbox.user },
    smtp: { host: '127.0.0.1', port: relay.port, security: 'none', from: 'complaints@example.com' },
    password: mailbox.password,
  });
}

/** A web-form complaint by e-mail (to an address that bounces), received at `receivedAt` and assigned to the caseworker Amira. */
async function amirasEmailCase(receivedAt: string) {
  const amira = await t.addAccount({ name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
  return t.call('cases.create', {
    complainant: { name: 'Margaret Hale', email: 'gone@example.org', preferredChannel: 'email' },
    channel: 'web-form',
    receivedAt,
    type: 'product',
    summary: 'Leaking bottle',
    assigneeId: amira,
  });
}

/** Amira's case; she sends the acknowledgement by e-mail. Then the administrator (the post room) is signed in. */
async function emailedAcknowledgement() {
  const created = await amirasEmailCase('2026-11-25T09:30:00.000Z');
  await t.signInAs('amira');
  await t.call('cases.markSeen', { caseId: created.caseId });
  const { text } = await t.call('post.draftLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB' });
  const letter = await t.call('post.finaliseLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB', text });
  t.clock.set('2026-11-25T11:30:00.000Z');
  const sent = await t.call('mail.send', { letterId: letter.id });
  expect(sent.state).toBe('sent');
  await t.signInAs('admin', SEED_ADMIN.password);
  return { ...created, letterId: letter.id, messageId: sent.messageId, sentAt: sent.sentAt };
}

const BOUNCED_AT = new Date('2026-11-25T11:31:00.000Z');

describe.skipIf(!dovecotInstalled())('bounces in the team mailbox', () => {
  beforeEach(async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    mailbox = await startDovecot();
    // The complainant's mail server stands in as another folder: only the bounce reaches the team inbox.
    relay = await startSmtpRelay(mailbox, { folder: 'Elsewhere', sentFolder: 'Sent', credentials: { user: mailbox.user, password: mailbox.password } });
    await configure();
  });
  afterEach(async () => {
    await t.close();
    await relay.stop();
    await mailbox.stop();
  });

  it.each([
    [
      'an RFC 3464 delivery status report',
      (original: string) => deliveryStatusReport({ messageId: '<report-1@mx.example.org>', original }),
      '550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
    ],
    [
      "Exim's non-standard bounce, the Message-ID quoted in its text",
      (original: string) => eximBounce({ messageId: '<exim-1@mail.example.net>', original }),
      '550 5.2.1 Mailbox disabled for this recipient',
    ],
  ])('%s: recorded on the case as not delivered with the reason, the owner told, the letter offered for posting', async (_label, report, reason) => {
    const { caseId, reference, letterId, messageId } = await emailedAcknowledgement();
    expect(await t.call('post.list', { awaitingPosting: true })).toEqual([]);
    await mailbox.append(report(messageId), { receivedAt: BOUNCED_AT });
    t.clock.set('2026-11-25T11:40:00.000Z');

    expect(await t.call('mail.fetch', {})).toEqual({ imported: 0, known: 0, bounced: 1, refused: [], moved: 0 });
    // Never a complaint: nothing to triage, and it left the inbox with the processed messages.
    expect(await t.call('mail.list', {})).toEqual([]);
    expect(await mailbox.messageIds('INBOX')).toEqual([]);
    expect((await mailbox.messageIds('Plaint/Logged')).length).toBe(1);
    expect(await t.services.domain!.db.cases.count().exec()).toBe(1);

    // On the case: "e-mail not delivered" with the reason, at the time the report arrived.
    const detail = await t.call('cases.get', { caseId });
    const bounced = detail.timeline.find((entry) => entry.kind === 'communication' && entry.data.generated?.key === 'emailNotDelivered');
    expect(bounced).toMatchObject({
      at: BOUNCED_AT.toISOString(),
      data: { direction: 'in', channel: 'email', generated: { params: { template: 'acknowledgement', to: 'gone@example.org', reason } } },
    });

    // The owner is told in-app, and the case is unread for her.
    await t.signInAs('amira');
    expect((await t.call('cases.unread', {})).caseIds).toEqual([caseId]);
    await t.services.notifier!.recompute();
    const told = (await t.call('notifications.list', {})).items.filter((item) => item.caseIds.includes(caseId));
    // The e-mail was the acknowledgement: she is told the customer has not been acknowledged (P-3.2).
    expect(told).toEqual([
      expect.objectContaining({
        title: `Acknowledgement not delivered: ${reference}`,
        body: `The acknowledgement e-mail to gone@example.org came back: ${reason}. The customer has not been acknowledged: post the acknowledgement letter.`,
        path: `/case/${caseId}`,
      }),
    ]);

    await t.signInAs('admin', SEED_ADMIN.password);
    // The letter: its e-mail not delivered, offered for posting again, and it can be posted.
    const [waiting] = await t.call('post.list', { awaitingPosting: true });
    expect(waiting).toMatchObject({ id: letterId, posting: { postClass: 'email', email: { messageId, bounce: { at: BOUNCED_AT.toISOString(), reason } } } });
    await t.call('post.logPosting', { letterId, postedOn: '2026-11-25', postClass: 'first' });
    expect(await t.call('post.list', { awaitingPosting: true })).toEqual([]);

    // A second fetch finds nothing new.
    expect(await t.call('mail.fetch', {})).toEqual({ imported: 0, known: 0, bounced: 0, refused: [], moved: 0 });
  });

  it('a delay report is not a bounce: the letter stays sent by e-mail', async () => {
    const { messageId } = await emailedAcknowledgement();
    await mailbox.append(deliveryStatusReport({ messageId: '<delay-1@mx.example.org>', original: messageId, action: 'delayed' }), { receivedAt: BOUNCED_AT });
    const result = await t.call('mail.fetch', {});
    expect(result.bounced).toBe(0);
    expect(await t.call('post.list', { awaitingPosting: true })).toEqual([]);
  });

  it('a bounce of an e-mail Plaint did not send stays in the mailbox with that reason and changes nothing', async () => {
    await mailbox.append(
      deliveryStatusReport({ messageId: '<report-9@mx.example.org>', original: '<plaint-00000000-0000-0000-0000-000000000000@example.com>' }),
      { receivedAt: BOUNCED_AT },
    );
    const before = (await t.call('post.list', {})).length;
    const result = await t.call('mail.fetch', {});
    expect(result).toMatchObject({
      imported: 0,
      bounced: 0,
      moved: 0,
      refused: [{ code: 'mail_bounce_unmatched', subject: 'Undelivered Mail Returned to Sender' }],
    });
    expect(await t.call('mail.list', { include: 'all' })).toEqual([]);
    expect((await t.call('post.list', {})).length).toBe(before);
    expect(await mailbox.messageIds('INBOX')).toEqual(['<report-9@mx.example.org>']);
  });

  describe('an acknowledgement e-mail that bounces (P-3.2)', () => {
    async function bounce(messageId: string, reportId = '<report-7@mx.example.org>') {
      await mailbox.append(deliveryStatusReport({ messageId: reportId, original: messageId }), { receivedAt: BOUNCED_AT });
      t.clock.set('2026-11-25T11:40:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);
    }
    const acknowledgementDeadline = async (caseId: string) =>
      (await t.call('cases.get', { caseId })).case.deadlines.find((deadline) => deadline.kind === 'acknowledgement');

    it('the case stays acknowledged when the e-mail went, is flagged as not delivered, and the flag clears when the letter is posted', async () => {
      const { caseId, letterId, messageId, sentAt } = await emailedAcknowledgement();
      expect(sentAt).toBeTruthy();
      await bounce(messageId);
      const flagged = (await t.call('cases.get', { caseId })).case;
      expect(flagged.status).toBe('acknowledged');
      expect(flagged.acknowledgement).toMatchObject({
        at: sentAt,
        channel: 'email',
        undelivered: {
          letterId,
          to: 'gone@example.org',
          sentAt,
          bouncedAt: BOUNCED_AT.toISOString(),
          reached: null,
          reason: expect.stringContaining('550 5.1.1'),
        },
      });
      // The deadline's record: met when the e-mail went, not rewritten by the bounce.
      expect(await acknowledgementDeadline(caseId)).toMatchObject({ metAt: sentAt });
      // Flagged in the case list too.
      const flaggedInList = async () =>
        (await t.call('cases.list', { filters: { open: true } })).items.find((item) => item.id === caseId)?.acknowledgementUndelivered;
      expect(await flaggedInList()).toBe(true);

      // The letter posted the next morning: an acknowledgement has reached the customer.
      t.clock.set('2026-11-26T09:15:00.000Z');
      await t.call('post.logPosting', { letterId, postedOn: '2026-11-26', postClass: 'first' });
      const reached = (await t.call('cases.get', { caseId })).case.acknowledgement;
      expect(reached?.undelivered?.reached).toEqual({ at: expect.stringMatching(/^2026-11-26T09:15/), channel: 'letter' });
      expect(await flaggedInList()).toBe(false);
      expect(await acknowledgementDeadline(caseId)).toMatchObject({ metAt: sentAt });
      // Nothing comes back at the next fetch.
      expect(await t.call('mail.fetch', {})).toMatchObject({ bounced: 0, imported: 0 });
      expect((await t.call('cases.get', { caseId })).case.acknowledgement?.undelivered?.reached).toEqual(reached?.undelivered?.reached);
    });

    it('another acknowledgement e-mail that goes reaches the customer; if it bounces too, the case is flagged again', async () => {
      const { caseId, messageId, sentAt: firstSentAt } = await emailedAcknowledgement();
      await bounce(messageId);
      const { text } = await t.call('post.draftLetter', { caseId, template: 'acknowledgement', language: 'en-GB' });
      const second = await t.call('post.finaliseLetter', { caseId, template: 'acknowledgement', language: 'en-GB', text });
      t.clock.set('2026-11-25T12:00:00.000Z');
      const sent = await t.call('mail.send', { letterId: second.id });
      expect(sent.state).toBe('sent');
      expect((await t.call('cases.get', { caseId })).case.acknowledgement?.undelivered?.reached).toEqual({ at: sent.sentAt, channel: 'email' });

      await mailbox.append(deliveryStatusReport({ messageId: '<report-8@mx.example.org>', original: sent.messageId }), {
        receivedAt: new Date('2026-11-25T12:01:00.000Z'),
      });
      t.clock.set('2026-11-25T12:10:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);
      expect((await t.call('cases.get', { caseId })).case.acknowledgement).toMatchObject({
        at: firstSentAt,
        undelivered: { letterId: second.id, sentAt: sent.sentAt, reached: null },
      });
    });

    it('a case acknowledged by telephone before the e-mail went is not flagged by its bounce, and its owner is not told it was not acknowledged', async () => {
      const created = await amirasEmailCase('2026-11-25T09:30:00.000Z');
      await t.call('cases.act', { caseId: created.caseId, action: { type: 'acknowledge', at: '2026-11-25T10:00:00.000Z', channel: 'telephone' } });
      const { text } = await t.call('post.draftLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB' });
      const letter = await t.call('post.finaliseLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB', text });
      t.clock.set('2026-11-25T11:30:00.000Z');
      const sent = await t.call('mail.send', { letterId: letter.id });
      await bounce(sent.messageId);
      const record = (await t.call('cases.get', { caseId: created.caseId })).case;
      expect(record.acknowledgement).toEqual({ at: '2026-11-25T10:00:00.000Z', channel: 'telephone', by: expect.anything() });
      expect(sent.state).toBe('sent');
      // She is told the e-mail came back, not that the customer has not been acknowledged (they were, by telephone).
      await t.signInAs('amira');
      await t.services.notifier!.recompute();
      const told = (await t.call('notifications.list', {})).items.filter((item) => item.caseIds.includes(created.caseId));
      expect(told.map((item) => item.title)).toEqual([`E-mail not delivered: ${created.reference}`]);
    });
  });

  describe('recording that the customer was told by telephone (issue 17, P-3.2)', () => {
    it('clears the flag and writes the timeline entry in one write; the acknowledgement stays at the time the e-mail went', async () => {
      const { caseId, messageId, sentAt } = await emailedAcknowledgement();
      await mailbox.append(deliveryStatusReport({ messageId: '<report-t1@mx.example.org>', original: messageId }), { receivedAt: BOUNCED_AT });
      t.clock.set('2026-11-25T11:40:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);
      t.clock.set('2026-11-25T14:00:00.000Z');
      const told = await t.call('cases.recordAcknowledgementByTelephone', {
        caseId,
        at: '2026-11-25T13:50:00.000Z',
        by: 'Amira Hassan',
        note: 'Rang Mrs Hale; gave her the reference',
      });
      expect(told.case.acknowledgement).toMatchObject({
        at: sentAt,
        channel: 'email',
        undelivered: { reached: { at: '2026-11-25T13:50:00.000Z', channel: 'telephone' } },
      });
      expect(told.timeline).toContainEqual(
        expect.objectContaining({
          kind: 'communication',
          at: '2026-11-25T13:50:00.000Z',
          data: expect.objectContaining({
            direction: 'out',
            channel: 'telephone',
            summary: 'Acknowledgement given by telephone by Amira Hassan: Rang Mrs Hale; gave her the reference',
          }),
        }),
      );
      expect((await t.call('cases.list', { filters: { open: true } })).items.find((item) => item.id === caseId)?.acknowledgementUndelivered).toBe(false);
      // Once cleared, a second record is refused: the case is no longer flagged.
      const again = await t.fail('cases.recordAcknowledgementByTelephone', { caseId, at: '2026-11-25T13:55:00.000Z', by: 'Amira Hassan', note: 'Again' });
      expect(again.issues?.[0]?.code).toBe('acknowledgement_not_undelivered');
    });

    it('is refused on a case that is not flagged, and for a call in the future, changing nothing', async () => {
      const { caseId, messageId } = await emailedAcknowledgement();
      const before = await t.call('cases.get', { caseId });
      const refused = await t.fail('cases.recordAcknowledgementByTelephone', { caseId, at: '2026-11-25T11:20:00.000Z', by: 'Amira Hassan', note: 'Rang her' });
      expect(refused.issues?.[0]?.code).toBe('acknowledgement_not_undelivered');
      await mailbox.append(deliveryStatusReport({ messageId: '<report-t2@mx.example.org>', original: messageId }), { receivedAt: BOUNCED_AT });
      t.clock.set('2026-11-25T11:40:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);
      const flagged = await t.call('cases.get', { caseId });
      const future = await t.fail('cases.recordAcknowledgementByTelephone', { caseId, at: '2026-11-25T18:00:00.000Z', by: 'Amira Hassan', note: 'Rang her' });
      expect(future.issues?.[0]?.code).toBe('future_time');
      const after = await t.call('cases.get', { caseId });
      expect(after.case).toEqual(flagged.case);
      expect(after.timeline).toEqual(flagged.timeline);
      expect(before.case.acknowledgement?.undelivered).toBeUndefined();
    });
  });

  describe('an escalation acknowledgement e-mail that bounces (P-4.3): the same flag as stage 1', () => {
    async function emailedEscalationAcknowledgement() {
      const { caseId, reference } = await amirasEmailCase('2026-11-20T09:30:00.000Z');
      for (const action of [
        { type: 'acknowledge', at: '2026-11-20T10:00:00.000Z', channel: 'telephone' },
        { type: 'startInvestigation', at: '2026-11-20T11:00:00.000Z' },
        {
          type: 'communicateResolution',
          rootCauseId: 'courier-handling',
          at: '2026-11-21T11:00:00.000Z',
          channel: 'email',
          summary: 'Sorted',
          outcome: 'not-upheld',
        },
        { type: 'recordEscalationRequest', at: '2026-11-24T09:00:00.000Z', channel: 'email', reason: 'Not happy with the answer' },
      ] as const)
        await t.call('cases.act', { caseId, action });
      await t.signInAs('amira');
      await t.call('cases.markSeen', { caseId });
      const { text } = await t.call('post.draftLetter', { caseId, template: 'escalation-acknowledgement', language: 'en-GB' });
      const letter = await t.call('post.finaliseLetter', { caseId, template: 'escalation-acknowledgement', language: 'en-GB', text });
      t.clock.set('2026-11-25T11:30:00.000Z');
      const sent = await t.call('mail.send', { letterId: letter.id });
      expect(sent.state).toBe('sent');
      await t.signInAs('admin', SEED_ADMIN.password);
      return { caseId, reference, letterId: letter.id, messageId: sent.messageId, sentAt: sent.sentAt };
    }

    it('flags the case, tells the assignee, marks the list row, keeps the escalation acknowledged when the e-mail went; the posted letter clears it', async () => {
      const { caseId, reference, letterId, messageId, sentAt } = await emailedEscalationAcknowledgement();
      await mailbox.append(deliveryStatusReport({ messageId: '<report-e1@mx.example.org>', original: messageId }), { receivedAt: BOUNCED_AT });
      t.clock.set('2026-11-25T11:40:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);

      const flagged = (await t.call('cases.get', { caseId })).case;
      expect(flagged.escalation).toMatchObject({
        acknowledgedAt: sentAt,
        acknowledgedChannel: 'email',
        undelivered: { letterId, to: 'gone@example.org', sentAt, bouncedAt: BOUNCED_AT.toISOString(), reached: null },
      });
      // Stage 1's acknowledgement (by telephone) is untouched.
      expect(flagged.acknowledgement?.undelivered).toBeUndefined();
      const row = (await t.call('cases.list', { filters: { open: true } })).items.find((item) => item.id === caseId);
      expect(row?.acknowledgementUndelivered).toBe(true);

      await t.signInAs('amira');
      await t.services.notifier!.recompute();
      const told = (await t.call('notifications.list', {})).items.filter((item) => item.caseIds.includes(caseId));
      expect(told).toEqual([expect.objectContaining({ title: `Escalation acknowledgement not delivered: ${reference}`, path: `/case/${caseId}` })]);

      t.clock.set('2026-11-26T09:15:00.000Z');
      await t.call('post.logPosting', { letterId, postedOn: '2026-11-26', postClass: 'first' });
      const reached = (await t.call('cases.get', { caseId })).case.escalation;
      expect(reached).toMatchObject({
        acknowledgedAt: sentAt,
        undelivered: { reached: { at: expect.stringMatching(/^2026-11-26T09:15/), channel: 'letter' } },
      });
      expect((await t.call('cases.list', { filters: { open: true } })).items.find((item) => item.id === caseId)?.acknowledgementUndelivered).toBe(false);
    });

    it('another escalation acknowledgement e-mail that goes clears the flag', async () => {
      const { caseId, messageId } = await emailedEscalationAcknowledgement();
      await mailbox.append(deliveryStatusReport({ messageId: '<report-e2@mx.example.org>', original: messageId }), { receivedAt: BOUNCED_AT });
      t.clock.set('2026-11-25T11:40:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);
      const { text } = await t.call('post.draftLetter', { caseId, template: 'escalation-acknowledgement', language: 'en-GB' });
      const second = await t.call('post.finaliseLetter', { caseId, template: 'escalation-acknowledgement', language: 'en-GB', text });
      t.clock.set('2026-11-25T12:00:00.000Z');
      const sent = await t.call('mail.send', { letterId: second.id });
      expect(sent.state).toBe('sent');
      expect((await t.call('cases.get', { caseId })).case.escalation?.undelivered?.reached).toEqual({ at: sent.sentAt, channel: 'email' });
    });
  });

  describe('closing with a final response sent by e-mail', () => {
    async function resolvedAndEmailed() {
      const { caseId } = await t.call('cases.create', {
        complainant: { name: 'Margaret Hale', email: 'gone@example.org', preferredChannel: 'email' },
        channel: 'email',
        receivedAt: '2026-11-25T09:30:00.000Z',
        type: 'product',
        summary: 'Leaking bottle',
      });
      await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-25T10:00:00.000Z', channel: 'telephone' } });
      await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-25T10:10:00.000Z' } });
      await t.call('cases.act', {
        caseId,
        action: {
          type: 'communicateResolution',
          rootCauseId: 'courier-handling',
          at: '2026-11-25T10:20:00.000Z',
          channel: 'email',
          summary: 'Refund agreed',
          outcome: 'upheld',
          redress: [],
        },
      });
      const { text } = await t.call('post.draftLetter', { caseId, template: 'stage1-resolution', language: 'en-GB' });
      const letter = await t.call('post.finaliseLetter', { caseId, template: 'stage1-resolution', language: 'en-GB', text });
      t.clock.set('2026-11-25T11:30:00.000Z');
      const sent = await t.call('mail.send', { letterId: letter.id });
      expect(sent.state).toBe('sent');
      return { caseId, messageId: sent.messageId };
    }
    const close = (caseId: string) => ({ caseId, action: { type: 'close' as const, at: '2026-11-25T11:50:00.000Z' } });

    it('sent by e-mail: the case closes without asking about an unposted letter', async () => {
      const { caseId } = await resolvedAndEmailed();
      t.clock.set('2026-11-25T11:50:00.000Z');
      expect((await t.call('cases.act', close(caseId))).case.status).toBe('closed');
    });

    it('bounced: closing asks to confirm, as for a letter not posted', async () => {
      const { caseId, messageId } = await resolvedAndEmailed();
      await mailbox.append(deliveryStatusReport({ messageId: '<report-5@mx.example.org>', original: messageId }), { receivedAt: BOUNCED_AT });
      t.clock.set('2026-11-25T11:50:00.000Z');
      expect((await t.call('mail.fetch', {})).bounced).toBe(1);
      expect((await t.fail('cases.act', close(caseId))).issues[0]).toMatchObject({ path: 'action.closeWithoutPosting', code: 'unposted_final_letter' });
    });
  });
});
