/**
 * Issue 18: the organisation-wide audit view, for managers and administrators. Every entry of
 * every case timeline they may see (P-7.1), newest first: who, what, when, on which case; filtered
 * by person, kind of entry and the office days it was recorded on, a page at a time.
 */
import { z } from 'zod';
import { day, id } from './fields';
import type { TimelineEntry } from './records';
import { TIMELINE_KINDS } from './vocabulary';

export const AUDIT_PAGE_SIZE = 50;

export const auditTrailInput = z
  .object({
    /** Only what this staff member did. */
    personId: id.optional(),
    /** Only these kinds of entry (none: every kind). */
    kinds: z.array(z.enum(TIMELINE_KINDS)).max(TIMELINE_KINDS.length).default([]),
    /** Recorded on or after this office day. */
    from: day.optional(),
    /** Recorded on or before this office day. */
    to: day.optional(),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(200).default(AUDIT_PAGE_SIZE),
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: 'The start must not be after the end',
    path: ['to'],
    params: { code: 'start_after_end' },
  });

/** One timeline entry with the case it belongs to. */
export interface AuditEvent {
  readonly entry: TimelineEntry;
  readonly reference: string;
}

export interface AuditTrailPage {
  readonly items: readonly AuditEvent[];
  /** How many entries match the filters, on cases the viewer may see. */
  readonly total: number;
  readonly offset: number;
}
