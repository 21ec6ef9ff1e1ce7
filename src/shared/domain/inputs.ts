/**
 * Input schemas of the case API, shared by the main process (which validates every call) and the
 * renderer (whose forms check the same rules before sending). Field paths in errors match the
 * form fields.
 */
import { z } from 'zod';
import { day, emailAddress, id, instant, issue, pattern, phoneNumber, requiredText, text } from './fields';
import { scanUploadSchema } from './letters';
import { CASE_STATUSES, COMMUNICATION_CHANNELS, COMPLAINANT_KINDS, CONTACT_PREFERENCES, DIRECTIONS, INTAKE_CHANNELS } from './vocabulary';

export const postalAddressSchema = z.object({
  lines: z.array(requiredText(120)).min(1, 'At least one address line').max(6),
  postcode: text(16),
  country: requiredText(2).refine(...pattern(/^[A-Z]{2}$/, 'country_code', 'A two-letter country code, e.g. GB')),
});

export const complainantSchema = z
  .object({
    kind: z.enum(COMPLAINANT_KINDS).default('customer'),
    name: requiredText(200),
    email: emailAddress,
    phone: phoneNumber,
    address: postalAddressSchema.nullable().default(null),
    preferredChannel: z.enum(CONTACT_PREFERENCES).default('email'),
    customerNumber: text(60).default(''),
    orderNumber: text(60).default(''),
  })
  .superRefine((value, context) => {
    if (value.preferredChannel === 'email' && value.email === '') issue(context, 'email', 'email_needed', 'Needed: e-mail is the preferred channel');
    if (value.preferredChannel === 'telephone' && value.phone === '') issue(context, 'phone', 'phone_needed', 'Needed: telephone is the preferred channel');
    if (value.preferredChannel === 'letter' && value.address === null) issue(context, 'address', 'address_needed', 'Needed: letter is the preferred channel');
  });

const caseDetailFields = {
  type: id,
  product: text(200).default(''),
  summary: requiredText(300),
  description: text(20_000).default(''),
  desiredOutcome: text(2_000).default(''),
  departments: z.array(requiredText(100)).max(20).default([]),
  relatedCaseIds: z.array(id).max(50).default([]),
};

/** The most files one complaint, note or communication brings (as for the scans of one letter). */
export const MAX_ATTACHMENTS = 10;

/**
 * Issue 18: files (photos, PDFs) added to a complaint that did not come by post, a note or a
 * communication. The main process checks them as it checks scans; they become case files.
 */
const attachments = z.array(scanUploadSchema).max(MAX_ATTACHMENTS, `At most ${MAX_ATTACHMENTS} files`).default([]);

/** P-3.2: when only the date of receipt is known (a letter), the clock starts at office opening time. */
export const createCaseInput = z
  .object({
    complainant: complainantSchema,
    channel: z.enum(INTAKE_CHANNELS),
    receivedAt: instant.optional(),
    receivedOn: day.optional(),
    assigneeId: id.nullable().default(null),
    ...caseDetailFields,
    attachments,
  })
  .strict()
  .superRefine((value, context) => {
    if ((value.receivedAt === undefined) === (value.receivedOn === undefined)) {
      issue(context, 'receivedAt', 'either_time_or_day', 'Give either the date and time received or the date received');
    }
  });

export const updateCaseDetailsInput = z
  .object({
    caseId: id,
    changes: z
      .object({
        complainant: complainantSchema.optional(),
        channel: z.enum(INTAKE_CHANNELS).optional(),
        receivedAt: instant.optional(),
        type: id.optional(),
        product: text(200).optional(),
        summary: requiredText(300).optional(),
        description: text(20_000).optional(),
        desiredOutcome: text(2_000).optional(),
        departments: z.array(requiredText(100)).max(20).optional(),
        thirdParties: z.array(requiredText(100)).max(20).optional(),
        relatedCaseIds: z.array(id).max(50).optional(),
        rootCauseNote: text(5_000).optional(),
        lessonsLearned: text(5_000).optional(),
      })
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, { message: 'Nothing to change', params: { code: 'nothing_to_change' } }),
  })
  .strict();

export const assignCaseInput = z.object({ caseId: id, assigneeId: id.nullable() }).strict();

/**
 * P-7.1: restrict a case to named people (account ids; the manager who restricts is always added),
 * or lift the restriction (null). Either way with the reason, which the timeline records.
 */
export const restrictCaseInput = z.object({ caseId: id, restrictedTo: z.array(id).max(50).nullable(), reason: requiredText(1_000) }).strict();

/** Issue 17: an acknowledgement whose e-mail bounced was given to the customer by telephone: who told them, when, a short note. */
export const acknowledgementByTelephoneInput = z.object({ caseId: id, at: instant, by: requiredText(120), note: requiredText(500) }).strict();

export const addNoteInput = z.object({ caseId: id, at: instant.optional(), text: requiredText(10_000), attachments }).strict();

export const addCommunicationInput = z
  .object({ caseId: id, at: instant, direction: z.enum(DIRECTIONS), channel: z.enum(COMMUNICATION_CHANNELS), summary: requiredText(10_000), attachments })
  .strict();

export const CASE_SORT_FIELDS = ['reference', 'complainant', 'type', 'channel', 'status', 'stage', 'assignee', 'receivedAt', 'nextDueAt'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

/** The most cases a drill-down can name (a figure with more is not drillable). */
export const MAX_CASE_IDS_FILTER = 20_000;

export const caseFiltersSchema = z
  .object({
    open: z.boolean().optional(),
    statuses: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
    stages: z
      .array(z.union([z.literal(1), z.literal(2)]))
      .max(2)
      .optional(),
    types: z.array(id).max(50).optional(),
    channels: z.array(z.enum(INTAKE_CHANNELS)).max(INTAKE_CHANNELS.length).optional(),
    /** '' selects unassigned cases. */
    assigneeIds: z.array(z.string().max(64)).max(100).optional(),
    receivedFrom: day.optional(),
    receivedTo: day.optional(),
    deadline: z.enum(['breached', 'due-soon', 'due-today', 'running', 'breached-then-extended']).optional(),
    dueBefore: instant.optional(),
    awaitingThirdParty: z.boolean().optional(),
    /** Issue 16: exactly these cases (a report figure's drill-down); the count is of those the viewer may see. */
    caseIds: z.array(id).max(MAX_CASE_IDS_FILTER, `At most ${MAX_CASE_IDS_FILTER} cases`).optional(),
  })
  .strict();
export type CaseFilters = z.infer<typeof caseFiltersSchema>;

/** A case list's order (the list and its export sort alike); by default the next deadline first. */
export const caseSortSchema = z
  .object({ field: z.enum(CASE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
  .strict()
  .default({ field: 'nextDueAt', direction: 'asc' });

export const listCasesInput = z
  .object({
    filters: caseFiltersSchema.default({}),
    search: text(200).default(''),
    sort: caseSortSchema,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const countCasesInput = z
  .object({
    views: z
      .record(z.string().max(64), caseFiltersSchema)
      .refine((views) => Object.keys(views).length <= 60, { message: 'At most 60 views', params: { code: 'too_many_views' } }),
  })
  .strict();

export const getCaseInput = z.object({ caseId: id }).strict();
export const quickSearchInput = z.object({ query: requiredText(200), limit: z.number().int().min(1).max(50).default(10) }).strict();
export const findDuplicatesInput = z
  .object({ name: text(200).default(''), email: text(254).default(''), phone: text(40).default(''), postcode: text(16).default('') })
  .strict();
