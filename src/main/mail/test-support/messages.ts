/**
 * Raw RFC 5322 messages for the mail tests, composed by nodemailer's MailComposer (the same MIME
 * writer a website form or a mail client uses), plus hand-broken ones for the bad-input tests.
 */
import MailComposer from 'nodemailer/lib/mail-composer';

export interface TestMessage {
  readonly messageId: string;
  readonly from?: string;
  readonly to?: string;
  readonly subject: string;
  readonly text: string;
  readonly attachments?: readonly { readonly filename: string; readonly content: Buffer; readonly contentType?: string }[];
  readonly inReplyTo?: string;
}

export async function composeMessage(message: TestMessage): Promise<Buffer> {
  const composer = new MailComposer({
    messageId: message.messageId,
    from: message.from ?? 'Margaret Hale <margaret@example.org>',
    to: message.to ?? 'complaints@example.com',
    subject: message.subject,
    text: message.text,
    date: new Date('2026-11-20T09:58:00.000Z'),
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    attachments: (message.attachments ?? []).map((attachment) => ({ ...attachment })),
  });
  return composer.compile().build();
}

/** A multipart message whose closing boundary never comes and whose part headers are cut off. */
export function malformedMime(messageId: string): Buffer {
  return Buffer.from(
    [
      'From: Margaret Hale <margaret@example.org>',
      'To: complaints@example.com',
      'Subject: Broken',
      `Message-ID: ${messageId}`,
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed',
      '',
      '--nothing',
      'Content-Type: text/plain',
      '',
      'Hello',
      '',
    ].join('\r\n'),
  );
}

/** A subject in raw ISO-8859-13 bytes with no encoded-word: not the UTF-8 a header must be in. */
export function wrongHeaderEncoding(messageId: string): Buffer {
  return Buffer.concat([
    Buffer.from(['From: Margaret Hale <margaret@example.org>', 'To: complaints@example.com', `Message-ID: ${messageId}`, 'Subject: S'].join('\r\n')),
    Buffer.from([0xfb, 0xe7, 0x69, 0x6e, 0x61]), // "ūdzina"-like bytes in ISO-8859-13, invalid as UTF-8
    Buffer.from('\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nBody\r\n'),
  ]);
}
