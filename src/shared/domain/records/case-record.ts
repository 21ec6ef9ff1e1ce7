/** A complaint case as stored and replicated (domain/collections.ts). */
import { z } from 'zod';
import { DEADLINE_KINDS, EXTENDABLE_DEADLINES } from '../../sla';
import {
  CASE_STATUSES,
  COMMUNICATION_CHANNELS,
  COMPLAINANT_KINDS,
  CONTACT_PREFERENCES,
  INTAKE_CHANNELS,
  OUTCOMES,
  REDRESS_KINDS,
  THIRD_PARTY_KINDS,
} from '../vocabulary';
import { id, instant, NO_DEADLINE, staffRef, strings, type Immutable } from './common';

/** Redress; for refunds the amount in minor units (pence). */
const redress = z.object({
  kind: z.enum(REDRESS_KINDS),
  amountMinor: z.number().int().min(0).nullable(),
  currency: z.string().nullable(),
  description: z.string(),
});
const resolution = z.object({
  summary: z.string(),
  outcome: z.enum(OUTCOMES),
  redress: z.array(redress),
  channel: z.enum(COMMUNICATION_CHANNELS),
  at: instant,
  by: staffRef,
});
export const extension = z.object({
  id,
  deadline: z.enum(EXTENDABLE_DEADLINES),
  previousDueAt: instant,
  newDueAt: instant,
  reason: z.string(),
  thirdParty: z.string(),
  /** The approving manager's name as it was then, and their account (absent on extensions recorded before issue 18). */
  approvedBy: z.string(),
  approverId: id.optional(),
  grantedAt: instant,
  /** P-4.4: how and when the customer was told; null = incomplete. */
  customerNotice: z.object({ at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).nullable(),
  /** Issue 18: the replaced deadline had already passed when this extension was recorded: it stays a breach. */
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

const postalAddress = z.object({ lines: strings, postcode: z.string(), country: z.string() });

/** P-2.1: who complained (cases logged before issue 18 have no customer or order number). */
const complainant = z.object({
  kind: z.enum(COMPLAINANT_KINDS),
  name: z.string().min(1).max(200),
  email: z.string(),
  phone: z.string(),
  address: postalAddress.nullable(),
  preferredChannel: z.enum(CONTACT_PREFERENCES),
  customerNumber: z.string().optional(),
  orderNumber: z.string().optional(),
});

/**
 * An acknowledgement e-mail that came back undelivered (issue 17, P-3.2): the case stays
 * acknowledged at the time the e-mail went (the team acted then, and stage 1's 10 working days
 * count from that day, P-4.1), and this says the customer has not had it, until an acknowledgement
 * reaches them another way (`reached`: the letter posted, another e-mail that went).
 */
const acknowledgementUndeliveredSchema = z.object({
  /** The acknowledgement letter whose e-mail bounced. */
  letterId: z.string().min(1).max(64),
  to: z.string().max(320),
  reason: z.string().max(300),
  /** When the e-mail went, and when its bounce reached the team mailbox. */
  sentAt: instant,
  bouncedAt: instant,
  reached: z.object({ at: instant, channel: z.enum(COMMUNICATION_CHANNELS) }).nullable(),
});

/** P-3.2: when and how the case was acknowledged, by whom; and whether that e-mail bounced (issue 17). */
const escalation = z.object({
  requestedAt: instant,
  channel: z.enum(COMMUNICATION_CHANNELS),
  reason: z.string(),
  acknowledgedAt: instant.nullable(),
  acknowledgedChannel: z.enum(COMMUNICATION_CHANNELS).nullable(),
  departmentHead: z.object({ name: z.string(), department: z.string() }).nullable(),
  forwardedAt: instant.nullable(),
  /** Issue 17, P-4.3: the escalation acknowledgement's e-mail bounced (as stage 1's, `acknowledgement.undelivered`). */
  undelivered: acknowledgementUndeliveredSchema.optional(),
});

/** P-6.1: where the customer was told to turn, and any later external referral. */
const externalReferral = z.object({
  signpostedAt: instant.nullable(),
  signpostedTo: z.string().nullable(),
  referredAt: instant.nullable(),
  referredTo: z.string().nullable(),
  outcome: z.string().nullable(),
  outcomeAt: instant.nullable(),
});

const openInquiry = z.object({ id, partyKind: z.enum(THIRD_PARTY_KINDS), partyName: z.string(), dueAt: instant.nullable() });

const acknowledgement = z.object({
  at: instant,
  channel: z.enum(COMMUNICATION_CHANNELS),
  by: staffRef,
  undelivered: acknowledgementUndeliveredSchema.optional(),
});

export const caseRecordSchema = z
  .object({
    id,
    reference: z.string().min(1).max(20),
    complainant,
    /** Lower-case, accent-free complainant name: the sort key of the case list. */
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
    /** '' when unassigned (indexed). */
    assigneeId: z.string().max(64),
    assigneeName: z.string().max(200),
    departments: strings,
    /**
     * P-7.1: a restricted case (e.g. a complaint about a member of staff) is seen only by the
     * people named in `restrictedTo` (account ids); see shared/identity/case-access.ts.
     */
    restricted: z.boolean(),
    restrictedTo: z.array(z.string().min(1).max(64)).max(100),
    thirdParties: strings,
    clock: caseClockSchema,
    deadlines: z.array(deadline),
    /** The earliest running deadline, flattened for indexed queries; far future when none runs. */
    nextDeadlineKind: z.enum(DEADLINE_KINDS).nullable(),
    nextDueAt: z.number().int().min(0).max(NO_DEADLINE),
    nextWarnAt: z.number().int().min(0).max(NO_DEADLINE),
    acknowledgement: acknowledgement.nullable(),
    resolution: resolution.nullable(),
    escalation: escalation.nullable(),
    stage2Resolution: resolution.nullable(),
    /**
     * P-5.3: the root cause, a cause of the taxonomy (shared/domain/root-causes.ts), chosen when the
     * stage-1 resolution is recorded; null before that (and on cases resolved before issue 16).
     */
    rootCauseId: z.string().min(1).max(64).nullable(),
    /** Free text beside the cause (before issue 16 the only root cause there was). */
    rootCauseNote: z.string(),
    lessonsLearned: z.string(),
    closedAt: instant.nullable(),
    externalReferral: externalReferral.nullable(),
    extensions: z.array(extension),
    openInquiries: z.array(openInquiry),
    /** Where the case goes back to when the last open inquiry is answered. */
    resumeStatus: z.enum(CASE_STATUSES).nullable(),
    relatedCaseIds: strings,
    createdAt: instant,
    updatedAt: instant,
    updatedBy: staffRef,
    /** When and by whom each conflict group last changed (main/domain/case-field-groups.ts); absent groups date from creation. */
    fieldVersions: z.record(z.string(), fieldVersionSchema).optional(),
  })
  .superRefine((record, context) => {
    const issue = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
    // The clock starts at receipt (P-3.2): the two never differ in a case this app wrote.
    if (record.clock.receivedAt !== record.receivedAt) issue('clock', 'The clock does not start at receipt');
    if (record.open !== (record.status !== 'closed')) issue('open', 'Open does not match the status');
    if (record.stage === 1 && record.status.startsWith('escalation')) issue('stage', 'An escalation status in stage 1');
  });

/** A case as stored: the record with its assignee's name and its field versions (sync's merge order). */
export type StoredCase = Immutable<z.infer<typeof caseRecordSchema>>;
/** A case as the domain and the API handle it. */
export type CaseRecord = Omit<StoredCase, 'assigneeName' | 'fieldVersions'>;
export type PostalAddress = Immutable<z.infer<typeof postalAddress>>;
export type Complainant = Immutable<z.infer<typeof complainant>>;
export type Redress = Immutable<z.infer<typeof redress>>;
export type Resolution = Immutable<z.infer<typeof resolution>>;
export type Escalation = Immutable<z.infer<typeof escalation>>;
export type ExternalReferral = Immutable<z.infer<typeof externalReferral>>;
export type CaseExtension = Immutable<z.infer<typeof extension>>;
export type OpenInquiry = Immutable<z.infer<typeof openInquiry>>;
export type AcknowledgementUndelivered = Immutable<z.infer<typeof acknowledgementUndeliveredSchema>>;
export type Acknowledgement = Immutable<z.infer<typeof acknowledgement>>;

/** Which acknowledgement, named as its letter template: stage 1's (P-3.2) or the escalation's (P-4.3). */
export const ACKNOWLEDGEMENT_KINDS = ['acknowledgement', 'escalation-acknowledgement'] as const;
export type AcknowledgementKind = (typeof ACKNOWLEDGEMENT_KINDS)[number];

export function isAcknowledgementKind(template: string | null): template is AcknowledgementKind {
  return (ACKNOWLEDGEMENT_KINDS as readonly (string | null)[]).includes(template);
}

/** What the case records of one acknowledgement's bounce, if anything. */
export function acknowledgementBounce(
  record: Pick<CaseRecord, 'acknowledgement' | 'escalation'>,
  kind: AcknowledgementKind,
): AcknowledgementUndelivered | null {
  return (kind === 'acknowledgement' ? record.acknowledgement?.undelivered : record.escalation?.undelivered) ?? null;
}

/**
 * The customer has not had an acknowledgement (stage 1's, P-3.2, or the escalation's, P-4.3): its
 * e-mail bounced and nothing has reached them since (issue 17).
 */
export function acknowledgementUndelivered(
  record: Pick<CaseRecord, 'acknowledgement' | 'escalation'>,
): (AcknowledgementUndelivered & { readonly kind: AcknowledgementKind }) | null {
  for (const kind of ACKNOWLEDGEMENT_KINDS) {
    const undelivered = acknowledgementBounce(record, kind);
    if (undelivered && !undelivered.reached) return { ...undelivered, kind };
  }
  return null;
}
