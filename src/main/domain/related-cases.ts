/**
 * Issue 18: the other cases of the same complainant, for the workspace's "Related cases". A case
 * is the same complainant's when its e-mail address matches (case and spaces ignored), its
 * telephone number matches (the last nine digits), or its name and postcode match (accents, case
 * and spaces ignored); or when someone linked the two cases by hand. Linking and unlinking write
 * both cases and an entry on both timelines, together. P-7.1: only cases the viewer may open are
 * listed, and only those can be linked.
 */
import type { z } from 'zod';
import type { linkCasesInput } from '../../shared/domain/case-list-inputs';
import { fieldError, notFound } from '../../shared/domain/domain-error';
import type { TimelineDraft } from '../../shared/domain/workflow';
import type { RelatedCase, SameComplainantMatch } from '../../shared/domain/views';
import { canOpenCase } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import { ChangeSet, commitPlanned } from '../database/change-set';
import { toListItem, type CaseQueries } from './case-queries';
import type { CaseService } from './case-service';
import { caseForbidden } from './case-visibility';
import type { Clock } from './clock';
import type { CaseDocument, DomainDatabase } from './collections';

const CANDIDATES = 200;
const SHOWN = 50;

export const normalisedEmail = (email: string) => email.replace(/\s/g, '').toLowerCase();
export const normalisedPhone = (phone: string) => phone.replace(/\D/g, '').slice(-9);
export const normalisedPostcode = (postcode: string) => postcode.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();

/** How `other` matches `record`'s complainant (nothing: not the same complainant by their details). */
export function sameComplainant(record: CaseDocument, other: CaseDocument): SameComplainantMatch[] {
  const matches: SameComplainantMatch[] = [];
  const email = normalisedEmail(record.complainant.email);
  if (email !== '' && normalisedEmail(other.complainant.email) === email) matches.push('email');
  const phone = normalisedPhone(record.complainant.phone);
  if (phone.length >= 6 && normalisedPhone(other.complainant.phone) === phone) matches.push('phone');
  const postcode = normalisedPostcode(record.complainant.address?.postcode ?? '');
  if (
    postcode !== '' &&
    record.complainantSortName !== '' &&
    other.complainantSortName === record.complainantSortName &&
    normalisedPostcode(other.complainant.address?.postcode ?? '') === postcode
  ) {
    matches.push('name-postcode');
  }
  return matches;
}

export class RelatedCases {
  constructor(
    private readonly db: DomainDatabase,
    private readonly queries: CaseQueries,
    private readonly cases: CaseService,
    private readonly clock: Clock,
  ) {}

  /** The other cases of this case's complainant that the viewer may open: linked ones first, then newest first. */
  async list(caseId: string, viewer: Viewer | null | undefined): Promise<RelatedCase[]> {
    await this.queries.assertCanOpen(caseId, viewer);
    const record = await this.document(caseId);
    const candidates = new Map<string, CaseDocument>();
    const add = (documents: Iterable<{ toJSON(): unknown }>) => {
      for (const document of documents) {
        const candidate = document.toJSON() as CaseDocument;
        if (candidate.id !== caseId) candidates.set(candidate.id, candidate);
      }
    };
    add((await this.db.cases.findByIds([...record.relatedCaseIds]).exec()).values());
    if (record.complainantSortName !== '')
      add(await this.db.cases.find({ selector: { complainantSortName: record.complainantSortName }, limit: CANDIDATES }).exec());
    for (const probe of [normalisedEmail(record.complainant.email), normalisedPhone(record.complainant.phone)].filter((value) => value.length >= 6)) {
      add((await this.db.cases.findByIds(this.queries.textMatches(probe, CANDIDATES)).exec()).values());
    }
    const related: RelatedCase[] = [];
    for (const candidate of candidates.values()) {
      const linked = record.relatedCaseIds.includes(candidate.id) || candidate.relatedCaseIds.includes(caseId);
      const matchedBy = sameComplainant(record, candidate);
      if ((linked || matchedBy.length > 0) && canOpenCase(viewer, candidate)) related.push({ ...toListItem(candidate), linked, matchedBy });
    }
    return related.sort((a, b) => Number(b.linked) - Number(a.linked) || b.receivedAt.localeCompare(a.receivedAt)).slice(0, SHOWN);
  }

  /**
   * Links two cases (each names the other) or removes the link, with an entry on both timelines,
   * in one write. Refused, changing nothing: the same case twice, a case the viewer may not open,
   * linking cases already linked, unlinking cases that are not.
   */
  async link(input: z.output<typeof linkCasesInput>, viewer: Viewer | null | undefined): Promise<void> {
    if (input.caseId === input.otherCaseId) throw fieldError('otherCaseId', 'A case cannot be related to itself', 'related_to_itself');
    await this.queries.assertCanOpen(input.caseId, viewer);
    const other = await this.db.cases.findOne(input.otherCaseId).exec();
    if (!other) throw fieldError('otherCaseId', `Case ${input.otherCaseId} does not exist`, 'not_found');
    if (!canOpenCase(viewer, other)) throw caseForbidden(input.otherCaseId);
    await commitPlanned(async () => {
      const one = await this.document(input.caseId);
      const two = await this.document(input.otherCaseId);
      const linked = one.relatedCaseIds.includes(two.id) || two.relatedCaseIds.includes(one.id);
      if (input.linked && linked) throw fieldError('otherCaseId', `${one.reference} and ${two.reference} are already linked`, 'already_linked');
      if (!input.linked && !linked) throw fieldError('otherCaseId', `${one.reference} and ${two.reference} are not linked`, 'not_linked');
      const changes = new ChangeSet();
      const at = this.clock.now().toISOString();
      for (const [self, peer] of [
        [one, two],
        [two, one],
      ] as const) {
        const entry: TimelineDraft = { kind: 'case-link', at, data: { linked: input.linked, otherCaseId: peer.id, otherReference: peer.reference } };
        const planned = await this.cases.planModify(self.id, (document) => ({
          next: {
            ...document,
            relatedCaseIds: input.linked ? [...new Set([...document.relatedCaseIds, peer.id])] : document.relatedCaseIds.filter((id) => id !== peer.id),
          },
          entries: [entry],
        }));
        changes.include(planned.changes);
      }
      return { changes, result: undefined };
    });
  }

  private async document(caseId: string): Promise<CaseDocument> {
    const found = await this.db.cases.findOne(caseId).exec();
    if (!found) throw notFound('Case', caseId);
    return found.toJSON() as CaseDocument;
  }
}
