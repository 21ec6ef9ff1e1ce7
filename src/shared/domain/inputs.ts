/**
 * Input schemas of the case API, shared by the main process (which validates every call) and the
 * renderer (whose forms check the same rules before sending). Field paths in errors match the
 * form fields.
 */
import { z } from 'zod';
import { EXTENDABLE_DEADLINES } from '../sla';
import { plausibleDay, plausibleInstant } from './dates';
import { CASE_STATUSES, COMMUNICATION_CHANNELS, COMPLAINANT_KINDS, CONTACT_PREFERENCES, DIRECTIONS, INTAKE_CHANNELS, OUTCOMES, REDRESS_KINDS, THIRD_PARTY_KINDS } from './vocabulary';

const id = z.string().trim().min(1, 'Required').max(64);
const instant = plausibleInstant('Must be a date and time');
const day = plausibleDay('Must be a date (YYYY-MM-DD)');
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
const requiredText = (max: number) => text(max).min(1, 'Required');

export const postalAddressSchema = z.object({
  lines: z.array(requiredText(120)).min(1, 'At least one address line').max(6),
  postcode: text(16),
  country: requiredText(2).regex(/^[A-Z]{2}$/, 'A two-letter country code, e.g. GB'),
});

export const complainantSchema = z
  .object({
    kind: z.enum(COMPLAINANT_KINDS).default('customer'),
    name: requiredText(200),
    email: z.union([z.literal(''), z.email('Not a valid e-mail address').max(254)]).default(''),
    phone: text(40).regex(/^[+\d\s()./-]*$/, 'Only digits, spaces and + ( ) - . /').default(''),
    address: postalAddressSchema.nullable().default(null),
    preferredChannel: z.enum(CONTACT_PREFERENCES).default('email'),
    customerNumber: text(60).default(''),
    orderNumber: text(60).default(''),
  })
  .superRefine((value, context) => {
    const missing = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    if (value.preferredChannel === 'email' && value.email === '') missing('email', 'Needed: e-mail is the preferred channel');
    if (value.preferredChannel === 'telephone' && value.phone === '') missing('phone', 'Needed: telephone is the preferred channel');
    if (value.preferredChannel === 'letter' && value.address === null) missing('address', 'Needed: letter is the preferred channel');
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

/** P-3.2: when only the date of receipt is known (a letter), the clock starts at office opening time. */
export const createCaseInput = z
  .object({
    complainant: complainantSchema,
    channel: z.enum(INTAKE_CHANNELS),
    receivedAt: instant.optional(),
    receivedOn: day.optional(),
    assigneeId: id.nullable().default(null),
    ...caseDetailFields,
  })
  .strict()
  .superRefine((value, context) => {
    if ((value.receivedAt === undefined) === (value.receivedOn === undefined)) {
      context.addIssue({ code: 'custom', path: ['receivedAt'], message: 'Give either the date and time received or the date received' });
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
        rootCause: text(5_000).optional(),
        lessonsLearned: text(5_000).optional(),
      })
      .strict()
      .refine((changes) => Object.keys(changes).length > 0, 'Nothing to change'),
  })
  .strict();

export const assignCaseInput = z.object({ caseId: id, assigneeId: id.nullable() }).strict();

export const redressSchema = z
  .object({
    kind: z.enum(REDRESS_KINDS),
    amountMinor: z.number().int('Whole pence').min(0).max(100_000_000).nullable().default(null),
    currency: z.string().regex(/^[A-Z]{3}$/, 'A currency code, e.g. GBP').nullable().default(null),
    description: text(1_000).default(''),
  })
  .superRefine((value, context) => {
    if (value.kind === 'refund' && (value.amountMinor === null || value.amountMinor === 0)) context.addIssue({ code: 'custom', path: ['amountMinor'], message: 'A refund needs its amount' });
    if (value.kind === 'refund' && value.currency === null) context.addIssue({ code: 'custom', path: ['currency'], message: 'A refund needs its currency' });
    if (value.kind === 'other' && value.description === '') context.addIssue({ code: 'custom', path: ['description'], message: 'Describe the redress' });
  });

const resolutionFields = {
  at: instant,
  channel: z.enum(COMMUNICATION_CHANNELS),
  summary: requiredText(5_000),
  outcome: z.enum(OUTCOMES),
  redress: z.array(redressSchema).max(10).default([]),
  rootCause: text(5_000).optional(),
  lessonsLearned: text(5_000).optional(),
};

export const caseActionInput = z.discriminatedUnion('type', [
  z.object({ type: z.literal('acknowledge'), at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).strict(),
  z.object({ type: z.literal('startInvestigation'), at: instant }).strict(),
  z
    .object({
      type: z.literal('askThirdParty'),
      at: instant,
      partyKind: z.enum(THIRD_PARTY_KINDS),
      partyName: requiredText(200),
      question: requiredText(5_000),
      dueAt: instant.nullable().default(null),
    })
    .strict(),
  z.object({ type: z.literal('recordThirdPartyResponse'), at: instant, inquiryId: id, response: requiredText(10_000) }).strict(),
  z.object({ type: z.literal('communicateResolution'), ...resolutionFields }).strict(),
  z.object({ type: z.literal('close'), at: instant, rootCause: text(5_000).optional(), lessonsLearned: text(5_000).optional() }).strict(),
  z.object({ type: z.literal('recordEscalationRequest'), at: instant, channel: z.enum(COMMUNICATION_CHANNELS), reason: requiredText(5_000) }).strict(),
  z.object({ type: z.literal('acknowledgeEscalation'), at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).strict(),
  z
    .object({ type: z.literal('forwardToDepartmentHead'), at: instant, departmentHead: z.object({ name: requiredText(200), department: requiredText(200) }).strict() })
    .strict(),
  z.object({ type: z.literal('communicateStage2Outcome'), ...resolutionFields, signpostedTo: requiredText(1_000) }).strict(),
  z.object({ type: z.literal('recordExternalSignposting'), at: instant, to: requiredText(1_000) }).strict(),
  z.object({ type: z.literal('recordExternalReferral'), at: instant, to: requiredText(1_000), outcome: text(5_000).default('') }).strict(),
  z
    .object({
      type: z.literal('extendDeadline'),
      at: instant,
      deadline: z.enum(EXTENDABLE_DEADLINES).optional(),
      newDueAt: instant,
      reason: requiredText(5_000),
      thirdParty: text(200).default(''),
      approvedBy: requiredText(200),
      customerNotice: z.object({ at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).strict().nullable().default(null),
    })
    .strict(),
  z.object({ type: z.literal('recordExtensionNotice'), at: instant, extensionId: id, channel: z.enum(COMMUNICATION_CHANNELS) }).strict(),
  z.object({ type: z.literal('reopen'), at: instant, reason: requiredText(5_000) }).strict(),
]);

export const actOnCaseInput = z.object({ caseId: id, action: caseActionInput }).strict();

export const addNoteInput = z.object({ caseId: id, at: instant.optional(), text: requiredText(10_000) }).strict();

export const addCommunicationInput = z
  .object({ caseId: id, at: instant, direction: z.enum(DIRECTIONS), channel: z.enum(COMMUNICATION_CHANNELS), summary: requiredText(10_000) })
  .strict();

export const CASE_SORT_FIELDS = ['reference', 'complainant', 'type', 'channel', 'status', 'stage', 'assignee', 'receivedAt', 'nextDueAt'] as const;
export type CaseSortField = (typeof CASE_SORT_FIELDS)[number];

export const caseFiltersSchema = z
  .object({
    open: z.boolean().optional(),
    statuses: z.array(z.enum(CASE_STATUSES)).max(CASE_STATUSES.length).optional(),
    stages: z.array(z.union([z.literal(1), z.literal(2)])).max(2).optional(),
    types: z.array(id).max(50).optional(),
    channels: z.array(z.enum(INTAKE_CHANNELS)).max(INTAKE_CHANNELS.length).optional(),
    /** '' selects unassigned cases. */
    assigneeIds: z.array(z.string().max(64)).max(100).optional(),
    receivedFrom: day.optional(),
    receivedTo: day.optional(),
    deadline: z.enum(['breached', 'due-soon', 'due-today', 'running']).optional(),
    dueBefore: instant.optional(),
    awaitingThirdParty: z.boolean().optional(),
  })
  .strict();
export type CaseFilters = z.infer<typeof caseFiltersSchema>;

export const listCasesInput = z
  .object({
    filters: caseFiltersSchema.default({}),
    search: text(200).default(''),
    sort: z.object({ field: z.enum(CASE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) }).strict().default({ field: 'nextDueAt', direction: 'asc' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const countCasesInput = z.object({ views: z.record(z.string().max(64), caseFiltersSchema).refine((views) => Object.keys(views).length <= 50, 'At most 50 views') }).strict();

export const getCaseInput = z.object({ caseId: id }).strict();
export const quickSearchInput = z.object({ query: requiredText(200), limit: z.number().int().min(1).max(50).default(10) }).strict();
export const findDuplicatesInput = z
  .object({ name: text(200).default(''), email: text(254).default(''), phone: text(40).default(''), postcode: text(16).default('') })
  .strict();
