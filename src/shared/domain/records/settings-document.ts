/** One settings area as stored and replicated (domain/collections.ts), its value checked per area. */
import { z } from 'zod';
import { createWorkingCalendar } from '../../sla/public-holidays';
import { IMPROVEMENT_STATUSES } from '../improvement-actions';
import { LETTER_LANGUAGES, LETTER_TEMPLATES } from '../letters';
import { erasureRegisterSchema, retentionPolicySchema } from '../retention';
import { rootCauseTaxonomySchema } from '../root-causes';
import { calendarSettingsSchema, complaintTypeInput, organisationSchema, securitySettingsSchema, slaPolicySchema } from '../settings-inputs';
import { webFormMappingInput } from '../web-form';
import { day, id, instant, staffRef } from './common';

/** P-5.3: an improvement action as stored (shared/domain/improvement-actions.ts). */
const improvementActionRecordSchema = z.object({
  id,
  title: z.string().min(1).max(200),
  ownerId: id,
  ownerName: z.string().max(200),
  dueOn: day,
  status: z.enum(IMPROVEMENT_STATUSES),
  completedOn: day.nullable(),
  rootCauseIds: z.array(id).min(1).max(20),
  lessonsLearned: z.string().max(10_000),
  createdAt: instant,
  createdBy: staffRef,
  updatedAt: instant,
  updatedBy: staffRef,
});

/** Each settings area's value: the API's own rules, plus what the SLA engine needs to run. */
const settingsValues = {
  organisation: organisationSchema,
  slaPolicy: slaPolicySchema,
  calendar: calendarSettingsSchema.superRefine((calendar, context) => {
    try {
      createWorkingCalendar(calendar);
    } catch (error) {
      context.addIssue({ code: 'custom', path: ['region'], message: error instanceof Error ? error.message : 'Not a usable calendar' });
    }
  }),
  complaintTypes: z
    .array(complaintTypeInput)
    .min(1)
    .refine((types) => types.some((type) => !type.retired), 'At least one complaint type must stay in use')
    .refine((types) => new Set(types.map((type) => type.id)).size === types.length, 'Complaint type ids repeat'),
  departments: z.array(z.string().min(1).max(100)).max(100),
  security: securitySettingsSchema,
  webFormMapping: webFormMappingInput,
  rootCauses: rootCauseTaxonomySchema,
  improvementActions: z.array(improvementActionRecordSchema).max(2_000),
  letterTemplates: z.partialRecord(z.enum(LETTER_TEMPLATES), z.partialRecord(z.enum(LETTER_LANGUAGES), z.string().max(20_000))),
  // Issue 14 (P-7.2): how long closed cases keep personal data, and the register of erasures.
  retention: retentionPolicySchema,
  erasureRegister: erasureRegisterSchema,
} as const;

export type SettingsArea = keyof typeof settingsValues;
export const SETTINGS_AREAS = Object.keys(settingsValues) as SettingsArea[];

export const settingsDocumentSchema = z
  .object({ id: z.string().min(1).max(40), value: z.object({ data: z.unknown() }), updatedAt: instant, updatedBy: staffRef })
  .superRefine((document, context) => {
    const schema = (settingsValues as Record<string, z.ZodType>)[document.id];
    if (!schema) {
      context.addIssue({ code: 'custom', path: ['id'], message: 'Not a settings area this version knows' });
      return;
    }
    const checked = schema.safeParse(document.value.data);
    for (const found of checked.error?.issues ?? [])
      context.addIssue({ code: 'custom', path: ['value', 'data', ...found.path.map(String)], message: found.message });
  });
export type SettingsDocument = z.infer<typeof settingsDocumentSchema>;
