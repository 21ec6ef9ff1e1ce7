/**
 * Issue 14, retention and erasure (P-7.2): how long a closed case keeps its personal data, per
 * final outcome, and the erasure register.
 *
 * - The policy is a team setting (the settings area `retention`), set by an administrator.
 *   Default: every case closed more than 6 years ago.
 * - A case past retention is listed to administrators; once approved it is anonymised: its
 *   personal data is removed on every device, and what reports count (type, dates, outcome,
 *   deadlines met, root cause, departments) stays.
 * - Erasure on request anonymises the cases and erases the letters an administrator chose, with a
 *   reason. The erasure register (the settings area `erasureRegister`) records who, when, why
 *   and how many records, and none of the erased data.
 */
import { z } from 'zod';
import { coded, id, requiredText } from './fields';
import { instant, staffRef } from './records/common';
import { OUTCOMES } from './vocabulary';

/** The final outcome of a closed case, or `none` for a case closed without one (e.g. sent elsewhere). */
export const RETENTION_OUTCOMES = [...OUTCOMES, 'none'] as const;
export type RetentionOutcome = (typeof RETENTION_OUTCOMES)[number];

export const DEFAULT_RETENTION_YEARS = 6;
export const MAX_RETENTION_YEARS = 100;

const years = z.number().int().min(1).max(MAX_RETENTION_YEARS);

export const retentionPolicySchema = z
  .object({
    /** Years after closing, per final outcome. */
    years: z.object({ upheld: years, 'partly-upheld': years, 'not-upheld': years, none: years }).strict(),
  })
  .strict();
export type RetentionPolicy = z.output<typeof retentionPolicySchema>;

export const DEFAULT_RETENTION_POLICY: RetentionPolicy = {
  years: { upheld: DEFAULT_RETENTION_YEARS, 'partly-upheld': DEFAULT_RETENTION_YEARS, 'not-upheld': DEFAULT_RETENTION_YEARS, none: DEFAULT_RETENTION_YEARS },
};

const caseIds = z
  .array(id)
  .max(2_000)
  .refine(...coded((ids: readonly string[]) => new Set(ids).size === ids.length, 'ids_repeat', 'A case is named twice'));
const letterIds = z
  .array(id)
  .max(2_000)
  .refine(...coded((ids: readonly string[]) => new Set(ids).size === ids.length, 'ids_repeat', 'A letter is named twice'));

/** An administrator approves the anonymisation of cases past retention. */
export const approveRetentionInput = z.object({ caseIds: caseIds.min(1) }).strict();

/** Erasure on request: the cases and letters the administrator chose (from people.find), and why. */
export const eraseInput = z
  .object({ caseIds: caseIds.default([]), letterIds: letterIds.default([]), reason: requiredText(500) })
  .strict()
  .refine((value) => value.caseIds.length + value.letterIds.length > 0, {
    message: 'Choose at least one case or letter',
    path: ['caseIds'],
    params: { code: 'nothing_to_erase' },
  });

/** A case past retention, as administrators see it for approval (the personal data it still holds is not shown). */
export interface DueCase {
  readonly caseId: string;
  readonly reference: string;
  readonly type: string;
  readonly outcome: RetentionOutcome;
  readonly closedAt: string;
  /** When its retention ended. */
  readonly dueSince: string;
}

export interface RetentionView {
  readonly policy: RetentionPolicy;
  readonly due: readonly DueCase[];
  /** The last daily check on this device, and how many cases it found. */
  readonly lastCheck: { readonly at: string; readonly due: number } | null;
}

/** How many records an erasure changed (the register holds these counts, never the data). */
export interface ErasureCounts {
  readonly cases: number;
  readonly timelineEntries: number;
  readonly letters: number;
  readonly files: number;
}

export const ERASURE_TRIGGERS = ['request', 'retention'] as const;
export type ErasureTrigger = (typeof ERASURE_TRIGGERS)[number];

/** One line of the erasure register: who, when, why, how many records. */
export interface ErasureRecord {
  readonly id: string;
  readonly at: string;
  readonly by: { readonly id: string; readonly name: string };
  readonly trigger: ErasureTrigger;
  readonly reason: string;
  readonly counts: ErasureCounts;
}

const count = z.number().int().min(0);

/** The register as stored and replicated (a settings area: a list of records by id, so two administrators' erasures both stay). */
export const erasureRegisterSchema = z
  .array(
    z
      .object({
        id,
        at: instant,
        by: staffRef,
        trigger: z.enum(ERASURE_TRIGGERS),
        reason: z.string().max(500),
        counts: z.object({ cases: count, timelineEntries: count, letters: count, files: count }),
      })
      .strict(),
  )
  .max(100_000);

/** "Clean the server" with a CouchDB administrator's credentials, used once and never stored. */
export const cleanServerInput = z.object({ username: z.string().trim().min(1).max(200), password: z.string().min(1).max(1_000) }).strict();

/** What cleaning did in each team database: compaction started; deleted file documents purged, or the server has no `_purge`. */
export interface ServerCleaning {
  readonly databases: readonly {
    readonly database: string;
    readonly compaction: 'started';
    readonly purge: 'purged' | 'unsupported' | 'not-needed';
    readonly purged: number;
  }[];
}
