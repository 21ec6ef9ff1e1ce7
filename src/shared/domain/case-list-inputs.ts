/**
 * Issue 18, the caseworker's and manager's lists: assigning many cases at once, exporting the
 * list that is shown (every matching row, not only the page), and the cases of the same
 * complainant (found by their contact details, or linked by hand).
 */
import { z } from 'zod';
import { id, issue, text } from './fields';
import { caseFiltersSchema, caseSortSchema } from './inputs';

/** The most cases one "Assign to…" takes (a day's triage, with room to spare). */
export const MAX_BULK_ASSIGN = 500;

export const assignCasesInput = z
  .object({
    caseIds: z
      .array(id)
      .min(1)
      .max(MAX_BULK_ASSIGN)
      .superRefine((ids, context) => {
        const seen = new Set<string>();
        ids.forEach((caseId, index) => {
          if (seen.has(caseId)) issue(context, String(index), 'duplicate_case', 'This case appears twice');
          seen.add(caseId);
        });
      }),
    /** null: unassign them all. */
    assigneeId: id.nullable(),
  })
  .strict();

export const CASE_EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type CaseExportFormat = (typeof CASE_EXPORT_FORMATS)[number];

/** The columns of an exported list, in order; the renderer names them in the person's language. */
export const CASE_EXPORT_COLUMNS = ['reference', 'complainant', 'type', 'channel', 'stage', 'status', 'assignee', 'received', 'nextDeadline'] as const;

/** The most rows an export holds. */
export const MAX_EXPORT_ROWS = 50_000;

export const exportCasesInput = z
  .object({
    filters: caseFiltersSchema.default({}),
    search: text(200).default(''),
    sort: caseSortSchema,
    format: z.enum(CASE_EXPORT_FORMATS),
    /** The column headings, one per CASE_EXPORT_COLUMNS entry, in the person's language. */
    header: z.array(text(100)).length(CASE_EXPORT_COLUMNS.length),
    /** The person's language: complaint types are named in it. */
    language: z.enum(['en-GB', 'lv']),
    /** Words for statuses, channels, stages and "unassigned" in the person's language, by code (a code without one is written as it is). */
    words: z
      .record(z.string().max(40), text(100))
      .refine((words) => Object.keys(words).length <= 100, { message: 'At most 100 words' })
      .default({}),
    /** The file's name without its extension. */
    name: z
      .string()
      .trim()
      .regex(/^[\p{L}\p{N} _-]{1,80}$/u, 'Letters, digits, spaces, - and _ only'),
  })
  .strict();

export const relatedCasesInput = z.object({ caseId: id }).strict();

/** Links two cases of the same complainant (linked: true), or removes the link (false). */
export const linkCasesInput = z.object({ caseId: id, otherCaseId: id, linked: z.boolean() }).strict();
