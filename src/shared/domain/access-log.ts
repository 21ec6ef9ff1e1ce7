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

import type { AccessLogEntry } from './records/access-log-entry';

export type { AccessLogEntry };

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
  .refine((value) => !value.from || !value.to || value.from <= value.to, {
    message: 'The start must not be after the end',
    path: ['to'],
    params: { code: 'start_after_end' },
  });

export const caseAccessLogInput = z.object({ caseId: id }).strict();
