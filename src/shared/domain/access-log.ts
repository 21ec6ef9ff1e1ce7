/**
 * The access log (P-7.2): who opened, printed or exported which case, and when. Append-only and
 * shared with the team; administrators filter it, and a case shows its managers who has seen it.
 */
import { z } from 'zod';
import { day, id } from './fields';

export const ACCESS_ACTIONS = [
  /** The case's details and timeline were opened. */
  'opened',
  /** A letter or scan of the case was opened (to read or print it). */
  'file-opened',
  /** The case was part of an export (the day book as PDF or CSV). */
  'exported',
] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessLogEntry {
  readonly id: string;
  readonly at: string;
  /** The viewer's account id and name at the time. */
  readonly accountId: string;
  readonly name: string;
  readonly action: AccessAction;
  readonly caseId: string;
  readonly caseReference: string;
  /** What was opened or exported: a file's name, an export's name; '' for the case itself. */
  readonly detail: string;
}

/** Administrators filter the log by person, case and a range of days (office days, inclusive). */
export const accessLogQueryInput = z
  .object({
    accountId: id.optional(),
    caseId: id.optional(),
    from: day.optional(),
    to: day.optional(),
    limit: z.number().int().min(1).max(1000).default(200),
  })
  .strict()
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: 'The start must not be after the end', path: ['to'], params: { code: 'start_after_end' } });

export const caseAccessLogInput = z.object({ caseId: id }).strict();
