/**
 * One e-mail from the team mailbox, read with mailparser and checked before anything of it is
 * stored (issue 17): its headers are UTF-8 or ASCII (RFC 6532), its MIME structure is whole, it
 * has a sender, and every attachment passes the checks a scan passes (file-kinds.ts: PDF, JPEG,
 * PNG or TIFF by content, whole, no polyglot; at most 20 MB each, 10 per message, P-3.1). A
 * message that fails is refused with the reason and left in the mailbox as it was.
 */
import crypto from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { IssueCode, IssueParams } from '../../shared/domain/issue-codes';
import { checkScan, MAX_SCAN_BYTES, MAX_SCANS_PER_LETTER } from '../files/file-kinds';
import { safeFileName } from '../files/file-names';

/** Larger than this, a message is refused before it is downloaded: one 20 MB scan is about 27 MB in base64. */
export const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;

export interface ReadAttachment {
  readonly name: string;
  readonly mimeType: string;
  readonly data: Buffer;
}

export interface ReadMessage {
  readonly messageId: string;
  readonly from: { readonly name: string; readonly address: string };
  readonly subject: string;
  readonly text: string;
  readonly attachments: readonly ReadAttachment[];
}

export type MessageReading =
  | { readonly ok: true; readonly message: ReadMessage }
  | { readonly ok: false; readonly code: IssueCode; readonly params?: IssueParams; readonly reason: string };

/**
 * The id of a message's record, the same on every device that imports it: a hash of its
 * Message-ID, or of its bytes when it has none. Two devices watching one mailbox converge on one
 * record, so a message never becomes two (issue 17).
 */
export function mailRecordId(messageId: string | null | undefined, raw?: Buffer): string {
  const key = messageId?.trim()
    ? `message-id:${messageId.trim()}`
    : `raw:${crypto
        .createHash('sha256')
        .update(raw ?? Buffer.alloc(0))
        .digest('hex')}`;
  return `mail-${crypto.createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

function headerBlock(raw: Buffer): Buffer {
  for (const separator of ['\r\n\r\n', '\n\n']) {
    const at = raw.indexOf(separator);
    if (at >= 0) return raw.subarray(0, at);
  }
  return raw;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function headersAreUtf8(raw: Buffer): boolean {
  try {
    strictUtf8.decode(headerBlock(raw));
    return true;
  } catch {
    return false;
  }
}

/** Each multipart body's boundary is declared and its closing delimiter is there (RFC 2046 §5.1.1). */
function multipartIsWhole(raw: Buffer): boolean {
  const text = raw.toString('latin1');
  const types = text.match(/^content-type:[^\r\n]*(?:\r?\n[ \t][^\r\n]*)*/gim) ?? [];
  for (const header of types) {
    if (!/multipart\//i.test(header)) continue;
    const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(header);
    const value = boundary?.[1] ?? boundary?.[2];
    if (!value || !text.includes(`--${value}--`)) return false;
  }
  return true;
}

function sender(from: AddressObject | undefined): { name: string; address: string } | null {
  const first = from?.value[0];
  if (!first?.address) return null;
  return { name: first.name?.trim() ?? '', address: first.address.trim().toLowerCase() };
}

function refused(code: IssueCode, reason: string, params?: IssueParams): MessageReading {
  return { ok: false, code, reason, ...(params ? { params } : {}) };
}

function megabytes(bytes: number): string {
  return `${Math.ceil(bytes / (1024 * 1024))} MB`;
}

export function tooLarge(size: number): MessageReading {
  return refused('mail_too_large', `The message is ${megabytes(size)}; at most ${megabytes(MAX_MESSAGE_BYTES)} is imported (one scan is at most 20 MB)`, {
    size: megabytes(size),
    maximum: megabytes(MAX_MESSAGE_BYTES),
  });
}

function attachmentsOf(parsed: ParsedMail): ReadAttachment[] | MessageReading {
  const attached = parsed.attachments.filter((attachment) => !attachment.related);
  if (attached.length > MAX_SCANS_PER_LETTER)
    return refused('mail_attachment_refused', `The message has ${attached.length} attachments; at most ${MAX_SCANS_PER_LETTER} are kept with a case`, {
      name: '',
      problem: 'too_many',
    });
  const read: ReadAttachment[] = [];
  for (const [index, attachment] of attached.entries()) {
    const name = attachment.filename ?? `attachment-${index + 1}`;
    if (attachment.content.length > MAX_SCAN_BYTES)
      return refused('mail_attachment_refused', `${name} is larger than 20 MB`, { name, problem: 'file_too_big' });
    const checked = checkScan(attachment.content);
    if (!checked.ok)
      return refused('mail_attachment_refused', `${name} is not a whole PDF, JPEG, PNG or TIFF file (${checked.problem})`, {
        name,
        problem: checked.problem === 'mixed' ? 'polyglot' : 'unreadable',
      });
    read.push({ name: safeFileName(name, checked.mimeType, `attachment-${index + 1}`), mimeType: checked.mimeType, data: attachment.content });
  }
  return read;
}

/** The message read by mailparser once, for both the bounce check and the message's own checks; an Error when it is not MIME. */
export async function parseMail(raw: Buffer): Promise<ParsedMail | Error> {
  try {
    return await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** Reads and checks `raw`; `parsed` is mailparser's reading of those same bytes when the caller has it already. */
export async function readMessage(raw: Buffer, parsed?: ParsedMail | Error): Promise<MessageReading> {
  if (raw.length > MAX_MESSAGE_BYTES) return tooLarge(raw.length);
  if (!headersAreUtf8(raw))
    return refused('mail_header_encoding', 'A header of the message is neither ASCII nor UTF-8 (an encoded word is needed for other character sets)');
  if (!multipartIsWhole(raw)) return refused('mail_malformed', 'The message is not well-formed MIME: a multipart part has no boundary or never ends');
  const mail = parsed ?? (await parseMail(raw));
  if (mail instanceof Error) return refused('mail_malformed', `The message could not be read as MIME: ${mail.message}`);
  const from = sender(mail.from);
  if (!from) return refused('mail_malformed', 'The message has no sender address (From)');
  const attachments = attachmentsOf(mail);
  if (!Array.isArray(attachments)) return attachments;
  return {
    ok: true,
    message: {
      messageId: mail.messageId ?? '',
      from,
      subject: mail.subject ?? '',
      text: (mail.text ?? '').slice(0, 100_000),
      attachments,
    },
  };
}
