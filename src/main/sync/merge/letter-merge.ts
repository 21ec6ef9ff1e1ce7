/**
 * The conflict policy of a letter. Everything a letter says is written once; only two things
 * change later: its posting (logged in the outgoing post) and `voided` (undo). A posting logged on
 * two devices keeps the later entry, and the other is reported for the case's timeline; a letter
 * voided anywhere stays voided.
 */
import type { LetterDocument } from '../../post-room/letters-collection';
import { chooseEdit, type Edit } from './edits';

export interface LetterMerge {
  readonly merged: LetterDocument;
  readonly conflict: { readonly kept: Edit; readonly discarded: Edit } | null;
}

function postingEdit(letter: LetterDocument): Edit {
  return { value: letter.posting, at: letter.posting?.loggedAt ?? letter.loggedAt, by: letter.posting?.loggedBy ?? letter.loggedBy };
}

export function mergeLetters(base: LetterDocument | undefined, a: LetterDocument, b: LetterDocument): LetterMerge {
  const { kept, discarded } = chooseEdit(base ? postingEdit(base) : null, postingEdit(a), postingEdit(b));
  const posting = kept.value as LetterDocument['posting'];
  // Everything else is written once and the same on both sides.
  const merged: LetterDocument = { ...a, posting, postedOn: posting?.postedOn ?? '', voided: a.voided || b.voided };
  return { merged, conflict: discarded ? { kept, discarded } : null };
}
