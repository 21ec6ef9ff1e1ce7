/**
 * Issue 14 (P-7.2): an erasure wins every merge. A case anonymised on either side stays
 * anonymised, whatever the other side edited meanwhile (an older or concurrent edit never brings
 * personal data back), and no conflict is reported, because a conflict record would keep the
 * discarded value. A letter erased on either side stays erased. Both sides keep the earlier
 * anonymisation, so every device converges on one document.
 */
import type { CaseDocument } from '../../domain/collections';
import type { LetterDocument } from '../../post-room/letters-collection';
import { ANONYMISED_MARK, anonymisationOf, anonymisedCase, erasedLetter, firstAnonymisation, isErasedLetter } from '../../erasure/redaction';
import { mergeCases, type CaseMerge } from './case-merge';
import { mergeLetters, type LetterMerge } from './letter-merge';

export function mergeCasesKeepingErasure(base: CaseDocument | undefined, local: CaseDocument, server: CaseDocument): CaseMerge {
  const result = mergeCases(base, local, server);
  const anonymised = firstAnonymisation(anonymisationOf(local), anonymisationOf(server));
  if (!anonymised) return result;
  const marked = { ...result.merged, fieldVersions: { ...result.merged.fieldVersions, [ANONYMISED_MARK]: anonymised } };
  return { merged: anonymisedCase(marked, anonymised), conflicts: [] };
}

export function mergeLettersKeepingErasure(base: LetterDocument | undefined, local: LetterDocument, server: LetterDocument): LetterMerge {
  const result = mergeLetters(base, local, server);
  return isErasedLetter(local) || isErasedLetter(server) ? { merged: erasedLetter(result.merged), conflict: null } : result;
}
