/**
 * The incoming-e-mail register (issue 17): the imported messages with what Plaint found in them,
 * and their triage, as the post room's letter register logs a letter (P-3.1):
 * - a new complaint creates the case with channel e-mail, its clock starting when the team's mail
 *   server received the message (P-3.2);
 * - about an existing case: an incoming communication on its timeline, at the time received;
 * - an escalation request records the request at the time received (P-4.2);
 * - not a complaint: noted with where it was sent on to.
 * Triage writes the letter the e-mail becomes (id = the record's id, so the e-mail is triaged
 * once however many devices watch the mailbox), with the attachments as its files: the case's
 * files, under the checks a scan passes. Everything is checked before anything is written.
 */
import { DomainError, fieldError, notFound } from '../../shared/domain/domain-error';
import type { IncomingMail, TriageMailInput } from '../../shared/domain/mail';
import type { CaseRecord } from '../../shared/domain/records';
import type { LetterFileRef } from '../../shared/domain/letters';
import type { Viewer } from '../../shared/identity/viewer';
import { caseAccess } from '../../shared/identity/case-access';
import { findReferences } from '../../shared/reference/find-references';
import { readWebForm, type WebFormValues } from '../../shared/domain/web-form';
import { z } from 'zod';
import { parseReference } from '../../shared/reference/reference-number';
import { officeDay } from '../../shared/sla';
import { ChangeSet, commitPlanned } from '../database/change-set';
import type { Clock } from '../domain/clock';
import type { DomainServices } from '../domain/domain-services';
import type { FileRecord, FileStore } from '../files/file-store';
import { incomingLetter, type LetterCollections, type LetterDocument } from '../post-room/letters-collection';
import { MAILBOX_OWNER } from './mailbox-owner';
import { readMessage, type ReadMessage } from './read-message';

interface Imported {
  readonly record: FileRecord;
  readonly message: ReadMessage;
}

export class MailRegister {
  /** Messages read from their stored bytes, by record id: they never change (written once). */
  private readonly read = new Map<string, ReadMessage>();

