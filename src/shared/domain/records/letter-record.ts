/**
 * A letter in or out (P-3.1, P-3.2, P-4.4, P-6.1) as stored and replicated
 * (post-room/letters-collection.ts); its vocabulary and inputs are in shared/domain/letters.ts.
 */
import { z } from 'zod';
import { DISPATCH_CLASSES, INCOMING_KINDS, LETTER_LANGUAGES, LETTER_TEMPLATES } from '../letters';
import { day, id, instant, staffRef, strings, type Immutable } from './common';

const letterFile = z.object({ id, name: z.string(), mimeType: z.string(), size: z.number().int().min(0) });

/**
 * Whom a letter is from or to. An incoming letter's sender may also give an e-mail address, a
 * telephone number and a customer number (issue 18); letters logged before then, outgoing letters
 * and e-mails have none, so they are optional.
 */
const letterParty = z.object({
  name: z.string(),
  addressLines: strings,
  postcode: z.string(),
  country: z.string(),
  email: z.string().optional(),
  phone: z.string().optional(),
  customerNumber: z.string().optional(),
});

/** A letter sent by e-mail (issue 17): to whom, with which stable Message-ID, and when the server took it; a bounce says when it came back and why (the letter is then to be posted instead). */
const letterEmailDispatch = z.object({
  to: z.string(),
  messageId: z.string(),
  sentAt: instant,
  bounce: z.object({ at: instant, reason: z.string() }).optional(),
});

/** How a finalised letter went out: the day, the class (a post class or e-mail) and, for an e-mail, the address and time. */
const letterPosting = z.object({
  postedOn: day,
  postClass: z.enum(DISPATCH_CLASSES),
  trackingNumber: z.string(),
  loggedAt: instant,
  loggedBy: staffRef.optional(),
  // Issue 17: a letter sent by e-mail through the outbox.
  email: letterEmailDispatch.optional(),
});

export const letterRecordSchema = z
  .object({
    id,
    direction: z.enum(['in', 'out']),
    caseId: z.string().nullable(),
    caseReference: z.string().nullable(),
    /** Incoming: the date the office received it (the SLA clock starts from it, P-3.2). */
    receivedOn: day.nullable(),
    letterDate: day.nullable(),
    party: letterParty,
    referenceQuoted: z.string(),
    kind: z.enum(INCOMING_KINDS).nullable(),
    routedTo: z.string(),
    note: z.string(),
    summary: z.string(),
    files: z.array(letterFile),
    template: z.enum(LETTER_TEMPLATES).nullable(),
    language: z.enum(LETTER_LANGUAGES).nullable(),
    text: z.string(),
    finalisedAt: instant.nullable(),
    posting: letterPosting.nullable(),
    /** The posting's day, or '' while unposted: indexed, for the day book. */
    postedOn: z.union([z.literal(''), day]),
    batchId: z.string(),
    loggedAt: instant,
    loggedBy: staffRef,
    voided: z.boolean(),
  })
  .superRefine((letter, context) => {
    if (letter.postedOn !== (letter.posting?.postedOn ?? '')) context.addIssue({ code: 'custom', path: ['postedOn'], message: 'Does not match the posting' });
    if (letter.posting && (letter.posting.postClass === 'email') !== (letter.posting.email !== undefined))
      context.addIssue({ code: 'custom', path: ['posting', 'email'], message: 'An e-mail dispatch has its address, and only it' });
  });

/** A letter as stored (with its indexed posting day). */
export type StoredLetter = Immutable<z.infer<typeof letterRecordSchema>>;
/** A letter as the post room and the API handle it. */
export type LetterRecord = Omit<StoredLetter, 'postedOn'>;
export type LetterParty = Immutable<z.infer<typeof letterParty>>;
export type LetterFileRef = Immutable<z.infer<typeof letterFile>>;
export type LetterEmailDispatch = Immutable<z.infer<typeof letterEmailDispatch>>;
export type LetterPosting = Immutable<z.infer<typeof letterPosting>>;
