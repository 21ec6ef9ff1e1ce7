/**
 * Issue 14, subject access, the review: every entry an export of the selected cases and letters
 * would hold, in words, so the administrator can withhold those about third parties or staff only.
 */
import type { ReviewLetter, SubjectAccessReview } from '../../shared/domain/subject-access';
import { entryText } from './entry-text';
import { letterDate, type BundledLetter, type SubjectAccessBundle } from './subject-access-bundle';

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
    files: files.map((file) => ({ id: file.id, name: file.name, mimeType: file.mimeType, size: file.size })),
  };
}

export function reviewOf(bundle: SubjectAccessBundle): SubjectAccessReview {
  return {
    cases: bundle.cases.map(({ record, timeline }) => ({
      caseId: record.id,
      reference: record.reference,
      complainantName: record.complainant.name,
      receivedAt: record.receivedAt,
      status: record.status,
      summary: record.summary,
      timeline: timeline.map((entry) => ({ id: entry.id, kind: entry.kind, at: entry.at, by: entry.by.name, text: entryText(entry) })),
    })),
    letters: bundle.letters.map(reviewLetter),
  };
}
