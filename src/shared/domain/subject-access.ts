/**
 * Issue 14, subject-access export (P-7.2; UK GDPR right of access): after `people.find`, an
 * administrator selects the cases and letters that are this person's (similar names are different
 * people), reviews every entry, withholds those that concern third parties or staff only (each
 * with a reason), and exports one archive: a readable PDF summary, the original letters and scans,
 * and a machine-readable JSON of every included record.
 *
 * Withholding an entry:
 * - `exclude`: the entry is left out; the archive lists its kind, id and the reason, never its content;
 * - `redact`: the entry stays (kind, date) but its content is replaced by the reason. A file cannot
 *   be partly redacted, so a file can only be excluded.
 * Withholding a case's field (`withheldFields`): the field (e.g. the internal root-cause note) is
 * left out of the case in the PDF and the JSON, and the archive lists the case, the field and the reason.
 */
import { z } from 'zod';
import { id, requiredText } from './fields';
import { LETTER_LANGUAGES } from './letters';
import type { CaseStatus, TimelineKind } from './vocabulary';

export const WITHHELD_KINDS = ['timeline', 'letter', 'file'] as const;
export type WithheldKind = (typeof WITHHELD_KINDS)[number];
export const WITHHOLD_ACTIONS = ['exclude', 'redact'] as const;
export type WithholdAction = (typeof WITHHOLD_ACTIONS)[number];

/** The case's free-text fields staff write, which a reviewer may withhold one by one. */
export const WITHHELD_CASE_FIELDS = ['description', 'desiredOutcome', 'resolution', 'stage2Resolution', 'rootCauseNote', 'lessonsLearned'] as const;
export type WithheldCaseField = (typeof WITHHELD_CASE_FIELDS)[number];

export const withheldFieldInput = z.object({ caseId: id, field: z.enum(WITHHELD_CASE_FIELDS), reason: requiredText(500) }).strict();
export type WithheldField = z.output<typeof withheldFieldInput>;

export const MAX_SELECTED_CASES = 500;
export const MAX_SELECTED_LETTERS = 2000;

export const withheldEntryInput = z
  .object({
    kind: z.enum(WITHHELD_KINDS),
    id,
    action: z.enum(WITHHOLD_ACTIONS),
    reason: requiredText(500),
  })
  .strict()
  .refine((entry) => !(entry.kind === 'file' && entry.action === 'redact'), {
    message: 'A file cannot be partly redacted: exclude it',
    path: ['action'],
    params: { code: 'subject_access_file_redact' },
  });
export type WithheldEntry = z.output<typeof withheldEntryInput>;

const selection = {
  caseIds: z.array(id).max(MAX_SELECTED_CASES).default([]),
  letterIds: z.array(id).max(MAX_SELECTED_LETTERS).default([]),
};

function selectsSomething(value: { caseIds: readonly string[]; letterIds: readonly string[] }): boolean {
  return value.caseIds.length + value.letterIds.length > 0;
}
const nothingSelected = { message: 'Select at least one case or letter of the person', params: { code: 'subject_access_nothing_selected' } };

/** The cases and letters the administrator confirmed are this person's. */
export const reviewSubjectAccessInput = z.object(selection).strict().refine(selectsSomething, nothingSelected);

export const exportSubjectAccessInput = z
  .object({
    ...selection,
    /** The person the export is for, as the administrator names them (the PDF's heading). */
    subjectName: requiredText(200),
    withheld: z.array(withheldEntryInput).max(10_000).default([]),
    withheldFields: z
      .array(withheldFieldInput)
      .max(MAX_SELECTED_CASES * WITHHELD_CASE_FIELDS.length)
      .default([]),
    /** The archive's full path (a save dialog's answer in the app); it must end in .zip. */
    destination: requiredText(1000),
    /** Replace a file already there (the save dialog asked); otherwise an existing file is refused. */
    overwrite: z.boolean().default(false),
    /** The language of the PDF summary. */
    language: z.enum(LETTER_LANGUAGES).default('en-GB'),
  })
  .strict()
  .refine(selectsSomething, nothingSelected)
  .superRefine((value, context) => {
    // One set across both lists: a key names what is withheld, whichever list it came in.
    const seen = new Set<string>();
    const refuseRepeats = <T>(entries: readonly T[], list: string, field: string, keyOf: (entry: T) => string, message: string) =>
      entries.forEach((entry, index) => {
        const key = keyOf(entry);
        if (seen.has(key)) context.addIssue({ code: 'custom', path: [list, index, field], message, params: { code: 'subject_access_withheld_twice' } });
        seen.add(key);
      });
    refuseRepeats(value.withheld, 'withheld', 'id', (entry) => `${entry.kind}:${entry.id}`, 'This entry is withheld twice');
    refuseRepeats(value.withheldFields, 'withheldFields', 'field', (entry) => `field:${entry.caseId}:${entry.field}`, 'This field is withheld twice');
  });
export type ExportSubjectAccessInput = z.output<typeof exportSubjectAccessInput>;

/** The save dialog (in the app) for the archive, suggesting a file name. */
export const chooseArchiveInput = z.object({ suggestedName: requiredText(200) }).strict();

/** `available: false` where there is no dialog (the browser harness): the path is typed instead. */
export interface ArchiveChoice {
  readonly available: boolean;
  /** The chosen path (the dialog asked before replacing a file), or null when cancelled. */
  readonly path: string | null;
}

/** One timeline entry (communications, notes, inquiries, transitions, the audit trail) for review. */
export interface ReviewTimelineEntry {
  readonly id: string;
  readonly kind: TimelineKind;
  readonly at: string;
  /** The member of staff who recorded it. */
  readonly by: string;
  /** What it says, in words (English for entries Plaint wrote itself). */
  readonly text: string;
}

export interface ReviewFile {
  readonly id: string;
  readonly name: string;
  readonly mimeType: string;
  readonly size: number;
}

export interface ReviewLetter {
  readonly letterId: string;
  readonly direction: 'in' | 'out';
  readonly caseId: string | null;
  readonly caseReference: string | null;
  readonly date: string;
  readonly partyName: string;
  readonly summary: string;
  readonly text: string;
  readonly files: readonly ReviewFile[];
}

export interface ReviewCase {
  readonly caseId: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly receivedAt: string;
  readonly status: CaseStatus;
  readonly summary: string;
  /** The case's own free-text fields that hold something, each of which can be withheld. */
  readonly fields: readonly { readonly field: WithheldCaseField; readonly text: string }[];
  readonly timeline: readonly ReviewTimelineEntry[];
  /** Issue 18: the case's own files (attached to the complaint, a note or a communication), each of which can be excluded. */
  readonly files: readonly ReviewFile[];
}

/** Everything the export would hold, for the administrator to withhold what is not the person's. */
export interface SubjectAccessReview {
  readonly cases: readonly ReviewCase[];
  /** The letters filed on the selected cases and the letters selected on their own. */
  readonly letters: readonly ReviewLetter[];
}

export interface SubjectAccessExportResult {
  readonly path: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly cases: number;
  readonly letters: number;
  readonly files: number;
  readonly withheld: number;
}
