/**
 * The rules every stored record keeps, as zod schemas: what reads, lists, deadlines and settings
 * rely on. The API's input schemas (inputs.ts, settings-inputs.ts, letters.ts) check what a user
 * may enter; these check what a record must look like wherever it came from. Sync checks every
 * document it pulls from the server against them (P-7.1/P-7.2: data from the server is input like
 * any other), so one malformed document cannot break another device.
 *
 * They are deliberately not stricter than what this version writes: a record that passes is one
 * the app can show and compute with. Unknown extra fields pass (a newer version may add some).
 * Kept here, next to the record types, so a later refactor can derive the RxDB JSON schemas and
 * the types from them (one source).
 */
import { CORRESPONDENCE_DECISIONS } from './correspondence';
import { CONTACT_FIELDS, CONTACT_SOURCES } from './contact-update';
import { z } from 'zod';
import { createWorkingCalendar, DEADLINE_KINDS, EXTENDABLE_DEADLINES } from '../sla';
import { LETTER_LANGUAGES, LETTER_TEMPLATES, INCOMING_KINDS, DISPATCH_CLASSES } from './letters';
import { caseSortSchema, savedViewIdSchema } from './case-views';
import { ACCESS_ACTIONS } from './access-log';
import { caseFiltersSchema } from './inputs';
import { erasureRegisterSchema, retentionPolicySchema } from './retention';
import { rootCauseTaxonomySchema } from './root-causes';
import { IMPROVEMENT_STATUSES } from './improvement-actions';
import { calendarSettingsSchema, complaintTypeInput, organisationSchema, securitySettingsSchema, slaPolicySchema } from './settings-inputs';
import { webFormMappingInput } from './web-form';
import {
  CASE_STATUSES,
  COMMUNICATION_CHANNELS,
  COMPLAINANT_KINDS,
  CONTACT_PREFERENCES,
  DIRECTIONS,
  INTAKE_CHANNELS,
  OUTCOMES,
  REDRESS_KINDS,
  STAFF_ROLES,
  THIRD_PARTY_KINDS,
} from './vocabulary';

/** Far future for "no running deadline" (the same value as the case collection's NO_DEADLINE). */
const NO_DEADLINE = 4_102_444_800_000;

const id = z.string().min(1).max(64);
const instant = z.iso.datetime({ offset: true });
const day = z.iso.date();
const staffRef = z.object({ id: z.string().min(1).max(64), name: z.string().max(200) });
const strings = z.array(z.string());

