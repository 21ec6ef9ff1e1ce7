/**
 * The SLA policy: the procedure's time limits with its product decisions as defaults. An
 * administrator may change them in settings.
 */
export type AcknowledgementLimit = { readonly unit: 'clock-hours'; readonly amount: number } | { readonly unit: 'working-days'; readonly amount: number };

export interface SlaPolicy {
  /** P-3.2: 48 clock hours by default, or "2 working days" where an administrator chooses that. */
  readonly acknowledgement: AcknowledgementLimit;
  /** P-4.1 step 3 / P-4.3: 10 working days from the day of acknowledgement. */
  readonly stage1ResolutionWorkingDays: number;
  /** P-4.3: escalation acknowledged within 5 (target: a warning when passed) … */
  readonly escalationAcknowledgementTargetWorkingDays: number;
  /** … to 10 working days (limit: a breach when passed). */
  readonly escalationAcknowledgementLimitWorkingDays: number;
  /** P-4.2 step 3: 10 working days from the day the escalation was acknowledged. */
  readonly stage2ResolutionWorkingDays: number;
  /** A running deadline is "due soon" this many clock hours before it is due. */
  readonly warningLeadHours: number;
  /** P-3.2: when only the date of receipt is known, the clock starts at the office opening time. */
  readonly officeOpensAt: string;
  /** End of the working day (the notifier holds desktop notifications outside these hours). */
  readonly officeClosesAt: string;
}

export const DEFAULT_SLA_POLICY: SlaPolicy = {
  acknowledgement: { unit: 'clock-hours', amount: 48 },
  stage1ResolutionWorkingDays: 10,
  escalationAcknowledgementTargetWorkingDays: 5,
  escalationAcknowledgementLimitWorkingDays: 10,
  stage2ResolutionWorkingDays: 10,
  warningLeadHours: 24,
  officeOpensAt: '09:00',
  officeClosesAt: '17:30',
};

/** The default working calendar (procedure, "Working days"): England and Wales, London time. */
export const DEFAULT_CALENDAR = { region: 'GB-ENG', timeZone: 'Europe/London', closures: [] as string[] };
