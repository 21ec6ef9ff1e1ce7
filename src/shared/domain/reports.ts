/**
 * Issue 16, P-5: the managers' dashboard. Its input (filters and date range) and what it answers.
 * Every figure carries the ids of exactly the cases behind it, so a click opens those cases in the
 * case list (the `caseIds` case filter) and the list's count equals the figure.
 */
import { z } from 'zod';
import type { DeadlineKind } from '../sla';
import { day, id, text } from './fields';
import type { StaffRef } from './records';
import { INTAKE_CHANNELS, type CaseStatus, type IntakeChannel, type Outcome, type ThirdPartyKind } from './vocabulary';

/** How received volumes are grouped: by month, or by ISO week (Monday to Sunday) in the office time zone. */
export const REPORT_GROUPINGS = ['month', 'week'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

export const reportFiltersSchema = z
  .object({
    /** Cases received from this office day to this one (inclusive); default the last 12 months. */
    from: day.optional(),
    to: day.optional(),
    types: z.array(id).max(50).optional(),
    channels: z.array(z.enum(INTAKE_CHANNELS)).max(INTAKE_CHANNELS.length).optional(),
    departments: z.array(text(80).min(1)).max(50).optional(),
    stages: z
      .array(z.union([z.literal(1), z.literal(2)]))
      .max(2)
      .optional(),
    /** '' selects unassigned cases. */
    assigneeIds: z.array(z.string().max(64)).max(100).optional(),
    /** The product as written on the case; '' selects cases with none. */
    products: z.array(z.string().trim().max(200)).max(50).optional(),
    /** Volumes per month (the default) or per ISO week. */
    groupBy: z.enum(REPORT_GROUPINGS).optional(),
  })
  .strict()
  .refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
    message: 'The range must not end before it starts',
    path: ['to'],
    params: { code: 'start_after_end' },
  });
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

/** The most rows and columns a table export takes. */
export const EXPORT_LIMITS = { columns: 30, rows: 5_000, cell: 500 } as const;

export const exportTableInput = z
  .object({
    /** The file's name without extension: letters, digits and dashes. */
    name: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Letters, digits and dashes only'),
    /** The table's title as shown (the XLSX sheet's name); the file's name when not given. */
    title: text(EXPORT_LIMITS.cell).optional(),
    header: z.array(text(EXPORT_LIMITS.cell)).min(1).max(EXPORT_LIMITS.columns),
    rows: z.array(z.array(z.string().max(EXPORT_LIMITS.cell)).max(EXPORT_LIMITS.columns)).max(EXPORT_LIMITS.rows),
  })
  .strict()
  .refine((table) => table.rows.every((row) => row.length === table.header.length), {
    message: 'Every row has as many cells as the header',
    path: ['rows'],
    params: { code: 'ragged_rows' },
  });

/** Issue 16: the report window as a PDF (Electron's printToPDF of the printable report shown). */
export const printReportInput = z
  .object({
    /** The file's name without extension: letters, digits and dashes. */
    name: z.string().regex(/^[a-z0-9-]{1,60}$/, 'Letters, digits and dashes only'),
  })
  .strict();

/** A count and the cases behind it (the count is always `caseIds.length`). */
export interface Figure {
  readonly count: number;
  readonly caseIds: readonly string[];
}

export interface Keyed<K> {
  readonly key: K;
  readonly figure: Figure;
}

export interface DateRange {
  readonly from: string;
  readonly to: string;
}

export interface VolumeReport {
  readonly total: Figure;
  readonly previousTotal: Figure;
  readonly grouping: ReportGrouping;
  /**
   * One row per month ('YYYY-MM') or ISO week ('YYYY-Www') of the range, from the day `start` (the
   * first of the month, the week's Monday); `previous` is the same period of the previous period.
   */
  readonly periods: readonly { readonly period: string; readonly start: string; readonly current: Figure; readonly previous: Figure }[];
  readonly byType: readonly Keyed<string>[];
  readonly byChannel: readonly Keyed<IntakeChannel>[];
  /** '' : no product given. */
  readonly byProduct: readonly Keyed<string>[];
}

export const AGE_BANDS = ['0-2', '3-7', '8-14', '15-30', '31+'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export interface BacklogReport {
  readonly total: Figure;
  readonly byAge: readonly Keyed<AgeBand>[];
  readonly byStage: readonly Keyed<1 | 2>[];
  readonly byStatus: readonly Keyed<CaseStatus>[];
}

export interface ExtensionReason {
  readonly reason: string;
  readonly thirdParty: string;
  readonly figure: Figure;
}

export interface DeadlineCompliance {
  readonly kind: DeadlineKind;
  readonly onTime: Figure;
  /** Met late, still overdue, or breached before an extension (issue 18). */
  readonly breached: Figure;
  /** Not yet due and not met: not counted in the percentage. */
  readonly running: Figure;
  /** onTime / (onTime + breached), 0–100 with one decimal; null when nothing is decided yet. */
  readonly percentOnTime: number | null;
  readonly extended: Figure;
  readonly extensionReasons: readonly ExtensionReason[];
}

export const TIME_BANDS = ['0-2', '3-5', '6-10', '11-20', '21+'] as const;
export type TimeBand = (typeof TIME_BANDS)[number];

export interface StageTimeTaken {
  readonly stage: 1 | 2;
  readonly resolved: Figure;
  /** Working days; null when no case of this stage is resolved. */
  readonly medianWorkingDays: number | null;
  readonly p90WorkingDays: number | null;
  readonly distribution: readonly Keyed<TimeBand>[];
}

export interface RedressTotal {
  readonly currency: string;
  readonly totalMinor: number;
  /** The refund cases in this currency. */
  readonly cases: Figure;
  /** totalMinor / cases, rounded to a whole minor unit. */
  readonly perCaseMinor: number;
}

export interface OutcomesReport {
  readonly stage1: readonly Keyed<Outcome>[];
  readonly stage2: readonly Keyed<Outcome>[];
  readonly stage1Resolved: Figure;
  readonly escalated: Figure;
  /** escalated / stage1Resolved, 0–100 with one decimal; null when none resolved. */
  readonly escalationRatePercent: number | null;
  readonly redress: readonly RedressTotal[];
}

export interface WorkloadRow<K> {
  readonly key: K;
  readonly open: Figure;
  readonly dueSoon: Figure;
  readonly breached: Figure;
}

export interface WorkloadReport {
  /** null: unassigned. */
  readonly byAssignee: readonly WorkloadRow<StaffRef | null>[];
  /** '' : no department. */
  readonly byDepartment: readonly WorkloadRow<string>[];
}

/** P-4.1, P-4.4: inquiries to third parties (suppliers, warehouse, testing laboratories) of the range's cases. */
export interface ThirdPartyRow {
  readonly kind: ThirdPartyKind;
  readonly inquiries: number;
  /** The cases with an inquiry to this kind of party. */
  readonly sent: Figure;
  readonly answered: Figure;
  /** Working days from the inquiry to its answer (nearest rank); null when none is answered. */
  readonly medianAnswerWorkingDays: number | null;
  /** Unanswered past the answer date asked for. */
  readonly overdue: Figure;
}

export interface Dashboard {
  readonly range: DateRange;
  readonly previousRange: DateRange;
  readonly generatedAt: string;
  readonly volume: VolumeReport;
  readonly backlog: BacklogReport;
  readonly deadlines: readonly DeadlineCompliance[];
  readonly timeTaken: readonly StageTimeTaken[];
  readonly outcomes: OutcomesReport;
  readonly workload: WorkloadReport;
  readonly thirdParties: readonly ThirdPartyRow[];
}