const redress = z.object({ kind: z.enum(REDRESS_KINDS), amountMinor: z.number().int().min(0).nullable(), currency: z.string().nullable(), description: z.string() });
const resolution = z.object({ summary: z.string(), outcome: z.enum(OUTCOMES), redress: z.array(redress), channel: z.enum(COMMUNICATION_CHANNELS), at: instant, by: staffRef });
const extension = z.object({
  id,
  deadline: z.enum(EXTENDABLE_DEADLINES),
  previousDueAt: instant,
  newDueAt: instant,
  reason: z.string(),
  thirdParty: z.string(),
  approvedBy: z.string(),
  approverId: id.optional(),
  grantedAt: instant,
  customerNotice: z.object({ at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).nullable(),
  breachedAt: instant.nullish(),
});

export const caseClockSchema = z.object({
  receivedAt: instant,
  acknowledgedAt: instant.nullish(),
  stage1ResolvedAt: instant.nullish(),
  stage1ReopenedAt: instant.nullish(),
  escalationRequestedAt: instant.nullish(),
  escalationAcknowledgedAt: instant.nullish(),
  stage2ResolvedAt: instant.nullish(),
  stage2ReopenedAt: instant.nullish(),
  extensions: z.array(z.object({ id, deadline: z.enum(EXTENDABLE_DEADLINES), newDueAt: instant, breachedAt: instant.nullish() })).optional(),
});

const deadline = z.object({
  kind: z.enum(DEADLINE_KINDS),
  startsAt: instant,
  dueAt: instant,
  warnAt: instant,
  provisional: z.boolean(),
  extensionId: z.string().nullable(),
  metAt: instant.nullable(),
  breachedAt: instant.nullish(),
});

/** When and by whom a case's field group last changed (sync's merge order). */
export const fieldVersionSchema = z.object({ at: instant, by: staffRef });

const complainant = z.object({
  kind: z.enum(COMPLAINANT_KINDS),
  name: z.string().min(1).max(200),
  email: z.string(),
  phone: z.string(),
  address: z.object({ lines: strings, postcode: z.string(), country: z.string() }).nullable(),
  preferredChannel: z.enum(CONTACT_PREFERENCES),
  customerNumber: z.string().optional(),
  orderNumber: z.string().optional(),
});

/** Issue 17: an acknowledgement e-mail that bounced (and whether one reached the customer since). */
const acknowledgementUndeliveredSchema = z.object({
  letterId: z.string().min(1).max(64),
  to: z.string().max(320),
  reason: z.string().max(300),
  sentAt: instant,
  bouncedAt: instant,
  reached: z.object({ at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).nullable(),
});

export const caseRecordSchema = z
  .object({
    id,
    reference: z.string().min(1).max(20),
    complainant,
    complainantSortName: z.string().max(200),
    channel: z.enum(INTAKE_CHANNELS),
    receivedAt: instant,
    loggedAt: instant,
    loggedBy: staffRef,
    type: z.string().min(1).max(40),
    product: z.string(),
    summary: z.string().min(1),
    description: z.string(),
    desiredOutcome: z.string(),
    stage: z.union([z.literal(1), z.literal(2)]),
    status: z.enum(CASE_STATUSES),
    open: z.boolean(),
    assignee: staffRef.nullable(),
    assigneeId: z.string().max(64),
    assigneeName: z.string().max(200),
    departments: strings,
    restricted: z.boolean(),
    restrictedTo: z.array(z.string().min(1).max(64)).max(100),
    thirdParties: strings,
    clock: caseClockSchema,
    deadlines: z.array(deadline),
    nextDeadlineKind: z.enum(DEADLINE_KINDS).nullable(),
    nextDueAt: z.number().int().min(0).max(NO_DEADLINE),
    nextWarnAt: z.number().int().min(0).max(NO_DEADLINE),
    acknowledgement: z
      .object({
        at: instant,
        channel: z.enum(COMMUNICATION_CHANNELS),
        by: staffRef,
        // Issue 17: the acknowledgement e-mail bounced (and whether one reached the customer since).
        undelivered: acknowledgementUndeliveredSchema.optional(),
      })
      .nullable(),
    resolution: resolution.nullable(),
    escalation: z
      .object({
        requestedAt: instant,
        channel: z.enum(COMMUNICATION_CHANNELS),
        reason: z.string(),
        acknowledgedAt: instant.nullable(),
        acknowledgedChannel: z.enum(COMMUNICATION_CHANNELS).nullable(),
        departmentHead: z.object({ name: z.string(), department: z.string() }).nullable(),
        forwardedAt: instant.nullable(),
        // Issue 17, P-4.3: the escalation acknowledgement's e-mail bounced.
        undelivered: acknowledgementUndeliveredSchema.optional(),
      })
      .nullable(),
    stage2Resolution: resolution.nullable(),
    rootCauseId: z.string().min(1).max(64).nullable(),
    rootCauseNote: z.string(),
    lessonsLearned: z.string(),
    closedAt: instant.nullable(),
    externalReferral: z
      .object({ signpostedAt: instant.nullable(), signpostedTo: z.string().nullable(), referredAt: instant.nullable(), referredTo: z.string().nullable(), outcome: z.string().nullable(), outcomeAt: instant.nullable() })
      .nullable(),
    extensions: z.array(extension),
    openInquiries: z.array(z.object({ id, partyKind: z.enum(THIRD_PARTY_KINDS), partyName: z.string(), dueAt: instant.nullable() })),
    resumeStatus: z.enum(CASE_STATUSES).nullable(),
    relatedCaseIds: strings,
    createdAt: instant,
    updatedAt: instant,
    updatedBy: staffRef,
    fieldVersions: z.record(z.string(), fieldVersionSchema).optional(),
  })
  .superRefine((record, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    // The clock starts at receipt (P-3.2): the two never differ in a case this app wrote.
    if (record.clock.receivedAt !== record.receivedAt) issue('clock', 'The clock does not start at receipt');
    if (record.open !== (record.status !== 'closed')) issue('open', 'Open does not match the status');
    if (record.stage === 1 && record.status.startsWith('escalation')) issue('stage', 'An escalation status in stage 1');
  });

const communicationData = z.object({
  direction: z.enum(DIRECTIONS),
  channel: z.enum(COMMUNICATION_CHANNELS),
  summary: z.string(),
  generated: z.object({ key: z.string(), params: z.record(z.string(), z.string()) }).optional(),
  letterId: z.string().optional(),
  arrived: z.object({ closedCase: z.boolean() }).optional(),
});
const conflictingEdit = z.object({ value: z.unknown(), at: instant, by: staffRef });

const timelineBase = { id, caseId: id, at: instant, recordedAt: instant, order: z.number().int().min(0).max(1000), by: staffRef };
const entry = <K extends string, D extends z.ZodType>(kind: K, data: D) => z.object({ ...timelineBase, kind: z.literal(kind), data });

export const timelineEntrySchema = z.discriminatedUnion('kind', [
  entry('communication', communicationData),
  entry('note', z.object({ text: z.string() })),
  entry('inquiry', z.object({ inquiryId: id, partyKind: z.enum(THIRD_PARTY_KINDS), partyName: z.string(), question: z.string(), dueAt: instant.nullable() })),
  entry('inquiry-response', z.object({ inquiryId: id, partyName: z.string(), response: z.string() })),
  entry('extension', extension.omit({ grantedAt: true })),
  entry('extension-notice', z.object({ extensionId: id, channel: z.enum(COMMUNICATION_CHANNELS) })),
  entry(
    'transition',
    z.object({ action: z.string(), from: z.enum(CASE_STATUSES).nullable(), to: z.enum(CASE_STATUSES), fromStage: z.union([z.literal(1), z.literal(2)]), toStage: z.union([z.literal(1), z.literal(2)]), details: z.string() }),
  ),
  entry('external-signposting', z.object({ to: z.string() })),
  entry('external-referral', z.object({ to: z.string(), outcome: z.string() })),
  entry('audit', z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })),
  entry('conflict', z.object({ field: z.string(), kept: conflictingEdit, discarded: conflictingEdit, rule: z.literal('later-edit') })),
  entry(
    'deadlines-moved',
    z.object({
      because: z.enum(['calendar', 'slaPolicy']),
      moved: z.array(z.object({ deadline: z.enum(DEADLINE_KINDS), from: instant, to: instant })),
      changes: z.array(
        z.union([
          z.object({ setting: z.enum(['closures', 'extraWorkingDays']), added: z.array(z.string()), removed: z.array(z.string()), notes: z.record(z.string(), z.string()) }),
          z.object({ setting: z.string(), before: z.unknown(), after: z.unknown() }),
        ]),
      ),
    }),
  ),
  entry('restriction', z.object({ restricted: z.boolean(), people: z.array(staffRef), reason: z.string() })),
  entry('correspondence-decision', z.object({ entryId: id, decision: z.enum(CORRESPONDENCE_DECISIONS), reason: z.string() })),
  entry('case-link', z.object({ linked: z.boolean(), otherCaseId: z.string(), otherReference: z.string() })),
  entry('contact-update', z.object({ fields: z.array(z.enum(CONTACT_FIELDS)).min(1).max(CONTACT_FIELDS.length), source: z.enum(CONTACT_SOURCES) })),
]);

