/**
 * The shapes of Plaint's records as stored and as returned by the API. Times are ISO 8601 UTC
 * strings; ids are random UUIDs (never auto-increment: every device creates records offline).
 */
import type { CorrespondenceDecision } from './correspondence';
import type { ContactField, ContactSource } from './contact-update';
import type { CaseClock, Deadline, DeadlineKind, ExtendableDeadline } from '../sla';
import type {
  CaseStatus,
  CommunicationChannel,
  ComplainantKind,
  ContactPreference,
  Direction,
  IntakeChannel,
  Outcome,
  RedressKind,
  StaffRole,
  ThirdPartyKind,
  TimelineKind,
} from './vocabulary';

export type GeneratedMessage = 'acknowledgementSent' | 'escalationRequested' | 'escalationAcknowledged' | 'extensionNotice' | 'letterGenerated' | 'emailSent' | 'emailNotDelivered' | 'emailRefused';

export interface StaffRef {
  readonly id: string;
  readonly name: string;
}

export interface PostalAddress {
  readonly lines: readonly string[];
  readonly postcode: string;
  readonly country: string;
}

/** P-2.1: who complained. */
export interface Complainant {
  readonly kind: ComplainantKind;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly address: PostalAddress | null;
  readonly preferredChannel: ContactPreference;
  readonly customerNumber: string;
  readonly orderNumber: string;
}

export interface Redress {
  readonly kind: RedressKind;
  /** Refunds: the amount in minor units (pence). */
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly description: string;
}

export interface Resolution {
  readonly summary: string;
  readonly outcome: Outcome;
  readonly redress: readonly Redress[];
  readonly channel: CommunicationChannel;
  readonly at: string;
  readonly by: StaffRef;
}

export interface Escalation {
  readonly requestedAt: string;
  readonly channel: CommunicationChannel;
  readonly reason: string;
  readonly acknowledgedAt: string | null;
  readonly acknowledgedChannel: CommunicationChannel | null;
  readonly departmentHead: { readonly name: string; readonly department: string } | null;
  readonly forwardedAt: string | null;
  /** Issue 17, P-4.3: the escalation acknowledgement's e-mail bounced (as stage 1's, `Acknowledgement.undelivered`). */
  readonly undelivered?: AcknowledgementUndelivered;
}

/** P-6.1: where the customer was told to turn, and any later external referral. */
export interface ExternalReferral {
  readonly signpostedAt: string | null;
  readonly signpostedTo: string | null;
  readonly referredAt: string | null;
  readonly referredTo: string | null;
  readonly outcome: string | null;
  readonly outcomeAt: string | null;
}

export interface CaseExtension {
  readonly id: string;
  readonly deadline: ExtendableDeadline;
  readonly previousDueAt: string;
  readonly newDueAt: string;
  readonly reason: string;
  readonly thirdParty: string;
  /** The approving manager's name as it was then, and their account (absent on extensions recorded before issue 18). */
  readonly approvedBy: string;
  readonly approverId?: string;
  readonly grantedAt: string;
  /** P-4.4: how and when the customer was told; null = incomplete. */
  readonly customerNotice: { readonly at: string; readonly channel: CommunicationChannel } | null;
  /** Issue 18: the replaced deadline had already passed when this extension was recorded: it stays a breach. */
  readonly breachedAt?: string | null;
}

export interface OpenInquiry {
  readonly id: string;
  readonly partyKind: ThirdPartyKind;
  readonly partyName: string;
  readonly dueAt: string | null;
}

/**
 * An acknowledgement e-mail that came back undelivered (issue 17, P-3.2): the case stays
 * acknowledged at the time the e-mail went (the team acted then, and stage 1's 10 working days
 * count from that day, P-4.1), and this says the customer has not had it, until an acknowledgement
 * reaches them another way (`reached`: the letter posted, another e-mail that went).
 */
export interface AcknowledgementUndelivered {
  /** The acknowledgement letter whose e-mail bounced. */
  readonly letterId: string;
  readonly to: string;
  readonly reason: string;
  /** When the e-mail went, and when its bounce reached the team mailbox. */
  readonly sentAt: string;
  readonly bouncedAt: string;
  readonly reached: { readonly at: string; readonly channel: CommunicationChannel } | null;
}

/** P-3.2: when and how the case was acknowledged, by whom; and whether that e-mail bounced (issue 17). */
export interface Acknowledgement {
  readonly at: string;
  readonly channel: CommunicationChannel;
  readonly by: StaffRef;
  readonly undelivered?: AcknowledgementUndelivered;
}

/** Which acknowledgement, named as its letter template: stage 1's (P-3.2) or the escalation's (P-4.3). */
export const ACKNOWLEDGEMENT_KINDS = ['acknowledgement', 'escalation-acknowledgement'] as const;
export type AcknowledgementKind = (typeof ACKNOWLEDGEMENT_KINDS)[number];

export function isAcknowledgementKind(template: string | null): template is AcknowledgementKind {
  return (ACKNOWLEDGEMENT_KINDS as readonly (string | null)[]).includes(template);
}

