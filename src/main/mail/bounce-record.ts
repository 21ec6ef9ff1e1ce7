/**
 * A bounce on its case (issue 17): a delivery failure report that returns an e-mail Plaint sent
 * is matched to its letter by the e-mail's stable Message-ID (`<plaint-<letter id>@…>`, looked up
 * on the letter, which syncs) and recorded in one transaction:
 * - the letter's e-mail is marked "not delivered" with the reason, so the outgoing post offers
 *   the letter for posting instead;
 * - the case's timeline says "e-mail not delivered", marked as arrived, so the case's assignee is
 *   told (in-app) and sees the case as unread;
 * - when that e-mail was the case's acknowledgement, the case records that the acknowledgement did
 *   not reach the customer and is flagged until one does (acknowledgement-delivery.ts, P-3.2);
 * - the report is kept as the incoming e-mail it is (id = its record id, like a triaged e-mail),
 *   about that case: it is never listed for triage, so never becomes a new complaint, and it is
 *   moved to the processed folder like any triaged message.
 * A report about an e-mail Plaint did not send (or not yet recorded as sent here) is not matched.
 */
import type { LetterPosting } from '../../shared/domain/letters';
import type { CaseRecord } from '../../shared/domain/records';
import { officeDay } from '../../shared/sla';
import { ChangeSet, isWriteConflict } from '../database/change-set';
import type { Clock } from '../domain/clock';
import { planAcknowledgementBounced } from '../domain/acknowledgement-delivery';
import type { DomainServices } from '../domain/domain-services';
import type { FileStore } from '../files/file-store';
import { incomingLetter, type LetterCollections, type LetterDocument } from '../post-room/letters-collection';
import { plaintLetterId, type Bounce } from './bounce';
import { MAILBOX_OWNER, MESSAGE_MIME_TYPE } from './mailbox-owner';

export type BounceOutcome = 'recorded' | 'known' | 'unmatched';

export class BounceRecorder {
  constructor(
    private readonly domain: DomainServices,
    private readonly letters: LetterCollections,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  /** The e-mailed letter the report returns: its Message-ID is one the report quotes. */
  private async returnedLetter(bounce: Bounce): Promise<LetterDocument | null> {
    for (const messageId of bounce.originalMessageIds) {
      const letterId = plaintLetterId(messageId);
      if (!letterId) continue;
      const letter = (await this.letters.letters.findOne(letterId).exec())?.toJSON() as LetterDocument | undefined;
      if (letter && letter.direction === 'out' && letter.caseId && letter.posting?.email?.messageId === messageId) return letter;
    }
    return null;
  }

  async record(recordId: string, raw: Buffer, bounce: Bounce, receivedAt: Date): Promise<BounceOutcome> {
    const letter = await this.returnedLetter(bounce);
    const email = letter?.posting?.email;
    if (!letter?.caseId || !letter.posting || !email) return 'unmatched';
    const found = await this.domain.db.cases.findOne(letter.caseId).exec();
    if (!found) return 'unmatched';
    const record = found.toJSON() as CaseRecord;
    const now = this.clock.now();
    // When the team's server received the report: not before the e-mail went, not after now.
    const at = new Date(Math.min(Math.max(receivedAt.getTime(), Date.parse(email.sentAt)), now.getTime())).toISOString();
    const to = bounce.recipient || email.to;
    const summary = `E-mail not delivered to ${to}: ${bounce.reason}`.slice(0, 300);
    const actor = await this.domain.identity.actor();
    const calendar = await this.domain.settings.calendar();
    const changes = new ChangeSet();
    if (!(await this.files.existing([recordId])).has(recordId)) {
      this.files.plan(changes, {
        id: recordId,
        ownerId: MAILBOX_OWNER,
        name: 'message.eml',
        mimeType: MESSAGE_MIME_TYPE,
        data: raw,
        createdAt: receivedAt.toISOString(),
      });
    }
    if (!email.bounce) {
      const original = await this.letters.letters.findOne(letter.id).exec();
      const posting: LetterPosting = {
        ...letter.posting,
        loggedAt: now.toISOString(),
        loggedBy: actor,
        email: { ...email, bounce: { at, reason: bounce.reason } },
      };
      if (original) changes.update(this.letters.letters, original, { ...(original.toMutableJSON() as LetterDocument), posting });
    }
    if (!email.bounce) {
      // P-3.2: an acknowledgement that never reached the customer is flagged on its case.
      const acknowledgement = await planAcknowledgementBounced(this.domain, record.id, letter, email, { at, to, reason: bounce.reason });
      if (acknowledgement) changes.include(acknowledgement);
    }
    changes.include(
      await this.domain.cases.planCommunication(
        { caseId: record.id, at, direction: 'in', channel: 'email', summary },
        // Arrived: the assignee is told and sees the case unread; never a decision on a closed case.
        {
          letterId: recordId,
          generated: { key: 'emailNotDelivered', params: { template: letter.template ?? '', to, reason: bounce.reason } },
          arrived: { closedCase: false },
        },
      ),
    );
    changes.insert(
      this.letters.letters,
      incomingLetter({
        id: recordId,
        caseId: record.id,
        caseReference: record.reference,
        receivedOn: officeDay(calendar, new Date(at)),
        letterDate: null,
        party: { name: bounce.from.name, addressLines: bounce.from.address ? [bounce.from.address] : [], postcode: '', country: 'GB' },
        referenceQuoted: record.reference,
        kind: 'correspondence',
        routedTo: '',
        note: '',
        summary,
        files: [],
        batchId: 'email',
        loggedAt: now.toISOString(),
        loggedBy: actor,
      }),
    );
    try {
      await changes.commit();
      return 'recorded';
    } catch (error) {
      // Another device recorded the same report in the meantime (its record arrived by sync).
      if (isWriteConflict(error)) return 'known';
      throw error;
    }
  }
}
