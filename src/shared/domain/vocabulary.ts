/** The complaints vocabulary of the procedure (docs/complaints-procedure.md): channels, statuses, outcomes and kinds. */

/** P-3.1 product decision: intake channels. */
export const INTAKE_CHANNELS = ['letter', 'web-form', 'email', 'telephone', 'in-person'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** Channels for communication in and out (P-3.1: later communication by e-mail or telephone; letters too). */
export const COMMUNICATION_CHANNELS = ['letter', 'email', 'telephone', 'in-person', 'web-form'] as const;
export type CommunicationChannel = (typeof COMMUNICATION_CHANNELS)[number];

export const CONTACT_PREFERENCES = ['email', 'telephone', 'letter'] as const;
export type ContactPreference = (typeof CONTACT_PREFERENCES)[number];

/** P-2.1: a customer or another stakeholder. */
export const COMPLAINANT_KINDS = ['customer', 'other-stakeholder'] as const;
export type ComplainantKind = (typeof COMPLAINANT_KINDS)[number];

/** P-2.2 product decision: the five named types plus "other"; the list is editable in settings. */
export const DEFAULT_COMPLAINT_TYPES = [
  { id: 'service', label: { 'en-GB': 'Service', lv: 'Pakalpojums' } },
  { id: 'billing', label: { 'en-GB': 'Billing and payment', lv: 'Rēķini un maksājumi' } },
  { id: 'product', label: { 'en-GB': 'Product defect or problem', lv: 'Preces defekts vai problēma' } },
  { id: 'communication', label: { 'en-GB': 'Communication', lv: 'Saziņa' } },
  { id: 'customer-service', label: { 'en-GB': 'Customer service', lv: 'Klientu apkalpošana' } },
  { id: 'other', label: { 'en-GB': 'Other', lv: 'Cits' } },
] as const;

/**
 * The explicit states of the stage workflow (P-3, P-4, P-6). Stage 1: received → acknowledged →
 * investigating (⇄ awaiting third party) → resolution communicated → closed. Stage 2: escalation
 * requested → escalation acknowledged → department-head review (⇄ awaiting third party) →
 * stage-2 resolution communicated → closed.
 */
export const CASE_STATUSES = [
  'received',
  'acknowledged',
  'investigating',
  'awaiting-third-party',
  'resolution-communicated',
  'escalation-requested',
  'escalation-acknowledged',
  'department-head-review',
  'stage2-resolution-communicated',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const OUTCOMES = ['upheld', 'partly-upheld', 'not-upheld'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const REDRESS_KINDS = ['apology', 'refund', 'replacement', 'other'] as const;
export type RedressKind = (typeof REDRESS_KINDS)[number];

/** P-4.1: other departments and external parties consulted. */
export const THIRD_PARTY_KINDS = ['department', 'supplier', 'warehouse', 'testing-laboratory', 'other'] as const;
export type ThirdPartyKind = (typeof THIRD_PARTY_KINDS)[number];

export const STAFF_ROLES = ['clerk', 'caseworker', 'manager', 'administrator'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const TIMELINE_KINDS = [
  'communication',
  'note',
  'inquiry',
  'inquiry-response',
  'extension',
  'extension-notice',
  'transition',
  'external-signposting',
  'external-referral',
  'audit',
  'conflict',
  'deadlines-moved',
  'restriction',
  'correspondence-decision',
  'case-link',
  'contact-update',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const DIRECTIONS = ['in', 'out'] as const;
export type Direction = (typeof DIRECTIONS)[number];