/**
 * A password verifier's parameters are bounded: a forged account with an enormous cost would
 * otherwise make every device spend minutes and gigabytes on one sign-in.
 */
export const passwordVerifierSchema = z
  .object({
    algorithm: z.literal('scrypt'),
    N: z.number().int().min(16_384).max(1_048_576).refine((value) => (value & (value - 1)) === 0, 'A power of two'),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    keyLength: z.number().int().min(32).max(64),
    salt: z.base64().min(22).max(100),
    hash: z.base64().min(43).max(100),
    setAt: instant,
  })
  .strict();

/** Staff accounts: exactly this shape; roles only from STAFF_ROLES (a made-up role is refused). */
export const staffMemberSchema = z
  .object({
    id,
    name: z.string().min(1).max(200),
    email: z.string().max(320),
    login: z.union([z.literal(''), z.string().regex(/^[a-z0-9][a-z0-9._@-]{0,63}$/)]),
    roles: z.array(z.enum(STAFF_ROLES)).max(STAFF_ROLES.length).refine((roles) => new Set(roles).size === roles.length, 'Roles repeat'),
    departments: z.array(z.string().min(1).max(100)).max(100),
    active: z.boolean(),
    createdAt: instant,
    password: passwordVerifierSchema.nullable(),
  })
  .strict();

