/**
 * The post room's records and inputs: incoming letters (P-3.1 posted letters, logged with the
 * date the office received them, P-3.2) and outgoing letters generated from templates (P-3.2
 * acknowledgement, P-4.4 extension notice, resolutions, P-6.1 final response), with their posting.
 */
import { z } from 'zod';
import { checkPostcode } from './postal';
import { day, emailAddress, issue, pattern, phoneNumber, requiredText, text } from './fields';
import type { LetterEmailDispatch, LetterFileRef, LetterParty, LetterPosting, LetterRecord } from './records/letter-record';

export type { LetterEmailDispatch, LetterFileRef, LetterParty, LetterPosting, LetterRecord };

export const INCOMING_KINDS = ['new-complaint', 'correspondence', 'escalation-request', 'not-a-complaint'] as const;
export type IncomingKind = (typeof INCOMING_KINDS)[number];

export const LETTER_TEMPLATES = ['acknowledgement', 'extension-notice', 'stage1-resolution', 'escalation-acknowledgement', 'stage2-final-response'] as const;
export type LetterTemplateId = (typeof LETTER_TEMPLATES)[number];
/** The letters that give a stage's final response: closing with one unposted needs a confirmation. */
export const FINAL_RESPONSE_TEMPLATES: readonly LetterTemplateId[] = ['stage1-resolution', 'stage2-final-response'];
/** A closing transition's details, followed by the template, when it was closed with that letter unposted. */
export const UNPOSTED_LETTER_DETAIL = 'closed-with-unposted-letter:';

export const POST_CLASSES = ['first', 'second', 'signed-for'] as const;
export type PostClass = (typeof POST_CLASSES)[number];
/**
 * How a letter went out (issue 17): by post in one of its classes, or by e-mail through the outbox.
 * Only the outbox records `email`; a person logs the post classes.
 */
export const DISPATCH_CLASSES = [...POST_CLASSES, 'email'] as const;
export type DispatchClass = (typeof DISPATCH_CLASSES)[number];

/**
 * A finalised outgoing letter that has not gone out yet (by post or e-mail), or whose e-mail came
 * back undelivered (issue 17): the outgoing post offers it for posting.
 */
export function awaitsPosting(letter: Pick<LetterRecord, 'direction' | 'finalisedAt' | 'posting'>): boolean {
  return letter.direction === 'out' && letter.finalisedAt !== null && (letter.posting === null || letter.posting.email?.bounce !== undefined);
}

export const LETTER_LANGUAGES = ['en-GB', 'lv'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

export const scanUploadSchema = z
  .object({
    name: requiredText(255),
    mimeType: text(100).default(''),
    /**
     * Base64 content; about 27 MB of text holds the 20 MB limit. Strict (standard alphabet, padded,
     * no spaces): a decoder would otherwise skip bad characters and keep a shortened file.
     */
    dataBase64: z
      .base64({ error: 'The file did not arrive whole (its content is not valid base64); add it again' })
      .min(1, 'The file is empty')
      .max(28_000_000, 'The file is larger than 20 MB'),
  })
  .strict();

export const partySchema = z
  .object({
    name: requiredText(200),
    addressLines: z.array(text(120)).max(6).default([]),
    postcode: text(16).default(''),
    country: z
      .string()
      .trim()
      .toUpperCase()
      .refine(...pattern(/^[A-Z]{2}$/, 'country_code', 'A two-letter country code, e.g. GB'))
      .default('GB'),
    // Issue 18: how else to reach the sender, all optional; stored with the letter and given to the case it opens.
    email: emailAddress,
    phone: phoneNumber,
    customerNumber: text(60).default(''),
  })
  .strict()
  .transform((party, context) => {
    const postcode = checkPostcode(party.country, party.postcode);
    if (!postcode.ok) {
      issue(context, 'postcode', 'postcode_invalid', postcode.message);
      return z.NEVER;
    }
    return { ...party, addressLines: party.addressLines.filter((line) => line !== ''), postcode: postcode.value };
  });

export const logIncomingLetterInput = z
  .object({
    receivedOn: day,
    letterDate: day.nullable().default(null),
    sender: partySchema,
    referenceQuoted: text(40).default(''),
    kind: z.enum(INCOMING_KINDS),
    type: text(40).default(''),
    routedTo: text(200).default(''),
    note: text(2_000).default(''),
    summary: requiredText(2_000),
    scans: z.array(scanUploadSchema).max(10, 'At most 10 scans per letter').default([]),
    batchId: text(64).default(''),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.letterDate && value.letterDate > value.receivedOn)
      issue(context, 'letterDate', 'letter_dated_after_receipt', 'A letter cannot be dated after the day it was received');
    if ((value.kind === 'correspondence' || value.kind === 'escalation-request') && value.referenceQuoted === '')
      issue(context, 'referenceQuoted', 'reference_needed', 'Give the case reference the letter is about');
    if (value.kind === 'new-complaint' && value.type === '') issue(context, 'type', 'type_needed', 'Choose the complaint type');
    if (value.kind === 'not-a-complaint' && value.routedTo === '') issue(context, 'routedTo', 'routed_to_needed', 'Say where the letter was sent');
  });