  constructor(
    private readonly domain: DomainServices,
    private readonly letters: LetterCollections,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  private async imported(record: FileRecord): Promise<Imported | null> {
    const cached = this.read.get(record.id);
    if (cached) return { record, message: cached };
    const stored = await this.files.get(record.id);
    // Still arriving from another device: listed once its last part is here.
    if (stored.state !== 'ready') return null;
    const reading = await readMessage(stored.data);
    if (!reading.ok) return null;
    this.read.set(record.id, reading.message);
    return { record, message: reading.message };
  }

  private async caseByReference(reference: string): Promise<CaseRecord | null> {
    const found = await this.domain.db.cases.findOne({ selector: { reference } }).exec();
    return found ? (found.toJSON() as CaseRecord) : null;
  }

  /** The first reference in the subject, then the body, whose check character holds and whose case the reader may find. */
  private async match(message: ReadMessage, viewer: Viewer | null | undefined): Promise<IncomingMail['match']> {
    for (const reference of findReferences(`${message.subject}\n${message.text}`)) {
      const found = await this.caseByReference(reference);
      if (found && caseAccess(viewer, found) !== 'none') return { reference, caseId: found.id };
    }
    return null;
  }

  private async row(imported: Imported, letter: LetterDocument | undefined, viewer: Viewer | null | undefined): Promise<IncomingMail> {
    const { record, message } = imported;
    const attachments = (await this.files.listFor(record.id)).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    return {
      id: record.id,
      messageId: message.messageId,
      from: message.from,
      subject: message.subject,
      receivedAt: record.createdAt,
      text: message.text,
      attachments: attachments.map((file) => ({ id: file.id, name: file.name, mimeType: file.mimeType, size: file.size })),
      match: await this.match(message, viewer),
      form: readWebForm(message.text, (await this.domain.settings.values()).webFormMapping),
      triage: letter && letter.kind ? { kind: letter.kind, caseId: letter.caseId, caseReference: letter.caseReference, routedTo: letter.routedTo } : null,
    };
  }

  async list(include: 'untriaged' | 'all', viewer: Viewer | null | undefined): Promise<IncomingMail[]> {
    const records = await this.files.listFor(MAILBOX_OWNER);
    const letters = await this.letters.letters.findByIds(records.map((record) => record.id)).exec();
    const rows: IncomingMail[] = [];
    for (const record of records) {
      const letter = letters.get(record.id)?.toJSON() as LetterDocument | undefined;
      if (letter && include === 'untriaged') continue;
      // P-7.1: a message triaged onto a case the reader may not find is not listed to them.
      if (letter?.caseId) {
        const found = await this.domain.db.cases.findOne(letter.caseId).exec();
        if (!found || caseAccess(viewer, found.toJSON() as CaseRecord) === 'none') continue;
      }
      const imported = await this.imported(record);
      if (imported) rows.push(await this.row(imported, letter, viewer));
    }
    return rows.sort((a, b) => a.receivedAt.localeCompare(b.receivedAt) || a.id.localeCompare(b.id));
  }

  private async target(input: TriageMailInput, viewer: Viewer | null | undefined): Promise<CaseRecord | null> {
    if (input.kind !== 'correspondence' && input.kind !== 'escalation-request') return null;
    const parsed = parseReference(input.reference);
    if (!parsed.ok)
      throw fieldError(
        'reference',
        'This reference is not valid: its check character does not match',
        parsed.problem === 'check-failed' ? 'reference_check' : 'reference_character',
        { character: parsed.character ?? '' },
      );
    const found = await this.caseByReference(parsed.reference);
    if (!found) throw fieldError('reference', `No case has the reference ${parsed.reference}`, 'not_found');
    if (caseAccess(viewer, found) === 'none')
      throw new DomainError('FORBIDDEN', `You may not add mail to case ${found.reference} (need-to-know, P-7.1).`, [
        { path: 'reference', code: 'case_not_visible', message: 'Not visible' },
      ]);
    return found;
  }

  async triage(input: TriageMailInput, viewer: Viewer | null | undefined): Promise<IncomingMail> {
    const record = (await this.files.listFor(MAILBOX_OWNER)).find((candidate) => candidate.id === input.mailId);
    if (!record) throw notFound('E-mail', input.mailId, 'mailId');
    if (await this.letters.letters.findOne(record.id).exec())
      throw fieldError('mailId', 'This e-mail has been triaged already (here or on another device)', 'mail_already_triaged');
    const imported = await this.imported(record);
    if (!imported)
      throw new DomainError('UNAVAILABLE', 'This e-mail is still arriving from another device', [
        { path: 'mailId', code: 'file_arriving', message: 'Still arriving' },
      ]);
    const { message } = imported;
    const target = await this.target(input, viewer);
    const now = this.clock.now();
    // P-3.2: the server's receipt time, never later than now (a server clock a little ahead of this one).
    const receivedAt = new Date(Math.min(Date.parse(record.createdAt), now.getTime())).toISOString();
    const calendar = await this.domain.settings.calendar();
    const summary = (input.summary || message.subject || '(no subject)').slice(0, 300);
    const actor = await this.domain.identity.actor();
    const attachments: LetterFileRef[] = (await this.files.listFor(record.id)).map((file) => ({
      id: file.id,
      name: file.name,
      mimeType: file.mimeType,
      size: file.size,
    }));
    const letterId = record.id;
    // Issue 17: the administrators' mapping of form labels to complaint fields (P-3.1).
    const form = readWebForm(message.text, (await this.domain.settings.values()).webFormMapping);
    await commitPlanned(async () => {
      const changes = new ChangeSet();
      let caseId = target?.id ?? null;
      let caseReference = target?.reference ?? null;
      if (input.kind === 'new-complaint') {
        const created = await this.domain.cases.planCreate(
          {
            complainant: complainantOf(message, form, input.complainantName),
            // P-3.1: a website form submission came through the website, whoever mailed it on.
            channel: form ? 'web-form' : 'email',
            receivedAt,
            type: input.type,
            product: '',
            summary,
            description: (form?.message ?? message.text).slice(0, 20_000),
            desiredOutcome: '',
            assigneeId: null,
            departments: [],
            relatedCaseIds: [],
          },
          { letterId },
        );
        changes.include(created.changes);
        caseId = created.result.caseId;
        caseReference = created.result.reference;
      } else if (input.kind === 'correspondence' && target) {
        const at = new Date(Math.max(Date.parse(receivedAt), Date.parse(target.receivedAt))).toISOString();
        changes.include(await this.domain.cases.planCommunication({ caseId: target.id, at, direction: 'in', channel: 'email', summary }, { letterId }));
      } else if (input.kind === 'escalation-request' && target) {
        const allowed = (await this.domain.queries.get(target.id)).availableActions.includes('recordEscalationRequest');
        if (!allowed)
          throw fieldError(
            'kind',
            `Case ${target.reference} cannot be escalated now (${target.status}); triage the e-mail as about the case instead`,
            'invalid_transition',
          );
        changes.include(
          (
            await this.domain.cases.planAct({
              caseId: target.id,
              action: { type: 'recordEscalationRequest', at: receivedAt, channel: 'email', reason: summary },
            })
          ).changes,
        );
      }
      const letter = incomingLetter({
        id: letterId,
        caseId,
        caseReference,
        receivedOn: officeDay(calendar, new Date(receivedAt)),
        letterDate: null,
        party: { name: message.from.name || message.from.address, addressLines: [message.from.address], postcode: '', country: 'GB' },
        referenceQuoted: target?.reference ?? '',
        kind: input.kind,
        routedTo: input.routedTo,
        note: input.note,
        summary,
        files: attachments,
        // Marks the letters that came by e-mail (the post room logs post with its own batches).
        batchId: 'email',
        loggedAt: now.toISOString(),
        loggedBy: actor,
      });
      changes.insert(this.letters.letters, letter);
      return { changes, result: null };
    });
    const letter = (await this.letters.letters.findOne(letterId).exec())?.toJSON() as LetterDocument | undefined;
    return this.row(imported, letter, viewer);
  }
}

const anEmail = z.email();
const phoneCharacters = /^[+\d\s()./-]*$/;

/**
 * The complainant of a new complaint by e-mail: the person in a website form when there is one
 * (the form's sender is the website), else the sender; what the form says is used only where it
 * keeps the rules a typed complainant keeps (a valid e-mail, a phone of digits).
 */
function complainantOf(message: ReadMessage, form: WebFormValues | null, typedName: string) {
  const email = form?.email && anEmail.safeParse(form.email).success ? form.email.toLowerCase() : message.from.address;
  const phone = form?.phone && phoneCharacters.test(form.phone) ? form.phone.slice(0, 40) : '';
  return {
    kind: 'customer' as const,
    name: (typedName || form?.name || message.from.name || message.from.address).slice(0, 200),
    email,
    phone,
    address: null,
    preferredChannel: 'email' as const,
    customerNumber: (form?.customerNumber ?? '').slice(0, 60),
    orderNumber: (form?.orderNumber ?? '').slice(0, 60),
  };
}
