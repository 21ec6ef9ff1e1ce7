/**
 * Bounces (issue 17): a report that an e-mail could not be delivered, read from a message in the
 * team mailbox, with the Message-IDs of the e-mail it returns so that it can be matched to the
 * letter Plaint sent (its outbox gives every e-mail a stable `<plaint-<letter id>@…>`).
 *
 * - **RFC 3464:** `multipart/report; report-type=delivery-status`. Only a recipient whose
 *   `Action` is `failed` makes it a bounce; `delayed`, `delivered`, `relayed` and `expanded` are
 *   reports about an e-mail still on its way or delivered, and are not. The reason is the
 *   `Diagnostic-Code` (else the `Status`).
 * - **Common non-standard bounces** (Exim's "Mail delivery failed", qmail's "failure notice",
 *   Exchange's "Undeliverable: …"): from a mailer daemon or postmaster, or with
 *   `X-Failed-Recipients`, or an automatic message whose subject says it was not delivered. The
 *   reason is the first line that gives an SMTP reply (`550 5.1.1 …`).
 * - **The original Message-ID** is looked for in the returned message or its headers, in
 *   In-Reply-To and References, and in the text: anywhere a mail server quotes it.
 *
 * A reply from a person is never a bounce: it is not a delivery report, not from a mail system,
 * and not automatic.
 */
import { simpleParser, type AddressObject, type HeaderValue, type ParsedMail } from 'mailparser';

export interface Bounce {
  /** Who sent the report (the mail system). */
  readonly from: { readonly name: string; readonly address: string };
  /** Message-IDs (with angle brackets) the report quotes: the e-mail it returns is among them. */
  readonly originalMessageIds: readonly string[];
  /** The address that could not be reached, when the report names it. */
  readonly recipient: string;
  /** Why, as the receiving server put it (one line, at most 300 characters). */
  readonly reason: string;
}

const DAEMON = /^(mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster)@/i;
const NOT_DELIVERED_SUBJECT =
  /undeliver|not (be )?delivered|delivery (status notification \(failure\)|has failed|failure|failed)|mail delivery failed|returned mail|returned to sender|failure notice|delivery problem/i;
const MESSAGE_ID = /<[^<>\s"]+@[^<>\s"]+>/g;
const QUOTED_MESSAGE_ID = /^[ \t>]*Message-ID:[ \t]*(<[^<>\s"]+@[^<>\s"]+>)/gim;
const PLAINT_MESSAGE_ID = /<plaint-[A-Za-z0-9-]{1,64}@[^<>\s"]+>/g;
const SMTP_REPLY = /\b[45]\d\d[ -](?:[45]\.\d{1,3}\.\d{1,3}\b)?.*$|\b[45]\.\d{1,3}\.\d{1,3}\b.*$/m;
const FALLBACK_REASON = 'The receiving mail server did not say why';

function headerText(value: HeaderValue | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map((item) => headerText(item)).join(' ');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && 'value' in value) return typeof value.value === 'string' ? value.value : '';
  return '';
}

/** `multipart/report; report-type=delivery-status` (RFC 3462, RFC 3464), read from the header line itself. */
function isDeliveryStatusReport(parsed: ParsedMail): boolean {
  const line = parsed.headerLines.find((header) => header.key === 'content-type')?.line ?? '';
  return /^content-type:\s*multipart\/report\s*;/i.test(line) && /report-type\s*=\s*"?delivery-status"?/i.test(line);
}

/** DSN fields, one block per recipient: header-style lines, folded lines unfolded (RFC 3464 §2). */
function fieldBlocks(text: string): Map<string, string>[] {
  return text
    .replace(/\r\n/g, '\n')
    .replace(/\n[ \t]+/g, ' ')
    .split(/\n\s*\n/)
    .map((block) => {
      const fields = new Map<string, string>();
      for (const line of block.split('\n')) {
        const match = /^([A-Za-z][A-Za-z0-9-]*):\s*(.*)$/.exec(line.trim());
        if (match?.[1] && match[2] !== undefined && !fields.has(match[1].toLowerCase())) fields.set(match[1].toLowerCase(), match[2].trim());
      }
      return fields;
    });
}

