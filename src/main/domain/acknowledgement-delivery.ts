/**
 * An acknowledgement e-mail that bounced (issue 17, P-3.2). Sending it acknowledged the case at the
 * time it went; when it comes back undelivered, the case keeps that acknowledgement (the team acted
 * then, and stage 1's 10 working days count from that day, P-4.1) and records beside it that the
 * customer has not had it: the case is flagged and its assignee told (bounce-record.ts), until an
 * acknowledgement reaches the customer another way: an acknowledgement letter posted, or another
 * acknowledgement e-mail that went. The deadline's record stays honest: met when the e-mail went,
 * with the bounce and the time an acknowledgement did reach the customer written next to it.
 */
import type { LetterEmailDispatch } from '../../shared/domain/letters';
import { acknowledgementUndelivered } from '../../shared/domain/records';
import type { CommunicationChannel } from '../../shared/domain/vocabulary';
import type { ChangeSet } from '../database/change-set';
import type { CaseDocument } from './collections';
import type { DomainServices } from './domain-services';

/** Did this e-mail make the case's acknowledgement (or the one that reached the customer after an earlier bounce)? */
function acknowledgedBy(record: CaseDocument, letterId: string, email: LetterEmailDispatch): boolean {
  const acknowledgement = record.acknowledgement;
  if (!acknowledgement) return false;
  const undelivered = acknowledgement.undelivered;
  if (!undelivered) return acknowledgement.channel === 'email' && acknowledgement.at === email.sentAt;
  // Already recorded for this letter; or a later e-mail that reached them (until this bounce said otherwise).
  return undelivered.letterId !== letterId && undelivered.reached?.channel === 'email' && undelivered.reached.at === email.sentAt;
}

/**
 * The bounce of an acknowledgement letter's e-mail, on its case: null when that e-mail is not what
 * acknowledged the customer (the case was acknowledged another way first, or it is not an
 * acknowledgement), so nothing about the acknowledgement changes.
 */
export async function planAcknowledgementBounced(
  domain: DomainServices,
  caseId: string,
  letter: { readonly id: string; readonly template: string | null },
  email: LetterEmailDispatch,
  bounce: { readonly at: string; readonly to: string; readonly reason: string },
): Promise<ChangeSet | null> {
  if (letter.template !== 'acknowledgement') return null;
  const found = await domain.db.cases.findOne(caseId).exec();
  if (!found || !acknowledgedBy(found.toMutableJSON() as CaseDocument, letter.id, email)) return null;
  const planned = await domain.cases.planModify(caseId, (current) => {
    if (!current.acknowledgement) return { next: current, entries: [] };
    const undelivered = { letterId: letter.id, to: bounce.to, reason: bounce.reason, sentAt: email.sentAt, bouncedAt: bounce.at, reached: null };
    return { next: { ...current, acknowledgement: { ...current.acknowledgement, undelivered } }, entries: [] };
  });
  return planned.changes;
}

/**
 * An acknowledgement reached the customer after the e-mail one bounced: a letter posted, or
 * another e-mail sent. Null when the case has no undelivered acknowledgement.
 */
export async function planAcknowledgementReached(domain: DomainServices, caseId: string, at: string, channel: CommunicationChannel): Promise<ChangeSet | null> {
  const found = await domain.db.cases.findOne(caseId).exec();
  if (!found || !acknowledgementUndelivered(found.toMutableJSON() as CaseDocument)) return null;
  const planned = await domain.cases.planModify(caseId, (current) => {
    const undelivered = current.acknowledgement?.undelivered;
    if (!current.acknowledgement || !undelivered || undelivered.reached) return { next: current, entries: [] };
    return { next: { ...current, acknowledgement: { ...current.acknowledgement, undelivered: { ...undelivered, reached: { at, channel } } } }, entries: [] };
  });
  return planned.changes;
}
