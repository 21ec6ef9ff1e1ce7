/**
 * Issue 19, prefetch: the files wanted are those of the letters on the people's cases, whether
 * they have a few cases (asked for by case id) or hundreds (one pass over the letters), never the
 * files of voided letters, of letters on other cases or of letters on no case.
 */
import type { RxCollection } from 'rxdb';
import { describe, expect, it } from 'vitest';
import type { StaffMember } from '../../shared/domain/records';
import type { CaseDocument } from '../domain/collections';
import type { LetterDocument } from './letters-collection';
import { wantedFiles, type PrefetchSources } from './prefetch-wanted';

interface LetterSeed {
  readonly id: string;
  readonly caseId: string | null;
  readonly voided: boolean;
}

const exec = <T>(value: T) => ({ exec: () => Promise.resolve(value) });

/** Collections answering just the queries wantedFiles makes: the member's cases, then letters by selector. */
function sources(caseIds: readonly string[], letters: readonly LetterSeed[], asked: object[]): PrefetchSources {
  const member = { id: 'amira', name: 'Amira Hassan', roles: ['caseworker'], departments: [], active: true } as unknown as StaffMember;
  const staff = { findByIds: () => exec(new Map([[member.id, member]])) } as unknown as RxCollection<StaffMember>;
  const cases = { find: () => exec(caseIds.map((id) => ({ id }))) } as unknown as RxCollection<CaseDocument>;
  const letterCollection = {
    find: ({ selector }: { selector: { caseId?: { $in: string[] }; voided: boolean } }) => {
      asked.push(selector);
      const listed = selector.caseId ? new Set(selector.caseId.$in) : null;
      const found = letters.filter((letter) => letter.voided === selector.voided && (!listed || (letter.caseId !== null && listed.has(letter.caseId))));
      return exec(found.map((letter) => ({ ...letter, files: [{ id: `${letter.id}-scan` }] })));
    },
  } as unknown as RxCollection<LetterDocument>;
  return { staff, cases, letters: letterCollection };
}

const someLetters = (caseIds: readonly string[]): LetterSeed[] => [
  { id: 'on-first', caseId: caseIds[0]!, voided: false },
  { id: 'on-last', caseId: caseIds.at(-1)!, voided: false },
  { id: 'voided', caseId: caseIds[0]!, voided: true },
  { id: 'other-case', caseId: 'not-theirs', voided: false },
  { id: 'no-case', caseId: null, voided: false },
];

describe('the files prefetch wants (issue 19)', () => {
  it.each([
    ['a few cases, asked for by case id', 3, true],
    ['hundreds of cases, one pass over the letters', 250, false],
  ])('%s', async (_label, count, byCaseId) => {
    const caseIds = Array.from({ length: count }, (_, index) => `case-${index}`);
    const asked: object[] = [];
    const files = await wantedFiles(sources(caseIds, someLetters(caseIds), asked), ['amira']);
    expect(files.sort()).toEqual(['on-first-scan', 'on-last-scan']);
    expect(asked).toHaveLength(1);
    expect('caseId' in asked[0]!).toBe(byCaseId);
  });
});
