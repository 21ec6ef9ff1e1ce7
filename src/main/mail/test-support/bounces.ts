/**
 * Delivery failure reports as mail servers write them, for the bounce tests (issue 17): an
 * RFC 3464 report as Postfix sends it, a delay report (not a bounce), and the non-standard
 * bounces of Exim and qmail that quote the original e-mail in their text.
 */
const CRLF = '\r\n';

export interface ReportOptions {
  readonly messageId: string;
  /** The Message-ID of the e-mail returned. */
  readonly original: string;
  readonly recipient?: string;
  readonly action?: 'failed' | 'delayed' | 'delivered';
  readonly diagnostic?: string;
}

/** Postfix's "Undelivered Mail Returned to Sender": multipart/report with the returned headers. */
export function deliveryStatusReport(options: ReportOptions): Buffer {
  const recipient = options.recipient ?? 'gone@example.org';
  const action = options.action ?? 'failed';
  return Buffer.from(
    [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
      'To: complaints@example.com',
      `Subject: ${action === 'failed' ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)'}`,
      `Message-ID: ${options.messageId}`,
      'Date: Wed, 25 Nov 2026 12:01:00 +0000',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="REPORT"',
      '',
      '--REPORT',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This is the mail system at host mx.example.org.',
      '',
      "I'm sorry to have to inform you that your message could not be delivered.",
      '',
      '--REPORT',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      'Arrival-Date: Wed, 25 Nov 2026 12:00:58 +0000',
      '',
      `Final-Recipient: rfc822; ${recipient}`,
      `Original-Recipient: rfc822;${recipient}`,
      `Action: ${action}`,
      `Status: ${action === 'failed' ? '5.1.1' : '4.4.1'}`,
      `Diagnostic-Code: smtp; ${options.diagnostic ?? `550 5.1.1 <${recipient}>: Recipient address`}`,
      ...(options.diagnostic ? [] : ['    rejected: User unknown in virtual mailbox table']),
      '',
      '--REPORT',
      'Content-Type: text/rfc822-headers',
      '',
      'From: complaints@example.com',
      `To: ${recipient}`,
      'Subject: [Ref 7KQ2-00A3-M] We have received your complaint',
      `Message-ID: ${options.original}`,
      '',
      '--REPORT--',
      '',
    ].join(CRLF),
  );
}

/** Exim's "Mail delivery failed": plain text from the mailer daemon, X-Failed-Recipients, the original quoted below. */
export function eximBounce(options: { readonly messageId: string; readonly original: string; readonly recipient?: string }): Buffer {
  const recipient = options.recipient ?? 'gone@example.org';
  return Buffer.from(
    [
      'From: Mail Delivery System <Mailer-Daemon@mail.example.net>',
      'To: complaints@example.com',
      'Subject: Mail delivery failed: returning message to sender',
      `Message-ID: ${options.messageId}`,
      `X-Failed-Recipients: ${recipient}`,
      'Auto-Submitted: auto-replied',
      'Date: Wed, 25 Nov 2026 12:02:00 +0000',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      `  ${recipient}`,
      '    host mx.example.net [192.0.2.7]',
      '    SMTP error from remote mail server after RCPT TO:<gone@example.org>:',
      '    550 5.2.1 Mailbox disabled for this recipient',
      '',
      '------ This is a copy of the message, including all the headers. ------',
      '',
      `Message-ID: ${options.original}`,
      'Subject: [Ref 7KQ2-00A3-M] We have received your complaint',
      '',
      'Dear Margaret Hale,',
      '',
    ].join(CRLF),
  );
}

/** qmail's "failure notice": from MAILER-DAEMON, no X-Failed-Recipients, the original's headers quoted. */
export function qmailBounce(options: { readonly messageId: string; readonly original: string }): Buffer {
  return Buffer.from(
    [
      'From: MAILER-DAEMON@mx.example.net',
      'To: complaints@example.com',
      'Subject: failure notice',
      `Message-ID: ${options.messageId}`,
      'Date: Wed, 25 Nov 2026 12:03:00 +0000',
      '',
      'Hi. This is the qmail-send program at mx.example.net.',
      "I'm afraid I wasn't able to deliver your message to the following addresses.",
      "This is a permanent error; I've given up. Sorry it didn't work out.",
      '',
      '<gone@example.org>:',
      '552 5.2.2 Mailbox full',
      '',
      '--- Below this line is a copy of the message.',
      '',
      `Message-ID: ${options.original}`,
      '',
    ].join(CRLF),
  );
}
