import { z } from 'zod';
import { caseSortSchema, savedViewIdSchema } from '../case-views';
import { caseFiltersSchema } from '../inputs';
import { id, instant } from './common';

/** A person's saved case view as stored and replicated (domain/case-views). */
export const caseViewRecordSchema = z.object({
  /** `<staffId>|<viewId>`: view ids are only unique per person (old device-local ids were short). */
  id: z.string().min(3).max(200),
  staffId: id,
  viewId: savedViewIdSchema,
  name: z.string().min(1).max(80),
  filters: caseFiltersSchema,
  sort: caseSortSchema,
  search: z.string().max(200),
  /** The person's views are listed in this order (the order they were saved or imported). */
  position: z.number().int().min(0),
  createdAt: instant,
  updatedAt: instant,
});
export type CaseViewRecord = z.infer<typeof caseViewRecordSchema>;
