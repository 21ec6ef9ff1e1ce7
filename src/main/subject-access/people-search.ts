/**
 * Issue 14, subject access, step one: the cases and letters that may concern a person, found by
 * name, e-mail, phone or postcode (accent- and case-insensitive), for an administrator to review.
 * Need-to-know holds (P-7.1, shared/identity/case-access.ts): a case the viewer may not open in
 * full is not returned, nor are the letters filed on it.
 */
import type { RxCollection } from 'rxdb';
import {
  emailMatches,
  nameMatches,
  phoneMatches,
  postcodeMatches,
  type FindPersonInput,
  type PersonCaseMatch,
  type PersonLetterMatch,
  type PersonMatchField,
  type PersonSearchResult,
} from '../../shared/domain/people-search';
import { caseAccess } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import type { CaseDocument } from '../domain/collections';
import type { LetterDocument } from '../post-room/letters-collection';

export interface PeopleSearchSources {
  readonly cases: RxCollection<CaseDocument>;
  readonly letters: RxCollection<LetterDocument>;
}

function matched(checks: readonly [PersonMatchField, boolean][]): PersonMatchField[] {
  return checks.filter(([, hit]) => hit).map(([field]) => field);
}

export async function findPerson(sources: PeopleSearchSources, query: FindPersonInput, viewer: Viewer | null): Promise<PersonSearchResult> {
  const visible = new Map<string, CaseDocument>();
  const cases: PersonCaseMatch[] = [];
  for (const found of await sources.cases.find().exec()) {
    const record = found.toJSON() as CaseDocument;
    if (caseAccess(viewer, record) !== 'full') continue;
    visible.set(record.id, record);
    const { complainant } = record;
    const matchedOn = matched([
      ['name', query.name !== '' && nameMatches(complainant.name, query.name)],
      ['email', emailMatches(complainant.email, query.email)],
      ['phone', phoneMatches(complainant.phone, query.phone)],
      ['postcode', postcodeMatches(complainant.address?.postcode ?? '', query.postcode)],
    ]);
    if (matchedOn.length === 0) continue;
    cases.push({
      caseId: record.id,
      reference: record.reference,
      complainantName: complainant.name,
      email: complainant.email,
      phone: complainant.phone,
      postcode: complainant.address?.postcode ?? '',
      receivedAt: record.receivedAt,
      status: record.status,
      matchedOn,
    });
  }
  const matchedCases = new Set(cases.map((entry) => entry.caseId));
  const letters: PersonLetterMatch[] = [];
  for (const found of await sources.letters.find().exec()) {
    const letter = found.toJSON() as LetterDocument;
    // A letter filed on a case is seen only with its case (P-7.1).
    if (letter.caseId !== null && !visible.has(letter.caseId)) continue;
    const matchedOn = matched([
      ['name', query.name !== '' && nameMatches(letter.party.name, query.name)],
      // Issue 18: a letter's sender may have given an e-mail address and telephone number too.
      ['email', emailMatches(letter.party.email ?? '', query.email)],
      ['phone', phoneMatches(letter.party.phone ?? '', query.phone)],
      ['postcode', postcodeMatches(letter.party.postcode, query.postcode)],
    ]);
    const onMatchedCase = letter.caseId !== null && matchedCases.has(letter.caseId);
    if (matchedOn.length === 0 && !onMatchedCase) continue;
    letters.push({
      letterId: letter.id,
      direction: letter.direction,
      caseId: letter.caseId,
      caseReference: letter.caseReference,
      partyName: letter.party.name,
      postcode: letter.party.postcode,
      date: letter.receivedOn ?? letter.letterDate ?? letter.loggedAt,
      matchedOn,
    });
  }
  cases.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  letters.sort((a, b) => a.date.localeCompare(b.date));
  return { cases, letters };
}
