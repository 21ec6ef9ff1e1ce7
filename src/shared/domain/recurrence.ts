/**
 * Issue 16, P-5.3: the recurrence report. For each root cause an improvement action addresses and
 * that action's completion, the complaints received with that cause in equal periods before and
 * after the completion, and whether recurrence fell, rose or cannot be told yet. The rule is in
 * main/reports/recurrence-rule.ts and the README.
 */
import type { Figure } from './reports';

export type RecurrenceVerdict = 'fell' | 'rose' | 'cannot-tell';

/** Why it cannot be told: too little time since completion, too few cases, or a difference chance explains. */
export type RecurrenceDoubt = 'too-soon' | 'too-few-cases' | 'not-significant';

export interface RecurrenceRow {
  readonly actionId: string;
  readonly actionTitle: string;
  readonly completedOn: string;
  readonly rootCauseId: string;
  /** The length of each period in days (both the same). */
  readonly periodDays: number;
  /** The period before: from this day up to the day before completion. */
  readonly beforeFrom: string;
  /** The period after: from completion up to this day (inclusive). */
  readonly afterTo: string;
  readonly before: Figure;
  readonly after: Figure;
  /** Complaints per 30 days in each period (one decimal). */
  readonly beforePer30Days: number;
  readonly afterPer30Days: number;
  /** The two-sided p-value of the test; null when no test was run (too soon, too few cases). */
  readonly pValue: number | null;
  readonly verdict: RecurrenceVerdict;
  readonly doubt: RecurrenceDoubt | null;
}

export interface RecurrenceReport {
  readonly rows: readonly RecurrenceRow[];
  /** The rule's constants, so the screen states them as the README does. */
  readonly rule: { readonly significance: number; readonly minimumCases: number; readonly minimumDays: number; readonly maximumDays: number };
}
