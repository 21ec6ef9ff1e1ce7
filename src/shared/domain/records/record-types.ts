/**
 * The shapes of Plaint's records as stored and as returned by the API. Times are ISO 8601 UTC
 * strings; ids are random UUIDs (never auto-increment: every device creates records offline).
 */
import type { z } from 'zod';
import type { Immutable, staffRef } from './common';
import type { timelineEntrySchema } from './timeline-entry';
import type { StaffMember } from './staff-member';
import type { TimelineKind } from '../vocabulary';

export type GeneratedMessage =
  | 'acknowledgementSent'
  | 'escalationRequested'
  | 'escalationAcknowledged'
  | 'extensionNotice'
  | 'letterGenerated'
  | 'emailSent'
  | 'emailNotDelivered'
  | 'emailRefused';

export type StaffRef = Immutable<z.infer<typeof staffRef>>;

/** A case's timeline entry (shared/domain/records/timeline-entry.ts), and the data of one kind of entry. */
export type TimelineEntry = Immutable<z.infer<typeof timelineEntrySchema>>;
export type TimelineData<K extends TimelineKind> = Extract<TimelineEntry, { readonly kind: K }>['data'];

/** An administrator changed the working calendar or the SLA policy, and a case's deadlines moved. */
export type DeadlinesMoved = TimelineData<'deadlines-moved'>;
/** A value replaced (the region, the working week…), or days added to or taken off a list of days, with the notes of those added. */
export type SettingChange = DeadlinesMoved['changes'][number];
/** Two devices changed the same field group before they synced: the kept or the discarded edit. */
export type ConflictingEdit = TimelineData<'conflict'>['kept'];

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
