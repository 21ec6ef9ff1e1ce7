/** A letter in or out as stored and replicated (post-room/letters-collection.ts). */
import { z } from 'zod';
import { DISPATCH_CLASSES, INCOMING_KINDS, LETTER_LANGUAGES, LETTER_TEMPLATES } from '../letters';
import { day, id, instant, staffRef, strings } from './common';

const letterFile = z.object({ id, name: z.string(), mimeType: z.string(), size: z.number().int().min(0) });

export const letterRecordSchema = z
  .object({
    id,
    direction: z.enum(['in', 'out']),
    caseId: z.string().nullable(),
    caseReference: z.string().nullable(),
    receivedOn: day.nullable(),
    letterDate: day.nullable(),
    party: z.object({ name: z.string(), addressLines: strings, postcode: z.string(), country: z.string(), email: z.string().optional(), phone: z.string().optional(), customerNumber: z.string().optional() }),
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
    posting: z
      .object({
        postedOn: day,
        postClass: z.enum(DISPATCH_CLASSES),
        trackingNumber: z.string(),
        loggedAt: instant,
        loggedBy: staffRef.optional(),
        // Issue 17: a letter sent by e-mail through the outbox.
        email: z.object({ to: z.string(), messageId: z.string(), sentAt: instant, bounce: z.object({ at: instant, reason: z.string() }).optional() }).optional(),
      })
      .nullable(),
    postedOn: z.union([z.literal(''), day]),
    batchId: z.string(),
    loggedAt: instant,
    loggedBy: staffRef,
    voided: z.boolean(),
  })
  .superRefine((letter, context) => {
    if (letter.postedOn !== (letter.posting?.postedOn ?? '')) context.addIssue({ code: 'custom', path: ['postedOn'], message: 'Does not match the posting' });
    if (letter.posting && (letter.posting.postClass === 'email') !== (letter.posting.email !== undefined)) context.addIssue({ code: 'custom', path: ['posting', 'email'], message: 'An e-mail dispatch has its address, and only it' });
  });