/** `rfc822; gone@example.org` → `gone@example.org`; `smtp; 550 …` → `550 …`. */
function typed(value: string | undefined): string {
  if (!value) return '';
  const at = value.indexOf(';');
  return (at >= 0 ? value.slice(at + 1) : value).trim();
}

function oneLine(value: string): string {
  return value.replace(/\s+/g, ' ').trim().slice(0, 300);
}

function senderAddress(from: AddressObject | undefined): string {
  return from?.value[0]?.address?.trim() ?? '';
}

function sender(from: AddressObject | undefined): Bounce['from'] {
  const address = senderAddress(from).toLowerCase();
  return { name: from?.value[0]?.name?.trim() || address || 'Mail delivery system', address };
}

function isAutomatic(parsed: ParsedMail): boolean {
  const auto = headerText(parsed.headers.get('auto-submitted')).toLowerCase();
  return (auto !== '' && auto !== 'no') || headerText(parsed.headers.get('x-autoreply')) !== '' || headerText(parsed.headers.get('x-failed-recipients')) !== '';
}

function allText(parsed: ParsedMail): string {
  const parts = parsed.attachments
    .filter((attachment) => /^(message\/|text\/)/i.test(attachment.contentType))
    .map((attachment) => attachment.content.toString('utf8'));
  return [parsed.text ?? '', ...parts].join('\n\n');
}

/** In-Reply-To and References, `Message-ID:` lines quoted in the report, and Plaint's own ids wherever they stand. */
function quotedMessageIds(parsed: ParsedMail, text: string): string[] {
  const headers = `${headerText(parsed.headers.get('in-reply-to'))} ${headerText(parsed.headers.get('references'))}`.match(MESSAGE_ID) ?? [];
  const quoted = [...text.matchAll(QUOTED_MESSAGE_ID)].flatMap((match) => (match[1] ? [match[1]] : []));
  const found = [...headers, ...quoted, ...(text.match(PLAINT_MESSAGE_ID) ?? [])];
  const own = parsed.messageId ?? '';
  return [...new Set(found.filter((id) => id !== own))];
}

/** Reads `raw` as a delivery failure report; null when it is not one (or not readable MIME). */
export async function readBounce(raw: Buffer): Promise<Bounce | null> {
  let parsed: ParsedMail;
  try {
    parsed = await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch {
    return null;
  }
  return bounceIn(parsed);
}

/** A message mailparser has read, as a delivery failure report; null when it is not one. */
export function bounceIn(parsed: ParsedMail): Bounce | null {
  const text = allText(parsed);
  if (isDeliveryStatusReport(parsed)) {
    const failed = fieldBlocks(text).find((fields) => fields.get('action')?.toLowerCase() === 'failed');
    // A delay or success report is not a bounce.
    if (!failed) return null;
    const reason = typed(failed.get('diagnostic-code')) || (failed.get('status') ? `Status ${failed.get('status') ?? ''}` : FALLBACK_REASON);
    return {
      from: sender(parsed.from),
      originalMessageIds: quotedMessageIds(parsed, text),
      recipient: typed(failed.get('final-recipient') ?? failed.get('original-recipient')),
      reason: oneLine(reason),
    };
  }
  const failedRecipients = headerText(parsed.headers.get('x-failed-recipients'));
  const fromDaemon = DAEMON.test(senderAddress(parsed.from));
  const saysNotDelivered = NOT_DELIVERED_SUBJECT.test(parsed.subject ?? '');
  const reply = SMTP_REPLY.exec(parsed.text ?? '');
  if (!(failedRecipients !== '' || (fromDaemon && (saysNotDelivered || reply)) || (saysNotDelivered && isAutomatic(parsed)))) return null;
  return {
    from: sender(parsed.from),
    originalMessageIds: quotedMessageIds(parsed, text),
    recipient: failedRecipients.split(',')[0]?.trim() ?? '',
    reason: oneLine(reply?.[0] ?? FALLBACK_REASON),
  };
}

/** The letter id in a Message-ID Plaint's outbox gave (`<plaint-<letter id>@<domain>>`), else null. */
export function plaintLetterId(messageId: string): string | null {
  return /^<plaint-([A-Za-z0-9-]{1,64})@[^<>\s]+>$/.exec(messageId)?.[1] ?? null;
}
