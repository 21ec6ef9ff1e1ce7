/**
 * An acknowledgement e-mail that bounced (issue 17): stage 1's acknowledgement (P-3.2) or the
 * escalation's (P-4.3), one mechanism for both. Sending it acknowledged the case at the time it
 * went; when it comes back undelivered, the case keeps that acknowledgement (the team acted then,
 * and the 10 working days count from that day, P-4.1, P-4.2) and records beside it that the
 * customer has not had it: the case is flagged and its assignee told (bounce-record.ts), until an
 * acknowledgement reaches the customer another way: the letter posted, another e-mail that went.
 * The deadline's record stays honest: met when the e-mail went, with the bounce and the time an
 * acknowledgement did reach the customer written next to it.
 */
import type { LetterEmailDispatch } from '../../shared/domain/letters';
import {
  acknowledgementBounce,
  acknowledgementUndelivered,
  isAcknowledgementKind,
  type AcknowledgementKind,
  type AcknowledgementUndelivered,
} from '../../shared/domain/records';
import type { CommunicationChannel } from '../../shared/domain/vocabulary';
import type { z } from 'zod';
import type { acknowledgementByTelephoneInput } from '../../shared/domain/inputs';
import { fieldError } from '../../shared/domain/domain-error';
import { commitPlanned, type ChangeSet } from '../database/change-set';
import type { CaseDocument } from './collections';
import type { DomainServices } from './domain-services';

/** When and how the acknowledgement of this kind was given, if it was. */
function given(record: CaseDocument, kind: AcknowledgementKind): { readonly at: string; readonly channel: CommunicationChannel } | null {
  if (kind === 'acknowledgement') return record.acknowledgement;
  const escalation = record.escalation;
  return escalation?.acknowledgedAt && escalation.acknowledgedChannel ? { at: escalation.acknowledgedAt, channel: escalation.acknowledgedChannel } : null;
}

/** The case with this acknowledgement's bounce record replaced (unchanged when it was never given). */
function withBounce(record: CaseDocument, kind: AcknowledgementKind, undelivered: AcknowledgementUndelivered): CaseDocument {
  if (kind === 'acknowledgement') return record.acknowledgement ? { ...record, acknowledgement: { ...record.acknowledgement, undelivered } } : record;
  return record.escalation ? { ...record, escalation: { ...record.escalation, undelivered } } : record;
}

/** Did this e-mail make the acknowledgement (or the one that reached the customer after an earlier bounce)? */
function acknowledgedBy(record: CaseDocument, kind: AcknowledgementKind, letterId: string, email: LetterEmailDispatch): boolean {
  const acknowledgement = given(record, kind);
  if (!acknowledgement) return false;
  const undelivered = acknowledgementBounce(record, kind);
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
  const kind = letter.template;
  if (!isAcknowledgementKind(kind)) return null;
  const found = await domain.db.cases.findOne(caseId).exec();
  if (!found || !acknowledgedBy(found.toMutableJSON() as CaseDocument, kind, letter.id, email)) return null;
  const undelivered = { letterId: letter.id, to: bounce.to, reason: bounce.reason, sentAt: email.sentAt, bouncedAt: bounce.at, reached: null };
  const planned = await domain.cases.planModify(caseId, (current) => ({ next: withBounce(current, kind, undelivered), entries: [] }));
  return planned.changes;
}

/**
 * An acknowledgement of this kind reached the customer after the e-mail one bounced: a letter
 * posted, or another e-mail sent. Null when the case has no such undelivered acknowledgement.
 */
export async function planAcknowledgementReached(
  domain: DomainServices,
  caseId: string,
  kind: AcknowledgementKind,
  at: string,
  channel: CommunicationChannel,
): Promise<ChangeSet | null> {
  const found = await domain.db.cases.findOne(caseId).exec();
  const flagged = found ? acknowledgementBounce(found.toMutableJSON() as CaseDocument, kind) : null;
  if (!flagged || flagged.reached) return null;
  const planned = await domain.cases.planModify(caseId, (current) => {
    const undelivered = acknowledgementBounce(current, kind);
    if (!undelivered || undelivered.reached) return { next: current, entries: [] };
    return { next: withBounce(current, kind, { ...undelivered, reached: { at, channel } }), entries: [] };
  });
  return planned.changes;
}

/**
 * The customer was told by telephone after the acknowledgement e-mail bounced (issue 17, P-3.2,
 * P-4.3): the flag clears (`reached`, telephone, at that time) and the timeline records the call,
 * who made it and the note, in one write. Refused when the case is not flagged, or the time is
 * in the future; nothing changes then.
 */
export async function recordAcknowledgementByTelephone(domain: DomainServices, input: z.output<typeof acknowledgementByTelephoneInput>): Promise<void> {
  if (Date.parse(input.at) > domain.clock.now().getTime()) throw fieldError('at', 'The call cannot be in the future', 'future_time');
  await commitPlanned(async () => {
    const found = await domain.db.cases.findOne(input.caseId).exec();
    const flagged = found ? acknowledgementUndelivered(found.toMutableJSON() as CaseDocument) : null;
    if (!flagged) throw fieldError('caseId', 'The case has no acknowledgement e-mail that came back undelivered', 'acknowledgement_not_undelivered');
    const label = flagged.kind === 'acknowledgement' ? 'Acknowledgement' : 'Escalation acknowledgement';
    return domain.cases.planModify(input.caseId, (current) => {
      const undelivered = acknowledgementBounce(current, flagged.kind);
      if (!undelivered || undelivered.reached)
        throw fieldError('caseId', 'The case has no acknowledgement e-mail that came back undelivered', 'acknowledgement_not_undelivered');
      const summary = `${label} given by telephone by ${input.by}: ${input.note}`;
      return {
        next: withBounce(current, flagged.kind, { ...undelivered, reached: { at: input.at, channel: 'telephone' } }),
        entries: [{ kind: 'communication', at: input.at, data: { direction: 'out', channel: 'telephone', summary } }],
      };
    });
  });
}
