/**
 * The mail tests' servers are real and private (issue 17): Dovecot on its own loopback port with
 * its own maildir, and an SMTP server that delivers into it; both stop without leaving a process.
 */
import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { dovecotInstalled, startDovecot, type DovecotServer } from './dovecot';
import { composeMessage } from './messages';
import { startSmtpRelay } from './smtp-relay';

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

describe.skipIf(!dovecotInstalled())('the test mail servers', () => {
  it('Dovecot serves its own mailbox; SMTP delivers into it; stopping leaves no process', async () => {
    const mailbox: DovecotServer = await startDovecot();
    stops.push(() => mailbox.stop());
    const relay = await startSmtpRelay(mailbox);
    stops.push(() => relay.stop());
    await mailbox.append(await composeMessage({ messageId: '<first@example.org>', subject: 'First', text: 'One' }), {
      receivedAt: new Date('2026-11-20T10:00:00.000Z'),
    });
    const transport = nodemailer.createTransport({ host: relay.host, port: relay.port, secure: false, ignoreTLS: true });
    await transport.sendMail({ from: 'a@example.org', to: 'complaints@example.com', subject: 'Second', text: 'Two', messageId: '<second@example.org>' });
    transport.close();
    expect(await mailbox.messageIds('INBOX')).toEqual(['<first@example.org>', '<second@example.org>']);
    expect(relay.accepted()).toBe(1);
    await relay.stop();
    await mailbox.stop();
    await expect(mailbox.messageIds('INBOX')).rejects.toThrow();
    expect(() => process.kill(mailbox.pid, 0)).toThrow();
  });
});
