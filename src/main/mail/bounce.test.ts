/**
 * Reading bounces (issue 17): an RFC 3464 report, Exim's and qmail's non-standard bounces give
 * the returned e-mail's Message-ID, the address and the reason; a delay report and a person's
 * reply to Plaint's e-mail (which quotes its Message-ID too) are not bounces.
 */
import { describe, expect, it } from 'vitest';
import { plaintLetterId, readBounce } from './bounce';
import { deliveryStatusReport, eximBounce, qmailBounce } from './test-support/bounces';
import { composeMessage } from './test-support/messages';

const original = '<plaint-6f1c2a44-9b1e-4a57-8e53-2f0d6f0c1b2a@example.com>';

describe('reading a bounce (issue 17)', () => {
  it('RFC 3464: the failed recipient, the diagnostic as the reason, the returned Message-ID', async () => {
    const bounce = await readBounce(deliveryStatusReport({ messageId: '<report-1@mx.example.org>', original }));
    expect(bounce).toEqual({
      from: { name: 'Mail Delivery System', address: 'mailer-daemon@mx.example.org' },
      originalMessageIds: [original],
      recipient: 'gone@example.org',
      reason: '550 5.1.1 <gone@example.org>: Recipient address rejected: User unknown in virtual mailbox table',
    });
  });

  it('RFC 3464: a delay or delivery report is not a bounce', async () => {
    expect(await readBounce(deliveryStatusReport({ messageId: '<report-2@mx.example.org>', original, action: 'delayed' }))).toBeNull();
    expect(await readBounce(deliveryStatusReport({ messageId: '<report-3@mx.example.org>', original, action: 'delivered' }))).toBeNull();
  });

  it("Exim's bounce: X-Failed-Recipients, the SMTP reply as the reason, the Message-ID quoted in the text", async () => {
    expect(await readBounce(eximBounce({ messageId: '<exim-1@mail.example.net>', original }))).toEqual({
      from: { name: 'Mail Delivery System', address: 'mailer-daemon@mail.example.net' },
      originalMessageIds: [original],
      recipient: 'gone@example.org',
      reason: '550 5.2.1 Mailbox disabled for this recipient',
    });
  });

  it("qmail's failure notice from MAILER-DAEMON", async () => {
    expect(await readBounce(qmailBounce({ messageId: '<qmail-1@mx.example.net>', original }))).toMatchObject({
      originalMessageIds: [original],
      reason: '552 5.2.2 Mailbox full',
    });
  });

  it("a person's reply to Plaint's e-mail is not a bounce, though it quotes the Message-ID", async () => {
    const reply = await composeMessage({
      messageId: '<reply-1@example.org>',
      subject: 'Re: [Ref 7KQ2-00A3-M] We have received your complaint',
      text: 'Thank you. It was not delivered to my house though.',
      inReplyTo: original,
    });
    expect(await readBounce(reply)).toBeNull();
  });

  it("Plaint's own Message-IDs name their letter; others do not", () => {
    expect(plaintLetterId(original)).toBe('6f1c2a44-9b1e-4a57-8e53-2f0d6f0c1b2a');
    expect(plaintLetterId('<complaint-1@example.org>')).toBeNull();
    expect(plaintLetterId('<plaint-a b@example.com>')).toBeNull();
  });
});