/** What the case records of one acknowledgement's bounce, if anything. */
export function acknowledgementBounce(record: Pick<CaseRecord, 'acknowledgement' | 'escalation'>, kind: AcknowledgementKind): AcknowledgementUndelivered | null {
  return (kind === 'acknowledgement' ? record.acknowledgement?.undelivered : record.escalation?.undelivered) ?? null;
}

/**
 * The customer has not had an acknowledgement (stage 1's, P-3.2, or the escalation's, P-4.3): its
 * e-mail bounced and nothing has reached them since (issue 17).
 */
export function acknowledgementUndelivered(record: Pick<CaseRecord, 'acknowledgement' | 'escalation'>): (AcknowledgementUndelivered & { readonly kind: AcknowledgementKind }) | null {
  for (const kind of ACKNOWLEDGEMENT_KINDS) {
    const undelivered = acknowledgementBounce(record, kind);
    if (undelivered && !undelivered.reached) return { ...undelivered, kind };
  }
  return null;
}

export interface CaseRecord {
  readonly id: string;
  readonly reference: string;
  readonly complainant: Complainant;
  /** Lower-case, accent-free complainant name: the sort key of the case list. */
  readonly complainantSortName: string;
  readonly channel: IntakeChannel;
  readonly receivedAt: string;
  readonly loggedAt: string;
  readonly loggedBy: StaffRef;
  readonly type: string;
  readonly product: string;
  readonly summary: string;
  readonly description: string;
  readonly desiredOutcome: string;
  readonly stage: 1 | 2;
  readonly status: CaseStatus;
  readonly open: boolean;
  readonly assignee: StaffRef | null;
  /** '' when unassigned (indexed). */
  readonly assigneeId: string;
  readonly departments: readonly string[];
  /**
   * P-7.1: a restricted case (e.g. a complaint about a member of staff) is seen only by the
   * people named in `restrictedTo` (account ids); see shared/identity/case-access.ts.
   */
  readonly restricted: boolean;
  readonly restrictedTo: readonly string[];
  readonly thirdParties: readonly string[];
  readonly clock: CaseClock;
  readonly deadlines: readonly Deadline[];
  /** The earliest running deadline, flattened for indexed queries; far future when none runs. */
  readonly nextDeadlineKind: DeadlineKind | null;
  readonly nextDueAt: number;
  readonly nextWarnAt: number;
  readonly acknowledgement: Acknowledgement | null;
  readonly resolution: Resolution | null;
  readonly escalation: Escalation | null;
  readonly stage2Resolution: Resolution | null;
  /**
   * P-5.3: the root cause, a cause of the taxonomy (shared/domain/root-causes.ts), chosen when the
   * stage-1 resolution is recorded; null before that (and on cases resolved before issue 16).
   */
  readonly rootCauseId: string | null;
  /** Free text beside the cause (before issue 16 the only root cause there was). */
  readonly rootCauseNote: string;
  readonly lessonsLearned: string;
  readonly closedAt: string | null;
  readonly externalReferral: ExternalReferral | null;
  readonly extensions: readonly CaseExtension[];
  readonly openInquiries: readonly OpenInquiry[];
  /** Where the case goes back to when the last open inquiry is answered. */
  readonly resumeStatus: CaseStatus | null;
  readonly relatedCaseIds: readonly string[];
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly updatedBy: StaffRef;
}

export interface TimelineEntryBase<K extends TimelineKind, D> {
  readonly id: string;
  readonly caseId: string;
  readonly kind: K;
  /** When it happened (may be in the past: logging yesterday's call). */
  readonly at: string;
  /** When it was recorded in Plaint. */
  readonly recordedAt: string;
  /** Position within the write that recorded it: orders entries with the same times. */
  readonly order: number;
  readonly by: StaffRef;
  /** Issue 14 (P-7.2): an entry of an anonymised case has its free text removed and says so with `redacted: true`. */
  readonly data: D & { readonly redacted?: true };
}

