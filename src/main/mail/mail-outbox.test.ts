/**
 * Letters out by e-mail (issue 17) against a real SMTP server delivering into a real Dovecot:
 * - an acknowledgement letter goes to the complainant with its PDF, `[Ref <reference>]` in the
 *   subject and a stable Message-ID, and acknowledges the case at the time it was sent (P-3.2);
 * - a crash after sending and before recording does not send it twice: after the restart the
 *   Sent folder is checked for its Message-ID and it is recorded as sent;
 * - the outbox drains after an outage, and the case is acknowledged when it actually went;
 * - a recipient the server refuses is recorded on the case, and nothing is acknowledged;
 * - a letter sent by e-mail is sent, not "awaiting posting": the letter records the address, time
 *   and Message-ID (synced with it), the outgoing post no longer lists it, posting it is refused,
 *   and the timeline says it was e-mailed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { letterRecordSchema } from '../../shared/domain/records';
import { startTestDomain, type TestDomain } from '../domain/test-support';
import { dovecotInstalled, startDovecot, type DovecotServer } from './test-support/dovecot';
import { startSmtpRelay, type SmtpRelay } from './test-support/smtp-relay';

let t: TestDomain;
let mailbox: DovecotServer;
let relay: SmtpRelay;
let crashesLeft = 0;

async function configure(smtpPort = relay.port) {
  await t.call('mail.configure', {
    enabled: true,
    imap: { host: '127.0.0.1', port: mailbox.port, security: 'none', username: mailbox.user },
    smtp: { host: '127.0.0.1', port: smtpPort, security: 'none', from: 'complaints@example.com' },
    password: mailbox.password,
  });
}

async function acknowledgementLetter(email = 'margaret@example.org') {
  const created = await t.call('cases.create', {
    complainant: { name: 'Margaret Hale', email, preferredChannel: 'email' },
    channel: 'web-form',
    receivedAt: '2026-11-25T09:30:00.000Z',
    type: 'product',
    summary: 'Leaking bottle',
  });
  const { text } = await t.call('post.draftLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB' });
  const letter = await t.call('post.finaliseLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB', text });
  return { ...created, letterId: letter.id };
}

describe.skipIf(!dovecotInstalled())('letters out by e-mail', () => {
  beforeEach(async () => {
    crashesLeft = 0;
    t = await startTestDomain('2026-11-25T11:00:00.000Z', undefined, {
      services: {
        mailHooks: {
          afterSmtp: () => {
            if (crashesLeft === 0) return Promise.resolve();
            crashesLeft -= 1;
            return Promise.reject(new Error('Simulated crash between sending and recording'));
          },
        },
      },
    });
    mailbox = await startDovecot();
    relay = await startSmtpRelay(mailbox, { sentFolder: 'Sent', credentials: { user: mailbox.user, password: mailbox.password } });
  });
  afterEach(async () => {
    await t.close();
    await relay.stop();
    await mailbox.stop();
  });

  it('an acknowledgement e-mail carries [Ref …] and a stable Message-ID, and acknowledges the case when sent (P-3.2)', async () => {
    await configure();
    const { caseId, reference, letterId } = await acknowledgementLetter();
    t.clock.set('2026-11-25T11:30:00.000Z');
    const sent = await t.call('mail.send', { letterId });
    expect(sent).toMatchObject({
      state: 'sent',
      to: 'margaret@example.org',
      subject: `[Ref ${reference}] We have received your complaint`,
      messageId: `<plaint-${letterId}@example.com>`,
      problem: null,
    });
    expect(relay.accepted()).toBe(1);
    expect(await mailbox.messageIds('INBOX')).toEqual([sent.messageId]);
    expect(await mailbox.messageIds('Sent')).toEqual([sent.messageId]);
    const detail = await t.call('cases.get', { caseId });
    expect(detail.case.status).toBe('acknowledged');
    expect(detail.case.acknowledgement).toMatchObject({ channel: 'email' });
    expect(Date.parse(detail.case.acknowledgement!.at)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T11:30:00.000Z'));
    // Sending it again sends nothing.
    expect(await t.call('mail.send', { letterId })).toMatchObject({ state: 'sent' });
    expect(relay.accepted()).toBe(1);
  });

  it('a crash after sending and before recording does not send twice: the Sent folder is checked after the restart', async () => {
    await configure();
    const { caseId, letterId } = await acknowledgementLetter();
    crashesLeft = 1;
    expect((await t.fail('mail.send', { letterId })).code).toBe('INTERNAL');
    expect(relay.accepted()).toBe(1);
    expect((await t.call('mail.outbox', {}))[0]).toMatchObject({ state: 'sending' });
    expect((await t.call('cases.get', { caseId })).case.status).toBe('received');

    await t.restart();
    // The password was kept in memory (no keychain in tests): give it again.
    await configure();
    const [entry] = await t.call('mail.sendQueued', {});
    expect(entry).toMatchObject({ state: 'sent', letterId });
    expect(relay.accepted()).toBe(1);
    expect(await mailbox.messageIds('INBOX')).toEqual([entry!.messageId]);
    expect((await t.call('cases.get', { caseId })).case.status).toBe('acknowledged');
  });

  it('the outbox drains after an outage; the case is acknowledged when the e-mail actually went', async () => {
    await configure(mailbox.closedPort);
    const { caseId, letterId } = await acknowledgementLetter();
    expect(await t.call('mail.send', { letterId })).toMatchObject({ state: 'queued', problem: 'mail_unreachable' });
    expect((await t.call('cases.get', { caseId })).case.status).toBe('received');

    t.clock.set('2026-11-25T14:00:00.000Z');
    await configure();
    expect(await t.call('mail.sendQueued', {})).toMatchObject([{ state: 'sent', problem: null }]);
    expect(relay.accepted()).toBe(1);
    const acknowledged = (await t.call('cases.get', { caseId })).case.acknowledgement!;
    expect(Date.parse(acknowledged.at)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T14:00:00.000Z'));
  });

  it('a recipient the server refuses is recorded on the case, its assignee is told in-app as for a bounce, and nothing is acknowledged', async () => {
    await relay.stop();
    relay = await startSmtpRelay(mailbox, { refuse: ['gone@example.org'] });
    await configure();
    const { caseId, letterId, reference } = await acknowledgementLetter('gone@example.org');
    const amira = await t.addAccount({ name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
    await t.call('cases.assign', { caseId, assigneeId: amira });
    // Amira sends it herself: the refusal still reaches her, as a bounce would.
    await t.signInAs('amira');
    await t.call('cases.markSeen', { caseId });
    expect(await t.call('mail.send', { letterId })).toMatchObject({ state: 'refused', problem: 'mail_recipient_refused' });
    const detail = await t.call('cases.get', { caseId });
    expect(detail.case.status).toBe('received');
    const refused = detail.timeline.find(
      (entry) => entry.kind === 'communication' && (entry.data as { generated?: { key: string } }).generated?.key === 'emailRefused',
    );
    expect(refused?.data).toMatchObject({ arrived: { closedCase: false }, generated: { params: { template: 'acknowledgement', to: 'gone@example.org' } } });
    expect((await t.call('cases.unread', {})).caseIds).toEqual([caseId]);
    await t.services.notifier!.recompute();
    const told = (await t.call('notifications.list', {})).items.filter((item) => item.caseIds.includes(caseId));
    expect(told).toEqual([
      expect.objectContaining({
        title: `E-mail refused: ${reference}`,
        body: expect.stringMatching(/^The mail server refused the e-mail to gone@example\.org: .+\. Post the letter instead/),
        path: `/case/${caseId}`,
      }),
    ]);
  });

  it('a letter sent by e-mail shows as sent by e-mail (address, time, Message-ID), not awaiting posting, and cannot be logged as posted', async () => {
    await configure();
    const { caseId, letterId } = await acknowledgementLetter();
    expect((await t.call('post.list', { awaitingPosting: true })).map((letter) => letter.id)).toEqual([letterId]);
    t.clock.set('2026-11-25T11:30:00.000Z');
    const sent = await t.call('mail.send', { letterId });
    expect(sent.state).toBe('sent');

    expect(await t.call('post.list', { awaitingPosting: true })).toEqual([]);
    const [letter] = await t.call('post.list', { caseId });
    expect(letter?.posting).toMatchObject({
      postClass: 'email',
      postedOn: '2026-11-25',
      email: { to: 'margaret@example.org', messageId: sent.messageId, sentAt: sent.sentAt },
    });
    // The record other devices receive by sync (stored with its posting day) is a valid letter.
    expect(letterRecordSchema.safeParse({ ...letter, postedOn: letter?.posting?.postedOn }).success).toBe(true);
    expect((await t.fail('post.logPosting', { letterId, postedOn: '2026-11-25', postClass: 'first' })).issues[0]).toMatchObject({
      path: 'letterId',
      code: 'already_emailed',
    });

    const timeline = (await t.call('cases.get', { caseId })).timeline;
    const emailed = timeline.find((entry) => entry.kind === 'communication' && entry.data.channel === 'email' && entry.data.direction === 'out');
    expect(emailed?.kind === 'communication' && emailed.data.generated).toEqual({
      key: 'emailSent',
      params: { template: 'acknowledgement', to: 'margaret@example.org' },
    });
    expect(emailed?.at).toBe(sent.sentAt);
  });

  it('a letter recorded as sent after a crash is marked sent by e-mail too', async () => {
    await configure();
    const { caseId, letterId } = await acknowledgementLetter();
    crashesLeft = 1;
    await t.fail('mail.send', { letterId });
    expect((await t.call('post.list', { awaitingPosting: true })).map((letter) => letter.id)).toEqual([letterId]);
    await t.restart();
    await configure();
    await t.call('mail.sendQueued', {});
    expect(await t.call('post.list', { awaitingPosting: true })).toEqual([]);
    expect((await t.call('post.list', { caseId }))[0]?.posting?.postClass).toBe('email');
  });

  it('a letter already posted is not sent by e-mail as well', async () => {
    await configure();
    const { letterId } = await acknowledgementLetter();
    await t.call('post.logPosting', { letterId, postedOn: '2026-11-25', postClass: 'first' });
    expect((await t.fail('mail.send', { letterId })).issues[0]).toMatchObject({ path: 'letterId', code: 'already_posted' });
    expect(relay.accepted()).toBe(0);
    expect(await t.call('mail.outbox', {})).toEqual([]);
  });

  it('a refused e-mail leaves the letter waiting to be posted', async () => {
    await relay.stop();
    relay = await startSmtpRelay(mailbox, { refuse: ['gone@example.org'] });
    await configure();
    const { letterId } = await acknowledgementLetter('gone@example.org');
    await t.call('mail.send', { letterId });
    expect((await t.call('post.list', { awaitingPosting: true })).map((letter) => letter.id)).toEqual([letterId]);
  });
});
