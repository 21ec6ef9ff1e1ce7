/** Input schemas of the settings API (organisation, SLA policy, calendar, lists, staff). */
import { z } from 'zod';
import { issue, pattern, requiredText, text } from './fields';

const clockTime = z.string().refine(...pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'time_of_day', 'A time of day, HH:mm'));

/** P-3.1: the organisation's name and address (the head office address letters go to). */
export const organisationSchema = z
  .object({
    name: requiredText(200),
    addressLines: z.array(requiredText(120)).min(1).max(6),
    postcode: text(16),
    country: z.string().refine(...pattern(/^[A-Z]{2}$/, 'country_code', 'A two-letter country code, e.g. GB')),
    email: z.union([z.literal(''), z.email('Not a valid e-mail address')]),
    phone: text(40),
    // P-6.1, issue 18: told in the final response's own language.
    independentAdvice: z.object({ 'en-GB': requiredText(2_000), lv: requiredText(2_000) }).strict(),
  })
  .strict();

export const slaPolicySchema = z
  .object({
    acknowledgement: z.discriminatedUnion('unit', [
      z
        .object({
          unit: z.literal('clock-hours'),
          amount: z
            .number()
            .int()
            .min(1)
            .max(24 * 30),
        })
        .strict(),
      z.object({ unit: z.literal('working-days'), amount: z.number().int().min(1).max(30) }).strict(),
    ]),
    stage1ResolutionWorkingDays: z.number().int().min(1).max(120),
    escalationAcknowledgementTargetWorkingDays: z.number().int().min(1).max(60),
    escalationAcknowledgementLimitWorkingDays: z.number().int().min(1).max(120),
    stage2ResolutionWorkingDays: z.number().int().min(1).max(120),
    warningLeadHours: z
      .number()
      .int()
      .min(0)
      .max(24 * 30),
    officeOpensAt: clockTime,
    officeClosesAt: clockTime,
  })
  .strict()
  .superRefine((policy, context) => {
    if (policy.escalationAcknowledgementTargetWorkingDays > policy.escalationAcknowledgementLimitWorkingDays) {
      issue(context, 'escalationAcknowledgementTargetWorkingDays', 'target_after_limit', 'The target cannot be later than the limit');
    }
    if (policy.officeOpensAt >= policy.officeClosesAt) issue(context, 'officeClosesAt', 'closes_before_opens', 'The office must close after it opens');
  });

const calendarDay = z.iso.date({ message: 'Must be a date (YYYY-MM-DD)' });

/**
 * The office's working calendar ("Working days"). The fields after `closures` came with issue 15;
 * a caller (or a stored calendar) without them gets the procedure's defaults: Monday to Friday,
 * no extra working days, no notes.
 */
export const calendarSettingsSchema = z
  .object({
    region: z.string().refine(...pattern(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, 'region_code', 'A region code such as GB-ENG or LV')),
    timeZone: requiredText(64),
    closures: z.array(calendarDay).max(366),
    /** Working days even on a weekend or public holiday (Latvia's transferred Saturdays). */
    extraWorkingDays: z.array(calendarDay).max(366).default([]),
    /** ISO weekdays, 1 = Monday … 7 = Sunday. */
    workWeek: z
      .array(z.number().int().min(1, 'A weekday from 1 (Monday) to 7 (Sunday)').max(7, 'A weekday from 1 (Monday) to 7 (Sunday)'))
      .min(1, 'Choose at least one working day')
      .max(7)
      .default([1, 2, 3, 4, 5]),
    /** Why a closure or an extra working day is there, e.g. "transferred from Mon 23 Dec". */
    dayNotes: z.record(calendarDay, text(200)).default({}),
  })
  .strict();

export const complaintTypeInput = z
  .object({
    id: z.string().refine(...pattern(/^[a-z][a-z0-9-]{0,39}$/, 'type_id_format', 'Lower-case letters, digits and hyphens')),
    label: z.object({ 'en-GB': requiredText(100), lv: requiredText(100) }).strict(),
    retired: z.boolean().default(false),
  })
  .strict();

export const departmentsInput = z.object({ departments: z.array(requiredText(100)).max(100) }).strict();

/** Security: the idle lock (P-7.1). */
export const securitySettingsSchema = z.object({ idleLockMinutes: z.number().int().min(1).max(240) }).strict();
export const DEFAULT_SECURITY_SETTINGS = { idleLockMinutes: 15 } as const;