export const undoLetterInput = z.object({ letterId: requiredText(64) }).strict();

export const draftLetterInput = z.object({ caseId: requiredText(64), template: z.enum(LETTER_TEMPLATES), language: z.enum(LETTER_LANGUAGES) }).strict();

/**
 * Issue 18 §2: the dates a letter promises, as office days: the merge fields a draft filled from
 * the action the letter records (post-room/letter-promises.ts). Finalising is given the draft's, so a
 * date that moved since the draft is re-rendered in the text.
 */
export const PROMISED_DATE_FIELDS = ['deadline.resolution', 'extension.newDueAt'] as const;
export const promisedDates = z.object({ 'deadline.resolution': day.optional(), 'extension.newDueAt': day.optional() }).strict();
export type PromisedDates = z.infer<typeof promisedDates>;

export const finaliseLetterInput = z
  .object({
    caseId: requiredText(64),
    template: z.enum(LETTER_TEMPLATES),
    language: z.enum(LETTER_LANGUAGES),
    text: requiredText(20_000),
    draftedDates: promisedDates.optional(),
  })
  .strict();

export const logPostingInput = z
  .object({ letterId: requiredText(64), postedOn: day, postClass: z.enum(POST_CLASSES), trackingNumber: text(40).default('') })
  .strict()
  .superRefine((value, context) => {
    if (value.postClass === 'signed-for' && value.trackingNumber === '')
      issue(context, 'trackingNumber', 'tracking_number_needed', 'Signed-for post has a tracking number');
  });

/** The most letters one batch print marks posted (issue 18). */
export const MAX_POSTING_BATCH = 200;

/**
 * Issue 18: the letters of a batch print, posted on one day by one class, all or nothing.
 * Signed-for post has a tracking number per letter, so it is logged letter by letter.
 */
export const logPostingsInput = z
  .object({
    letterIds: z
      .array(requiredText(64))
      .min(1)
      .max(MAX_POSTING_BATCH)
      .superRefine((ids, context) => {
        const seen = new Set<string>();
        ids.forEach((letterId, index) => {
          if (seen.has(letterId)) issue(context, String(index), 'duplicate_letter', 'This letter appears twice');
          seen.add(letterId);
        });
      }),
    postedOn: day,
    postClass: z.enum(POST_CLASSES),
  })
  .strict()
  .superRefine((value, context) => {
    if (value.postClass === 'signed-for')
      issue(context, 'postClass', 'tracking_number_needed', 'Signed-for post has a tracking number: log it letter by letter');
  });

export const listLettersInput = z
  .object({ caseId: text(64).optional(), from: day.optional(), to: day.optional(), awaitingPosting: z.boolean().optional() })
  .strict();

export const letterFileInput = z.object({ fileId: requiredText(64) }).strict();

export const dayBookInput = z
  .object({ from: day, to: day, format: z.enum(['csv', 'pdf']) })
  .strict()
  .refine((value) => value.from <= value.to, { message: 'The start must not be after the end', path: ['to'], params: { code: 'start_after_end' } });

export const letterTemplatesInput = z.object({ template: z.enum(LETTER_TEMPLATES), language: z.enum(LETTER_LANGUAGES), text: requiredText(20_000) }).strict();

export interface DayBookRow {
  readonly direction: 'in' | 'out';
  readonly date: string;
  readonly party: string;
  readonly caseReference: string;
  readonly kind: string;
  readonly summary: string;
  readonly postClass: string;
  readonly trackingNumber: string;
  readonly scans: number;
}