export type TimelineEntry =
  | TimelineEntryBase<
      'communication',
      {
        direction: Direction;
        channel: CommunicationChannel;
        /** As written, or for messages Plaint wrote itself, the English text (search, export). */
        summary: string;
        /** Set for messages Plaint wrote itself, so each language can show its own words. */
        generated?: { key: GeneratedMessage; params: Record<string, string> };
        letterId?: string;
        /** Issue 18: correspondence that arrived about the case (post, later e-mail); on a closed case it needs a decision. */
        arrived?: { closedCase: boolean };
      }
    >
  | TimelineEntryBase<'note', { text: string }>
  | TimelineEntryBase<'inquiry', { inquiryId: string; partyKind: ThirdPartyKind; partyName: string; question: string; dueAt: string | null }>
  | TimelineEntryBase<'inquiry-response', { inquiryId: string; partyName: string; response: string }>
  | TimelineEntryBase<'extension', Omit<CaseExtension, 'customerNotice' | 'grantedAt'> & { customerNotice: CaseExtension['customerNotice'] }>
  | TimelineEntryBase<'extension-notice', { extensionId: string; channel: CommunicationChannel }>
  | TimelineEntryBase<'transition', { action: string; from: CaseStatus | null; to: CaseStatus; fromStage: 1 | 2; toStage: 1 | 2; details: string }>
  | TimelineEntryBase<'external-signposting', { to: string }>
  | TimelineEntryBase<'external-referral', { to: string; outcome: string }>
  | TimelineEntryBase<'audit', { field: string; before: unknown; after: unknown }>
  /** Two devices changed the same field group before they synced: the kept and the discarded edit. */
  | TimelineEntryBase<'conflict', { field: string; kept: ConflictingEdit; discarded: ConflictingEdit; rule: 'later-edit' }>
  /** An administrator changed the working calendar or the SLA policy, and this case's deadlines moved. */
  | TimelineEntryBase<'deadlines-moved', DeadlinesMoved>
  /** P-7.1: a manager restricted the case to the people named, or lifted the restriction (no people), and why. */
  | TimelineEntryBase<'restriction', { restricted: boolean; people: readonly StaffRef[]; reason: string }>
  /** Issue 18: what was decided about correspondence that arrived on a closed case, and why. */
  | TimelineEntryBase<'correspondence-decision', { entryId: string; decision: CorrespondenceDecision; reason: string }>
  /** Issue 18: linked to (or unlinked from) another case of the same complainant; recorded on both cases. */
  | TimelineEntryBase<'case-link', { linked: boolean; otherCaseId: string; otherReference: string }>
  /** Issue 18: the complainant's contact details updated from a letter or complaint, confirmed by the person who logged it; the audit entries beside it keep the values. */
  | TimelineEntryBase<'contact-update', { fields: readonly ContactField[]; source: ContactSource }>;

export interface DeadlinesMoved {
  readonly because: 'calendar' | 'slaPolicy';
  readonly moved: readonly { readonly deadline: DeadlineKind; readonly from: string; readonly to: string }[];
  /** The parts of the setting that changed. */
  readonly changes: readonly SettingChange[];
}

export type SettingChange =
  /** A value replaced, e.g. the region, the working week or a number of working days. */
  | { readonly setting: string; readonly before: unknown; readonly after: unknown }
  /** Days added to or taken off a list of days, with the notes of those added. */
  | { readonly setting: 'closures' | 'extraWorkingDays'; readonly added: readonly string[]; readonly removed: readonly string[]; readonly notes: Readonly<Record<string, string>> };

export interface ConflictingEdit {
  readonly value: unknown;
  readonly at: string;
  readonly by: StaffRef;
}

/**
 * A password verifier (never the password): scrypt from node:crypto with its parameters, so a
 * later version can raise the cost and still check older verifiers. Kept on the staff account so
 * every device can check a sign-in offline; never sent to the renderer, the log or an API answer.
 */
export interface PasswordVerifier {
  readonly algorithm: 'scrypt';
  /** CPU/memory cost (a power of two), block size and parallelism. */
  readonly N: number;
  readonly r: number;
  readonly p: number;
  readonly keyLength: number;
  /** Random per account and per password change, base64. */
  readonly salt: string;
  readonly hash: string;
  readonly setAt: string;
}

/** A staff account of the team directory (replicated to every device of the team). */
export interface StaffMember {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  /** What the person signs in with; '' for a profile from before accounts (it cannot sign in). */
  readonly login: string;
  /** A person may hold several roles. */
  readonly roles: readonly StaffRole[];
  /** The departments the person works for. */
  readonly departments: readonly string[];
  /** Deactivated accounts cannot sign in (on any device, once synced) and stay in the history. */
  readonly active: boolean;
  readonly createdAt: string;
  /** Null until a password is set. */
  readonly password: PasswordVerifier | null;
}

/** A staff account as the API answers it: everything but the verifier. */
export type StaffAccount = Omit<StaffMember, 'password'> & {
  readonly hasPassword: boolean;
  /**
   * Set when this account lost a login clash (two devices made the same login offline): the id of
   * the account that keeps the login. An administrator gives this one another login
   * (shared/identity/login-clash.ts).
   */
  readonly loginClashWith?: string;
};

export interface ComplaintType {
  readonly id: string;
  readonly label: { readonly 'en-GB': string; readonly lv: string };
  /** Retired types cannot be chosen for new cases but stay readable on old ones (P-2.2). */
  readonly retired: boolean;
}

export interface Organisation {
  readonly name: string;
  readonly addressLines: readonly string[];
  readonly postcode: string;
  readonly country: string;
  readonly email: string;
  readonly phone: string;
  /** P-6.1: where a dissatisfied customer can seek independent advice, in each letter language (issue 18). */
  readonly independentAdvice: PerLanguageText;
}

/** A text the organisation keeps in each language letters are written in (en-GB, lv). */
export interface PerLanguageText {
  readonly 'en-GB': string;
  readonly lv: string;
}