/** P-5.3: an improvement action as stored (shared/domain/improvement-actions.ts). */
const improvementActionRecordSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  ownerId: id,
  ownerName: z.string().max(200),
  dueOn: day,
  status: z.enum(IMPROVEMENT_STATUSES),
  completedOn: day.nullable(),
  rootCauseIds: z.array(id).min(1).max(20),
  lessonsLearned: z.string().max(10_000),
  createdAt: instant,
  createdBy: staffRef,
  updatedAt: instant,
  updatedBy: staffRef,
});

/** Each settings area's value: the API's own rules, plus what the SLA engine needs to run. */
const settingsValues = {
  organisation: organisationSchema,
  slaPolicy: slaPolicySchema,
  calendar: calendarSettingsSchema.superRefine((calendar, context) => {
    try {
      createWorkingCalendar(calendar);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['region'], message: error instanceof Error ? error.message : 'Not a usable calendar' });
    }
  }),
  complaintTypes: z
    .array(complaintTypeInput)
    .min(1)
    .refine((types) => types.some((type) => !type.retired), 'At least one complaint type must stay in use')
    .refine((types) => new Set(types.map((type) => type.id)).size === types.length, 'Complaint type ids repeat'),
  departments: z.array(z.string().min(1).max(100)).max(100),
  security: securitySettingsSchema,
  webFormMapping: webFormMappingInput,
  rootCauses: rootCauseTaxonomySchema,
  improvementActions: z.array(improvementActionRecordSchema).max(2_000),
  letterTemplates: z.partialRecord(z.enum(LETTER_TEMPLATES), z.partialRecord(z.enum(LETTER_LANGUAGES), z.string().max(20_000))),
  // Issue 14 (P-7.2): how long closed cases keep personal data, and the register of erasures.
  retention: retentionPolicySchema,
  erasureRegister: erasureRegisterSchema,
} as const;

export type SettingsArea = keyof typeof settingsValues;
export const SETTINGS_AREAS = Object.keys(settingsValues) as SettingsArea[];

export const settingsDocumentSchema = z
  .object({ id: z.string().min(1).max(40), value: z.object({ data: z.unknown() }), updatedAt: instant, updatedBy: staffRef })
  .superRefine((document, context) => {
    const schema = (settingsValues as Record<string, z.ZodType>)[document.id];
    if (!schema) {
      context.addIssue({ code: 'custom', path: ['id'], message: 'Not a settings area this version knows' });
      return;
    }
    const checked = schema.safeParse(document.value.data);
    for (const found of checked.error?.issues ?? []) context.addIssue({ code: 'custom', path: ['value', 'data', ...found.path.map(String)], message: found.message });
  });

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

export const fileRecordSchema = z.object({
  id,
  ownerId: id,
  name: z.string().max(255),
  mimeType: z.string().max(100),
  size: z.number().int().min(0).max(1_000_000_000),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  chunkCount: z.number().int().min(1).max(100_000),
  createdAt: instant,
});

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export const fileChunkSchema = z
  .object({ id: z.string().min(1).max(80), fileId: id, index: z.number().int().min(0).max(100_000), data: z.string().max(400_000).regex(BASE64) })
  .refine((chunk) => chunk.id === `${chunk.fileId}:${chunk.index}`, { path: ['id'], message: 'The id does not name its file and position' });

/** P-7.2: an access log entry as stored and replicated (domain/access-log). */
export const accessLogRecordSchema = z.object({
  id,
  at: instant,
  accountId: id,
  name: z.string().max(200),
  action: z.enum(ACCESS_ACTIONS),
  caseId: id,
  caseReference: z.string().min(1).max(20),
  detail: z.string().max(300),
});

export const deviceCodeClaimSchema = z.object({ id: z.string().min(1).max(16), deviceId: id, claimedAt: instant });

/** A person's saved case view as stored and replicated (domain/case-views). */
export const caseViewRecordSchema = z.object({
  id: z.string().min(3).max(200),
  staffId: id,
  viewId: savedViewIdSchema,
  name: z.string().min(1).max(80),
  filters: caseFiltersSchema,
  sort: caseSortSchema,
  search: z.string().max(200),
  position: z.number().int().min(0),
  createdAt: instant,
  updatedAt: instant,
});
