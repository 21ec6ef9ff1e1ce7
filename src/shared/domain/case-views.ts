/**
 * A person's own case views: a name for a combination of filters, sort and search, saved from the
 * case list. Each belongs to a staff member (the person using this device today; the signed-in
 * person once there is sign-in). The main process keeps them in the database, so they survive a
 * reinstall and, through sync, follow the person to their other devices.
 */
import { z } from 'zod';
import { requiredText, text } from './fields';
import { CASE_SORT_FIELDS, caseFiltersSchema } from './inputs';

/**
 * The most views one person can save. The navigation counts every view in one `cases.count` call,
 * which takes at most 60 views (inputs.ts), and 12 of them are built in.
 */
export const MAX_SAVED_VIEWS = 40;

/**
 * `custom-` and then lower-case letters, digits and dashes: never the id of a built-in view, and
 * safe in a route. Views kept on a device before they moved to the main process have ids like
 * `custom-lz3k9w1x`, which they keep, so their links still work.
 */
export const savedViewIdSchema = z.string().regex(/^custom-[0-9a-z-]{1,57}$/, 'Not the id of a saved view (custom-…)');

export const caseSortSchema = z.object({ field: z.enum(CASE_SORT_FIELDS), direction: z.enum(['asc', 'desc']) }).strict();
export type CaseSort = z.infer<typeof caseSortSchema>;

const viewFields = {
  name: requiredText(80),
  filters: caseFiltersSchema,
  sort: caseSortSchema,
  search: text(200).default(''),
};

export const savedCaseViewSchema = z.object({ id: savedViewIdSchema, ...viewFields }).strict();
export type SavedCaseView = z.output<typeof savedCaseViewSchema>;

/** A new view (without an id), or new contents for one of the person's views (with its id). */
export const saveCaseViewInput = z.object({ id: savedViewIdSchema.optional(), ...viewFields }).strict();

export const removeCaseViewInput = z.object({ id: savedViewIdSchema }).strict();

/**
 * Views kept on this device before views moved to the main process, imported once: all of them
 * or none. A view the person already has (same id) is left as it is, so importing twice is safe.
 */
export const importCaseViewsInput = z
  .object({
    views: z
      .array(savedCaseViewSchema)
      .max(MAX_SAVED_VIEWS, `At most ${MAX_SAVED_VIEWS} views`)
      .superRefine((views, context) => {
        const seen = new Set<string>();
        views.forEach((view, index) => {
          if (seen.has(view.id)) context.addIssue({ code: 'custom', path: [index, 'id'], message: 'This id appears twice' });
          seen.add(view.id);
        });
      }),
  })
  .strict();
