/**
 * Issue 14, subject access: find everything about a person by name, e-mail, phone or postcode.
 * Matching ignores accents and case (NFD, then combining marks removed: "Bērziņš" = "berzins"),
 * and the administrator reviews each match, because similar names are different people.
 */
import { z } from 'zod';
import type { CaseStatus } from './vocabulary';

export const findPersonInput = z
  .object({
    name: z.string().trim().max(200).default(''),
    email: z.string().trim().max(320).default(''),
    phone: z.string().trim().max(50).default(''),
    postcode: z.string().trim().max(20).default(''),
  })
  .strict()
  .refine((value) => [value.name, value.email, value.phone, value.postcode].some((entry) => entry.length > 0), {
    message: 'Give a name, e-mail, phone or postcode',
    params: { code: 'person_search_empty' },
  });
export type FindPersonInput = z.output<typeof findPersonInput>;

export type PersonMatchField = 'name' | 'email' | 'phone' | 'postcode';

export interface PersonCaseMatch {
  readonly caseId: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly email: string;
  readonly phone: string;
  readonly postcode: string;
  readonly receivedAt: string;
  readonly status: CaseStatus;
  readonly matchedOn: readonly PersonMatchField[];
}

export interface PersonLetterMatch {
  readonly letterId: string;
  readonly direction: 'in' | 'out';
  readonly caseId: string | null;
  readonly caseReference: string | null;
  readonly partyName: string;
  readonly postcode: string;
  readonly date: string;
  readonly matchedOn: readonly PersonMatchField[];
}

export interface PersonSearchResult {
  readonly cases: readonly PersonCaseMatch[];
  readonly letters: readonly PersonLetterMatch[];
}

/** Lower case, accents removed, runs of space and punctuation made one space. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}@.]+/gu, ' ')
    .trim();
}

/** Every word of the query is a whole word of the name, in any order ("anna berzina" ≠ "annija berzina"). */
export function nameMatches(name: string, query: string): boolean {
  const words = new Set(foldText(name).split(' '));
  const wanted = foldText(query).split(' ').filter(Boolean);
  return wanted.length > 0 && wanted.every((word) => words.has(word));
}

export function emailMatches(email: string, query: string): boolean {
  return query !== '' && email.trim().toLowerCase() === query.trim().toLowerCase();
}

/**
 * The same number with or without the country code (+44 20 … = 020 …): digits only, a national
 * trunk 0 dropped, and one ends with the other over at least 7 digits.
 */
export function phoneMatches(phone: string, query: string): boolean {
  const digits = (value: string) => value.replace(/\D/g, '').replace(/^0+/, '');
  const have = digits(phone);
  const want = digits(query);
  if (want.length < 7 || have.length < 7) return false;
  return have.endsWith(want) || want.endsWith(have);
}

export function postcodeMatches(postcode: string, query: string): boolean {
  const fold = (value: string) => foldText(value).replace(/\s/g, '');
  return query.trim() !== '' && fold(postcode) !== '' && fold(postcode) === fold(query);
}
