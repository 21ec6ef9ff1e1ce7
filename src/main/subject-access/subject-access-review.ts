/**
 * Issue 14, subject access, the review: every entry an export of the selected cases and letters
 * would hold, in words, so the administrator can withhold those about third parties or staff only.
 * Issue 18: each case's own files are listed with it, each of which can be excluded.
 */
import { WITHHELD_CASE_FIELDS, type ReviewFile, type ReviewLetter, type SubjectAccessReview, type WithheldCaseField } from '../../shared/domain/subject-access';
import type { CaseDocument } from '../domain/collections';
import type { FileRecord } from '../files/file-store';
import { entryText } from './entry-text';
import { letterDate, type BundledLetter, type SubjectAccessBundle } from './subject-access-bundle';

function reviewFiles(files: readonly FileRecord[]): ReviewFile[] {
  return files.map((file) => ({ id: file.id, name: file.name, mimeType: file.mimeType, size: file.size }));
}

export function reviewLetter({ record, files }: BundledLetter): ReviewLetter {
  return {
    letterId: record.id,
    direction: record.direction,
    caseId: record.caseId,
    caseReference: record.caseReference,
    date: letterDate(record),
    partyName: record.party.name,
    summary: record.summary,
    text: record.text,
    files: reviewFiles(files),
  };
}

/** The case's withholdable fields that hold something, in words. */
function caseFields(record: CaseDocument): SubjectAccessReview['cases'][number]['fields'] {
  const texts: Record<WithheldCaseField, string> = {
    description: record.description,
    desiredOutcome: record.desiredOutcome,
    resolution: record.resolution ? `${record.resolution.outcome}: ${record.resolution.summary}` : '',
    stage2Resolution: record.stage2Resolution ? `${record.stage2Resolution.outcome}: ${record.stage2Resolution.summary}` : '',
    rootCauseNote: record.rootCauseNote,
    lessonsLearned: record.lessonsLearned,
  };
  return WITHHELD_CASE_FIELDS.filter((field) => texts[field].trim() !== '').map((field) => ({ field, text: texts[field] }));
}

export function reviewOf(bundle: SubjectAccessBundle): SubjectAccessReview {
  return {
    cases: bundle.cases.map(({ record, timeline, files }) => ({
      caseId: record.id,
      reference: record.reference,
      complainantName: record.complainant.name,
      receivedAt: record.receivedAt,
      status: record.status,
      summary: record.summary,
      fields: caseFields(record),
      timeline: timeline.map((entry) => ({ id: entry.id, kind: entry.kind, at: entry.at, by: entry.by.name, text: entryText(entry) })),
      files: reviewFiles(files),
    })),
    letters: bundle.letters.map(reviewLetter),
  };
}
