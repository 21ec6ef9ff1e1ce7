/**
 * Issue 18: contact details offered to the existing case. When a letter or a new complaint comes
 * from someone who already has an open case (the same e-mail address, telephone number or customer
 * number), the details typed for it are compared with the case's. Where they differ, the person
 * logging it is offered to update the case; nothing is overwritten unless they confirm, and only
 * the fields they bring (an empty field never erases one). The update writes the case, the audit
 * entries of each changed field and one "contact details updated" entry on its timeline together.
 *
 * P-7.1: a clerk sees the post-room projection of a case (its reference and complainant's name),
 * so the offer names the fields that differ, never the case's current values, and lists only cases
 * the person may find. An update is refused unless the sender matches the case's complainant, so
 * this cannot rewrite the details of an unrelated case.
 */
import type { z } from 'zod';
import {
  CONTACT_FIELDS,
  type ContactField,
  type ContactMatch,
  type ContactOffer,
  type TypedContact,
  type updateContactInput,
} from '../../shared/domain/contact-update';
import { fieldError, notFound } from '../../shared/domain/domain-error';
import type { Complainant, PostalAddress } from '../../shared/domain/records';
import type { TimelineDraft } from '../../shared/domain/workflow';
import { canFindCase } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import { commitPlanned } from '../database/change-set';
import type { CaseQueries } from './case-queries';
import type { CaseService } from './case-service';
import { caseForbidden } from './case-visibility';
import type { Clock } from './clock';
import type { CaseDocument, DomainDatabase } from './collections';
import { normalisedEmail, normalisedPhone, normalisedPostcode } from './related-cases';

const CANDIDATES = 200;
const SHOWN = 10;
/** A telephone number shorter than this matches too much to be the same person's. */
const PHONE_DIGITS = 6;

const normalisedCustomerNumber = (value: string) => value.replace(/\s/g, '').toUpperCase();
const normalisedLine = (line: string) => line.trim().replace(/\s+/g, ' ').toLowerCase();

/** How the typed details recognise this complainant (nothing: not the same person by these details). */
export function contactMatches(complainant: Complainant, typed: TypedContact): ContactMatch[] {
  const matches: ContactMatch[] = [];
  const email = normalisedEmail(typed.email);
  if (email !== '' && normalisedEmail(complainant.email) === email) matches.push('email');
  const phone = normalisedPhone(typed.phone);
  if (phone.length >= PHONE_DIGITS && normalisedPhone(complainant.phone) === phone) matches.push('phone');
  const customerNumber = normalisedCustomerNumber(typed.customerNumber);
  if (customerNumber !== '' && normalisedCustomerNumber(complainant.customerNumber ?? '') === customerNumber) matches.push('customerNumber');
  return matches;
}

function sameAddress(a: PostalAddress | null, b: PostalAddress): boolean {
  if (!a) return false;
  return (
    a.lines.map(normalisedLine).join('\n') === b.lines.map(normalisedLine).join('\n') &&
    normalisedPostcode(a.postcode) === normalisedPostcode(b.postcode) &&
    a.country === b.country
  );
}

/** The details the sender brings that the case holds otherwise; an empty typed field brings nothing. */
export function contactDifferences(complainant: Complainant, typed: TypedContact): ContactField[] {
  const differs = new Set<ContactField>();
  if (typed.address && !sameAddress(complainant.address, typed.address)) differs.add('address');
  if (typed.email !== '' && normalisedEmail(typed.email) !== normalisedEmail(complainant.email)) differs.add('email');
  if (typed.phone !== '' && normalisedPhone(typed.phone) !== normalisedPhone(complainant.phone)) differs.add('phone');
  if (typed.customerNumber !== '' && normalisedCustomerNumber(typed.customerNumber) !== normalisedCustomerNumber(complainant.customerNumber ?? ''))
    differs.add('customerNumber');
  return CONTACT_FIELDS.filter((field) => differs.has(field));
}

/** The complainant with the sender's differing details in place of the case's. */
function updatedComplainant(complainant: Complainant, typed: TypedContact, fields: readonly ContactField[]): Complainant {
  return {
    ...complainant,
    ...(fields.includes('address') && typed.address
      ? { address: { lines: [...typed.address.lines], postcode: typed.address.postcode, country: typed.address.country } }
      : {}),
    ...(fields.includes('email') ? { email: typed.email } : {}),
    ...(fields.includes('phone') ? { phone: typed.phone } : {}),
    ...(fields.includes('customerNumber') ? { customerNumber: typed.customerNumber } : {}),
  };
}

export class ContactUpdates {
  constructor(
    private readonly db: DomainDatabase,
    private readonly queries: CaseQueries,
    private readonly cases: CaseService,
    private readonly clock: Clock,
  ) {}

  /** The open cases (that the viewer may find) whose complainant the sender is, and whose details differ from the sender's. */
  async offers(typed: TypedContact, viewer: Viewer | null | undefined): Promise<ContactOffer[]> {
    const probes = [
      normalisedEmail(typed.email),
      normalisedCustomerNumber(typed.customerNumber),
      normalisedPhone(typed.phone).length >= PHONE_DIGITS ? normalisedPhone(typed.phone) : '',
    ].filter(Boolean);
    const candidates = new Map<string, CaseDocument>();
    for (const probe of probes) {
      for (const document of (await this.db.cases.findByIds(this.queries.textMatches(probe, CANDIDATES)).exec()).values())
        candidates.set(document.id, document.toJSON() as CaseDocument);
    }
    const offers: ContactOffer[] = [];
    for (const record of candidates.values()) {
      if (!record.open || !canFindCase(viewer, record)) continue;
      const matchedBy = contactMatches(record.complainant, typed);
      const differs = contactDifferences(record.complainant, typed);
      if (matchedBy.length > 0 && differs.length > 0)
        offers.push({ caseId: record.id, reference: record.reference, complainantName: record.complainant.name, matchedBy, differs });
    }
    return offers.sort((a, b) => a.reference.localeCompare(b.reference)).slice(0, SHOWN);
  }

  /**
   * The person confirmed: the case takes the sender's differing details. Refused, changing
   * nothing: a case the viewer may not find, a sender who is not the case's complainant by e-mail,
   * telephone or customer number, or details that differ in nothing.
   */
  async update(input: z.output<typeof updateContactInput>, viewer: Viewer | null | undefined): Promise<ContactField[]> {
    const found = await this.db.cases.findOne(input.caseId).exec();
    if (!found) throw notFound('Case', input.caseId);
    if (!canFindCase(viewer, found)) throw caseForbidden(input.caseId);
    return commitPlanned(async () => {
      let fields: ContactField[] = [];
      const planned = await this.cases.planModify(input.caseId, (document) => {
        if (contactMatches(document.complainant, input.contact).length === 0) {
          throw fieldError(
            'contact',
            `The sender is not the complainant of ${document.reference} by e-mail, telephone or customer number`,
            'not_same_complainant',
          );
        }
        fields = contactDifferences(document.complainant, input.contact);
        if (fields.length === 0) throw fieldError('contact', `The contact details of ${document.reference} are already these`, 'nothing_to_change');
        const entry: TimelineDraft = { kind: 'contact-update', at: this.clock.now().toISOString(), data: { fields, source: input.source } };
        return { next: { ...document, complainant: updatedComplainant(document.complainant, input.contact, fields) }, entries: [entry] };
      });
      return { changes: planned.changes, result: fields };
    });
  }
}
