/**
 * The post room (P-3.1, P-3.2, P-4.4, P-6.1): logging incoming letters (a new complaint, a letter
 * on an existing case, an escalation request, or not a complaint), generating outgoing letters
 * from templates, logging their posting, and the day book.
 */
import type { z } from 'zod';
import { format } from 'date-fns';
import { DEFAULT_LETTER_TEMPLATES, mergeTemplate } from '../../shared/domain/letter-templates';
import { awaitsPosting, FINAL_RESPONSE_TEMPLATES } from '../../shared/domain/letters';
import type {
  dayBookInput,
  DayBookRow,
  draftLetterInput,
  finaliseLetterInput,
  IncomingKind,
  LetterFileRef,
  LetterLanguage,
  LetterRecord,
  LetterTemplateId,
  listLettersInput,
  logIncomingLetterInput,
  logPostingInput,
  logPostingsInput,
  PromisedDates,
} from '../../shared/domain/letters';
import { isAcknowledgementKind, type CaseRecord, type TimelineEntry } from '../../shared/domain/records';
import type { createCaseInput } from '../../shared/domain/inputs';
import { parseReference } from '../../shared/reference/reference-number';
import { officeDay, officeInstant, receiptInstant, type WorkingCalendar } from '../../shared/sla';
import { newId, type Clock } from '../domain/clock';
import { planAcknowledgementReached } from '../domain/acknowledgement-delivery';
import type { DomainServices } from '../domain/domain-services';
import { DomainError, fieldError, notFound } from '../../shared/domain/domain-error';
import { refuseFutureDay } from '../../shared/domain/recorded-times';
import { checkedUploads } from '../files/uploads';
import { safeFileName } from '../files/file-names';
import type { FileStore } from '../files/file-store';
import type { FileContents } from '../files/file-contents';
import { incomingLetter, type LetterCollections, type LetterDocument } from './letters-collection';
import { dayBookCsv } from './day-book-csv';
import { assertLetterDatesHold, correctDraftDates, letterAction, letterDay, promisedDates } from './letter-promises';
import { letterPdf, tablePdf } from './pdf-writer';
import { ChangeSet, commitPlanned } from '../database/change-set';
import type { Viewer } from '../../shared/identity/viewer';
import { caseAccess, isClerk, worksCases } from '../../shared/identity/case-access';

const UNDO_WINDOW_MS = 30 * 60_000;

export class PostRoomService {
  constructor(
    private readonly domain: DomainServices,
    private readonly collections: LetterCollections,
    private readonly files: FileStore,
    private readonly clock: Clock,
    private readonly contents: Pick<FileContents, 'open'>,
  ) {
    domain.cases.checkUnpostedLettersWith((caseId) => this.unpostedFinalResponses(caseId));
  }

  /** The case's final-response letters finalised but not posted (issue 18: closing asks to confirm). */
  private async unpostedFinalResponses(caseId: string): Promise<LetterTemplateId[]> {
    const letters = await this.collections.letters.find({ selector: { caseId, direction: 'out', voided: false } }).exec();
    return letters.flatMap((letter) =>
      letter.template && FINAL_RESPONSE_TEMPLATES.includes(letter.template) && awaitsPosting(letter) ? [letter.template] : [],
    );
  }

  /** The case a quoted reference points to: validated by its check character, then looked up. */
  private async caseByReference(quoted: string): Promise<CaseRecord> {
    const parsed = parseReference(quoted);
    if (!parsed.ok) {
      const reasons = {
        empty: ['reference_empty', 'Give the case reference'],
        'invalid-character': ['reference_character', `References never contain '${parsed.character ?? ''}'`],
        'too-short': ['reference_too_short', 'This reference is too short'],
        'too-long': ['reference_too_long', 'This reference is too long'],
        'check-failed': ['reference_check', 'This reference is not valid: its check character does not match'],
      } as const;
      const [code, message] = reasons[parsed.problem];
      throw fieldError('referenceQuoted', message, code, { character: parsed.character ?? '' });
    }
    const found = await this.domain.db.cases.findOne({ selector: { reference: parsed.reference } }).exec();
    if (!found) throw fieldError('referenceQuoted', `No case has the reference ${parsed.reference}`, 'not_found');
    return found.toJSON() as CaseRecord;
  }

  /**
   * Logs one incoming letter. Everything is checked before anything is written, so bad input
   * (an impossible date, a malformed reference, an unreadable scan) saves nothing.
   */
  async logIncoming(input: z.output<typeof logIncomingLetterInput>, viewer: Viewer | null | undefined): Promise<LetterRecord> {
    const now = this.clock.now();
    const calendar = await this.domain.settings.calendar();
    const today = officeDay(calendar, now);
    refuseFutureDay('receivedOn', input.receivedOn, today);
    if (input.letterDate) refuseFutureDay('letterDate', input.letterDate, today);
    const scans = checkedUploads(input.scans, 'scans', 'scan');
    const target = input.kind === 'correspondence' || input.kind === 'escalation-request' ? await this.caseByReference(input.referenceQuoted) : null;
    // P-7.1: post is added only to a case its logger may at least find (a clerk's projection).
    if (target && caseAccess(viewer, target) === 'none')
      throw letterForbidden('referenceQuoted', `You may not add post to case ${target.reference} (need-to-know, P-7.1).`);
    if (input.kind === 'escalation-request' && target) {
      const allowed = (await this.domain.queries.get(target.id)).availableActions.includes('recordEscalationRequest');
      if (!allowed)
        throw fieldError(
          'kind',
          `Case ${target.reference} cannot be escalated now (${target.status}); log the letter as correspondence instead`,
          'invalid_transition',
        );
    }
    const { slaPolicy } = await this.domain.settings.values();
    // P-3.2: the clock starts at office opening on the day received (or now, for today's early post).
    const opened = receiptInstant(calendar, input.receivedOn, slaPolicy.officeOpensAt, now);
    const receivedAt = target ? letterTimeOnCase(calendar, input.receivedOn, opened, target, input.kind) : opened.toISOString();
    const actor = await this.domain.identity.actor();
    // The letter, its scans and what it does to a case are one operation: all stored, or none.
    return commitPlanned(async () => {
      const letterId = newId();
      const changes = new ChangeSet();
      let caseId = target?.id ?? null;
      let caseReference = target?.reference ?? null;
      if (input.kind === 'new-complaint') {
        const created = await this.domain.cases.planCreate(newComplaintFromLetter(input, receivedAt), { letterId });
        changes.include(created.changes);
        caseId = created.result.caseId;
        caseReference = created.result.reference;
      } else if (input.kind === 'correspondence' && target) {
        // Issue 18: new correspondence marks the case unread for its assignee, who is told; on a closed case it waits for a decision.
        changes.include(
          await this.domain.correspondence.planArrival({ caseId: target.id, at: receivedAt, channel: 'letter', summary: input.summary }, { letterId }),
        );
      } else if (input.kind === 'escalation-request' && target) {
        const escalation = await this.domain.cases.planAct({
          caseId: target.id,
          action: { type: 'recordEscalationRequest', at: receivedAt, channel: 'letter', reason: input.summary },
        });
        changes.include(escalation.changes);
      }
      const stored: LetterFileRef[] = scans.map((scan) => {
        const record = this.files.plan(changes, {
          id: newId(),
          ownerId: letterId,
          name: scan.name,
          mimeType: scan.mimeType,
          data: scan.data,
          createdAt: now.toISOString(),
        });
        return { id: record.id, name: record.name, mimeType: record.mimeType, size: record.size };
      });
      const letter = incomingLetter({
        id: letterId,
        caseId,
        caseReference,
        receivedOn: input.receivedOn,
        letterDate: input.letterDate,
        party: input.sender,
        referenceQuoted: input.referenceQuoted,
        kind: input.kind,
        routedTo: input.routedTo,
        note: input.note,
        summary: input.summary,
        files: stored,
        batchId: input.batchId,
        loggedAt: now.toISOString(),
        loggedBy: actor,
      });
      changes.insert(this.collections.letters, letter);
      return { changes, result: toRecord(letter) };
    });
  }

  /**
   * Undo for the last entry of a batch: voids the letter, and removes the case it created if
   * nothing else has happened to that case since.
   */
  async undo(letterId: string, viewer: Viewer | null | undefined): Promise<LetterRecord> {
    return commitPlanned(async () => {
      const letter = await this.collections.letters.findOne(letterId).exec();
      if (!letter || letter.voided) throw notFound('Letter', letterId, 'letterId');
      await this.assertLetterOfVisibleCase(letter.toJSON() as LetterDocument, viewer);
      if (this.clock.now().getTime() - Date.parse(letter.loggedAt) > UNDO_WINDOW_MS)
        throw fieldError('letterId', 'Only a letter logged in the last 30 minutes can be undone', 'too_late');
      const changes = new ChangeSet();
      if (letter.kind === 'new-complaint' && letter.caseId) {
        const created = await this.domain.db.cases.findOne(letter.caseId).exec();
        const entries = await this.domain.db.timeline.find({ selector: { caseId: letter.caseId } }).exec();
        // Only the entries the letter itself made, and deadlines the system moved: a note or more post is work to keep.
        const madeByLetterOrSystem = (entry: TimelineEntry) =>
          (entry.kind === 'transition' && entry.data.action === 'create') ||
          entry.kind === 'deadlines-moved' ||
          (entry.kind === 'communication' && entry.data.letterId === letter.id);
        const workedOn = entries.some((entry) => !madeByLetterOrSystem(entry.toJSON() as TimelineEntry));
        if (created && (workedOn || created.updatedAt !== created.createdAt || created.status !== 'received')) {
          throw fieldError('letterId', `Case ${created.reference} has been worked on since; change it there instead`, 'case_changed');
        }
        for (const entry of entries) changes.remove<TimelineEntry>(this.domain.db.timeline, entry);
        if (created) changes.remove(this.domain.db.cases, created);
      }
      // A voided letter keeps no scans: they hold personal data and nothing refers to them any more.
      await this.files.planRemovalOf(changes, letter.id);
      const voided: LetterDocument = { ...(letter.toMutableJSON() as LetterDocument), voided: true, files: [] };
      changes.update(this.collections.letters, letter, voided);
      return { changes, result: toRecord(voided) };
    });
  }

  /**
   * P-7.1: a letter that belongs to a case is shown only to people who may at least find that
   * case (the post-room projection); one with no case to anyone who works cases or the post.
   */
  private async visibleLetters(letters: readonly LetterDocument[], viewer: Viewer | null | undefined): Promise<LetterDocument[]> {
    if (!worksCases(viewer) && !isClerk(viewer)) return [];
    const caseIds = [...new Set(letters.flatMap((letter) => (letter.caseId ? [letter.caseId] : [])))];
    const cases = await this.domain.db.cases.findByIds(caseIds).exec();
    return letters.filter((letter) => {
      if (!letter.caseId) return true;
      const found = cases.get(letter.caseId);
      return !!found && caseAccess(viewer, found) !== 'none';
    });
  }

  async list(input: z.output<typeof listLettersInput>, viewer: Viewer | null | undefined): Promise<LetterRecord[]> {
    // P-7.1: asking for one case's letters is refused outright for a case the reader may not find.
    if (input.caseId) await this.domain.queries.assertCanFind(input.caseId, viewer);
    const stored = (
      await this.collections.letters
        .find({ selector: { voided: false, ...(input.caseId ? { caseId: input.caseId } : {}) }, sort: [{ loggedAt: 'desc' }] })
        .exec()
    ).map((letter) => letter.toJSON() as LetterDocument);
    const letters = await this.visibleLetters(stored, viewer);
    return letters
      .filter((letter) => !input.awaitingPosting || awaitsPosting(letter))
      .filter((letter) => {
        const date = letter.direction === 'in' ? letter.receivedOn : letter.postedOn || letter.finalisedAt?.slice(0, 10);
        return (!input.from || (date ?? '') >= input.from) && (!input.to || (date ?? '') <= input.to);
      })
      .map(toRecord);
  }

  private async templateText(template: LetterTemplateId, language: LetterLanguage): Promise<string> {
    const stored = (await this.domain.db.settings.findOne('letterTemplates').exec())?.toJSON().value.data as Record<string, Record<string, string>> | undefined;
    return stored?.[template]?.[language] ?? DEFAULT_LETTER_TEMPLATES[template][language];
  }

  async saveTemplate(template: LetterTemplateId, language: LetterLanguage, text: string): Promise<void> {
    const actor = await this.domain.identity.actor();
    const current =
      ((await this.domain.db.settings.findOne('letterTemplates').exec())?.toJSON().value.data as Record<string, Record<string, string>> | undefined) ?? {};
    await this.domain.db.settings.upsert({
      id: 'letterTemplates',
      value: { data: { ...current, [template]: { ...current[template], [language]: text } } },
      updatedAt: this.clock.now().toISOString(),
      updatedBy: actor,
    });
  }

  async templates(): Promise<Record<LetterTemplateId, Record<LetterLanguage, string>>> {
    const result = {} as Record<LetterTemplateId, Record<LetterLanguage, string>>;
    for (const template of Object.keys(DEFAULT_LETTER_TEMPLATES) as LetterTemplateId[]) {
      result[template] = { 'en-GB': await this.templateText(template, 'en-GB'), lv: await this.templateText(template, 'lv') };
    }
    return result;
  }

  /** The template filled from the case and the organisation, for the clerk to edit before finalising. */
  async draft(input: z.output<typeof draftLetterInput>, viewer: Viewer | null | undefined): Promise<{ text: string; dates: PromisedDates }> {
    // P-7.1: a letter carries the case's details, so its writer must be able to open the case.
    await this.domain.queries.assertCanOpen(input.caseId, viewer);
    const detail = await this.domain.queries.get(input.caseId);
    const record = detail.case;
    const { organisation, slaPolicy } = await this.domain.settings.values();
    const calendar = await this.domain.settings.calendar();
    const actor = await this.domain.identity.actor();
    const date = (iso: string | null | undefined) => (iso ? letterDay(calendar, officeDay(calendar, new Date(iso)), input.language) : '');
    const extension = record.extensions.at(-1);
    const resolution = record.stage2Resolution ?? record.resolution;
    // Issue 18 §2: the dates as the workflow will hold them once the letter's action is recorded,
    // if it went now (an acknowledgement letter starts stage 1's 10 working days, P-4.1, P-4.3).
    const dates = promisedDates(record, letterAction(input.template, detail.availableActions), this.clock.now(), calendar, slaPolicy);
    const day = (value: string | undefined) => (value ? letterDay(calendar, value, input.language) : '');
    const values: Record<string, string> = {
      date: date(this.clock.now().toISOString()),
      reference: record.reference,
      'complainant.name': record.complainant.name,
      'complainant.address': [...(record.complainant.address?.lines ?? []), record.complainant.address?.postcode ?? ''].filter(Boolean).join(', '),
      'organisation.name': organisation.name,
      'organisation.address': [organisation.name, ...organisation.addressLines, organisation.postcode].filter(Boolean).join(', '),
      receivedOn: date(record.receivedAt),
      'deadline.resolution': day(dates['deadline.resolution']),
      'extension.newDueAt': day(dates['extension.newDueAt']),
      'extension.reason': extension?.reason ?? '',
      'resolution.summary': resolution?.summary ?? '',
      'resolution.outcome': resolution?.outcome ?? '',
      // P-6.1, issue 18: in the letter's own language.
      independentAdvice: organisation.independentAdvice[input.language],
      'sender.name': actor.name,
    };
    return { text: mergeTemplate(await this.templateText(input.template, input.language), values), dates };
  }

  /** Renders the final text to PDF, saves it with the case, and records it as an outgoing communication. Immutable from here. */
  async finalise(input: z.output<typeof finaliseLetterInput>, viewer: Viewer | null | undefined): Promise<LetterRecord> {
    // P-7.1: a letter carries the case's details, so its writer must be able to open the case.
    await this.domain.queries.assertCanOpen(input.caseId, viewer);
    const detail = await this.domain.queries.get(input.caseId);
    const record = detail.case;
    const { organisation, slaPolicy } = await this.domain.settings.values();
    const now = this.clock.now();
    const actor = await this.domain.identity.actor();
    const calendar = await this.domain.settings.calendar();
    // Issue 18 §2: a date the draft promised that no longer holds (the draft was made on an earlier
    // day, or the case moved on) is re-rendered now, before the PDF exists: nothing is printed or
    // signed yet, so the team keeps its edits and the letter states the date the workflow will hold.
    const expected = promisedDates(record, letterAction(input.template, detail.availableActions), now, calendar, slaPolicy);
    const { text } = correctDraftDates(input.text, input.draftedDates ?? {}, expected, calendar, input.language);
    const letterId = newId();
    const recipient = {
      name: record.complainant.name,
      addressLines: record.complainant.address?.lines ?? [],
      postcode: record.complainant.address?.postcode ?? '',
    };
    const pdf = await letterPdf({
      organisation: { name: organisation.name, addressLines: organisation.addressLines, postcode: organisation.postcode },
      recipient,
      date: format(now, input.language === 'lv' ? 'dd.MM.yyyy' : 'd MMMM yyyy'),
      reference: record.reference,
      body: text,
      referenceLabel: input.language === 'lv' ? 'Lietas numurs' : 'Reference',
    });
    // The PDF, the letter and its timeline entry are stored together or not at all.
    const changes = new ChangeSet();
    const file = this.files.plan(changes, {
      id: newId(),
      ownerId: letterId,
      name: `${record.reference}-${input.template}.pdf`,
      mimeType: 'application/pdf',
      data: pdf,
      createdAt: now.toISOString(),
    });
    const letter: LetterDocument = {
      id: letterId,
      direction: 'out',
      caseId: record.id,
      caseReference: record.reference,
      receivedOn: null,
      letterDate: officeDay(calendar, now),
      party: {
        name: recipient.name,
        addressLines: [...recipient.addressLines],
        postcode: recipient.postcode,
        country: record.complainant.address?.country ?? 'GB',
      },
      referenceQuoted: record.reference,
      kind: null,
      routedTo: '',
      note: '',
      summary:
        text
          .split('\n')
          .find((line) => line.trim() !== '' && !line.startsWith('Dear') && !line.startsWith('Cien.'))
          ?.slice(0, 200) ?? input.template,
      files: [{ id: file.id, name: file.name, mimeType: file.mimeType, size: file.size }],
      template: input.template,
      language: input.language,
      text,
      finalisedAt: now.toISOString(),
      posting: null,
      postedOn: '',
      batchId: '',
      loggedAt: now.toISOString(),
      loggedBy: actor,
      voided: false,
    };
    changes.insert(this.collections.letters, letter);
    changes.include(
      await this.domain.cases.planCommunication(
        { caseId: record.id, at: now.toISOString(), direction: 'out', channel: 'letter', summary: `Letter (${input.template}) ${file.name}` },
        { letterId, generated: { key: 'letterGenerated', params: { template: input.template, file: file.name } } },
      ),
    );
    await changes.commit();
    return toRecord(letter);
  }

  async logPosting(input: z.output<typeof logPostingInput>, viewer: Viewer | null | undefined): Promise<LetterRecord> {
    // The posting and the acknowledgement it makes (P-3.2) are stored together.
    return commitPlanned(() => this.planPosting(input, viewer));
  }

  /**
   * Issue 18: the letters of a batch print marked posted in one write, all or nothing. Each is
   * checked as a single posting is (and makes the acknowledgement or extension notice its posting
   * makes, P-3.2, P-4.4); a letter refused refuses the batch, naming it (letterIds.N), and nothing
   * is written. Two letters of one case are posted one at a time, as each may move the case on.
   */
  async logPostings(input: z.output<typeof logPostingsInput>, viewer: Viewer | null | undefined): Promise<LetterRecord[]> {
    const letters = await this.collections.letters.findByIds([...input.letterIds]).exec();
    const cases = new Map<string, number>();
    input.letterIds.forEach((letterId, index) => {
      const caseId = letters.get(letterId)?.caseId;
      if (!caseId) return;
      if (cases.has(caseId))
        throw fieldError(
          `letterIds.${index}`,
          `Letter ${letterId} is for the same case as letter ${input.letterIds[cases.get(caseId) ?? 0]}: post them one at a time`,
          'case_twice_in_batch',
        );
      cases.set(caseId, index);
    });
    return commitPlanned(async () => {
      const changes = new ChangeSet();
      const posted: LetterRecord[] = [];
      for (const [index, letterId] of input.letterIds.entries()) {
        const planned = await this.planPosting({ letterId, postedOn: input.postedOn, postClass: input.postClass, trackingNumber: '' }, viewer).catch(
          (error: unknown) => {
            throw error instanceof DomainError
              ? new DomainError(
                  error.kind,
                  error.message,
                  error.issues.map((found) => (found.path === 'letterId' ? { ...found, path: `letterIds.${index}` } : found)),
                )
              : error;
          },
        );
        changes.include(planned.changes);
        posted.push(planned.result);
      }
      return { changes, result: posted };
    });
  }

  private async planPosting(input: z.output<typeof logPostingInput>, viewer: Viewer | null | undefined): Promise<{ changes: ChangeSet; result: LetterRecord }> {
    const letter = await this.collections.letters.findOne(input.letterId).exec();
    if (!letter || letter.voided) throw notFound('Letter', input.letterId, 'letterId');
    await this.assertLetterOfVisibleCase(letter.toJSON() as LetterDocument, viewer);
    if (letter.direction !== 'out' || !letter.finalisedAt) throw fieldError('letterId', 'Only a finalised outgoing letter is posted', 'not_outgoing');
    // Issue 17: a letter whose e-mail came back undelivered is posted instead.
    if (letter.posting?.email && !letter.posting.email.bounce)
      throw fieldError('letterId', `Already sent by e-mail to ${letter.posting.email.to} at ${letter.posting.email.sentAt}`, 'already_emailed');
    if (letter.posting && !letter.posting.email) throw fieldError('letterId', `Already logged as posted on ${letter.posting.postedOn}`, 'already_posted');
    const calendar = await this.domain.settings.calendar();
    const today = officeDay(calendar, this.clock.now());
    refuseFutureDay('postedOn', input.postedOn, today);
    if (input.postedOn < letter.finalisedAt.slice(0, 10)) throw fieldError('postedOn', 'Cannot be before the letter was finalised', 'before_finalised');
    const posting = {
      postedOn: input.postedOn,
      postClass: input.postClass,
      trackingNumber: input.trackingNumber,
      loggedAt: this.clock.now().toISOString(),
      loggedBy: await this.domain.identity.actor(),
    };
    const posted: LetterDocument = { ...(letter.toMutableJSON() as LetterDocument), posting, postedOn: input.postedOn };
    const changes = new ChangeSet().update(this.collections.letters, letter, posted);
    const postedAt = input.postedOn === today ? this.clock.now() : officeInstant(calendar, input.postedOn, '12:00');
    // Issue 18 §2: refused, before anything is written, if the letter promises a date posting it will not hold.
    await assertLetterDatesHold(this.domain, letter.toJSON() as LetterDocument, new Date(Math.max(postedAt.getTime(), Date.parse(letter.finalisedAt))));
    const workflow =
      (await this.planAcknowledgementByPost(posted, postedAt)) ??
      (await this.planAcknowledgementReachedByPost(posted, postedAt)) ??
      (await this.planExtensionNoticeByPost(posted, postedAt));
    if (workflow) changes.include(workflow);
    return { changes, result: toRecord(posted) };
  }

  /**
   * P-3.2 and P-4.3: posting an acknowledgement letter is the acknowledgement, so the case moves on
   * and its acknowledgement deadline is met at the posting time, unless it was acknowledged some
   * other way already (a phone call, an e-mail), which stays the record.
   */
  private async planAcknowledgementByPost(letter: LetterDocument, postedAt: Date): Promise<ChangeSet | null> {
    const action = letter.template === 'acknowledgement' ? 'acknowledge' : letter.template === 'escalation-acknowledgement' ? 'acknowledgeEscalation' : null;
    if (!action || !letter.caseId) return null;
    const { availableActions } = await this.domain.queries.get(letter.caseId);
    if (!availableActions.includes(action)) return null;
    const at = new Date(Math.max(postedAt.getTime(), Date.parse(letter.finalisedAt ?? letter.loggedAt))).toISOString();
    return (await this.domain.cases.planAct({ caseId: letter.caseId, action: { type: action, at, channel: 'letter' } })).changes;
  }

  /** Issue 17, P-3.2, P-4.3: an acknowledgement letter posted after its e-mail bounced reaches the customer. */
  private async planAcknowledgementReachedByPost(letter: LetterDocument, postedAt: Date): Promise<ChangeSet | null> {
    if (!isAcknowledgementKind(letter.template) || !letter.caseId) return null;
    return planAcknowledgementReached(this.domain, letter.caseId, letter.template, postedAt.toISOString(), 'letter');
  }

  /**
   * P-4.4 (issue 18): posting an extension-notice letter is telling the customer, so it records the
   * customer notice of the latest extension not yet told, at the posting time.
   */
  private async planExtensionNoticeByPost(letter: LetterDocument, postedAt: Date): Promise<ChangeSet | null> {
    if (letter.template !== 'extension-notice' || !letter.caseId) return null;
    const detail = await this.domain.queries.get(letter.caseId);
    const extension = detail.case.extensions.findLast((candidate) => candidate.customerNotice === null);
    if (!extension || !detail.availableActions.includes('recordExtensionNotice')) return null;
    const at = new Date(Math.max(postedAt.getTime(), Date.parse(extension.grantedAt), Date.parse(letter.finalisedAt ?? letter.loggedAt))).toISOString();
    return (
      await this.domain.cases.planAct({ caseId: letter.caseId, action: { type: 'recordExtensionNotice', at, extensionId: extension.id, channel: 'letter' } })
    ).changes;
  }

  async file(fileId: string, viewer: Viewer | null | undefined): Promise<{ name: string; mimeType: string; dataBase64: string }> {
    const record = await this.files.record(fileId);
    if (!record) throw notFound('File', fileId, 'fileId');
    // P-7.1 before anything is read or fetched.
    await this.assertLetterVisible(record.ownerId, viewer, fileId);
    const found = await this.contents.open(fileId);
    if (found.state === 'on-server') {
      // Issue 19: never "not found": the content is on the team server and is queued for fetching.
      const message = 'This file is on the team server; it opens when you are online.';
      throw new DomainError('UNAVAILABLE', message, [{ path: 'fileId', code: 'file_on_server', message }]);
    }
    if (found.state === 'not-on-server') {
      const message = 'This file has not reached the team server yet from the device that logged it; it opens once it has.';
      throw new DomainError('UNAVAILABLE', message, [{ path: 'fileId', code: 'file_not_yet_on_server', message }]);
    }
    if (found.state === 'refused') {
      const message = "The team server's copy of this file does not match its checksum: it was refused and not stored.";
      throw new DomainError('UNAVAILABLE', message, [{ path: 'fileId', code: 'file_refused', message }]);
    }
    if (found.state === 'damaged') {
      const message = 'This file is damaged: its content does not match the checksum stored with it.';
      throw new DomainError('UNAVAILABLE', message, [{ path: 'fileId', code: 'file_damaged', message }]);
    }
    if (found.state !== 'ready') throw notFound('File', fileId, 'fileId');
    // Names also arrive by sync from other devices and older versions: clean them for the download too.
    return { name: safeFileName(found.record.name, found.record.mimeType, 'file'), mimeType: found.record.mimeType, dataBase64: found.data.toString('base64') };
  }

  /** The case a stored file belongs to (through its letter, or its own: issue 18's attachments), for the access log (P-7.2). */
  async caseOfFile(fileId: string): Promise<{ id: string; reference: string } | null> {
    const record = await this.files.record(fileId);
    if (!record) return null;
    const letter = await this.collections.letters.findOne(record.ownerId).exec();
    if (letter) return letter.caseId && letter.caseReference ? { id: letter.caseId, reference: letter.caseReference } : null;
    const owner = await this.domain.db.cases.findOne(record.ownerId).exec();
    return owner ? { id: owner.id, reference: owner.reference } : null;
  }

  /** P-7.1: a letter is undone or posted only by someone who may see it (and so its case). */
  private async assertLetterOfVisibleCase(letter: LetterDocument, viewer: Viewer | null | undefined): Promise<void> {
    const visible = await this.visibleLetters([letter], viewer);
    if (visible.length === 0) throw letterForbidden('letterId', `You may not change letter ${letter.id} (need-to-know, P-7.1).`);
  }

  /**
   * P-7.1: a file of a letter is opened only by someone who may see that letter; a case file
   * (issue 18: attached to a complaint, note or communication) only by someone who may open its case.
   */
  private async assertLetterVisible(letterId: string, viewer: Viewer | null | undefined, fileId: string): Promise<void> {
    const letter = await this.collections.letters.findOne(letterId).exec();
    const owningCase = letter ? null : await this.domain.db.cases.findOne(letterId).exec();
    if (owningCase) {
      if (caseAccess(viewer, owningCase) !== 'full') throw letterForbidden('fileId', `You may not open file ${fileId} (need-to-know, P-7.1).`);
      return;
    }
    const visible = letter ? await this.visibleLetters([letter.toJSON() as LetterDocument], viewer) : [];
    if (visible.length === 0) throw letterForbidden('fileId', `You may not open file ${fileId} (need-to-know, P-7.1).`);
  }

  /** The post received and sent in a date range, as a printable PDF or a CSV file. */
  async dayBook(
    input: z.output<typeof dayBookInput>,
    viewer: Viewer | null | undefined,
  ): Promise<{ name: string; mimeType: string; dataBase64: string; rows: DayBookRow[] }> {
    // Oldest logged first, so each day reads in the order the post was opened and sent.
    // P-7.1: only the post of cases the reader may find.
    const letters = (await this.list({ from: input.from, to: input.to }, viewer)).reverse();
    const rows: DayBookRow[] = letters
      .filter((letter) => letter.direction === 'in' || letter.posting)
      .map((letter) => ({
        direction: letter.direction,
        date: (letter.direction === 'in' ? letter.receivedOn : letter.posting?.postedOn) ?? '',
        party: letter.party.name,
        caseReference: letter.caseReference ?? '',
        kind: letter.direction === 'in' ? (letter.kind ?? '') : (letter.template ?? ''),
        summary: letter.kind === 'not-a-complaint' ? `${letter.summary} → ${letter.routedTo}` : letter.summary,
        postClass: letter.posting?.postClass ?? '',
        trackingNumber: letter.posting?.trackingNumber ?? '',
        scans: letter.direction === 'in' ? letter.files.length : 0,
      }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.direction.localeCompare(b.direction));
    const header = ['Direction', 'Date', 'Sender or recipient', 'Case', 'Kind', 'Summary', 'Post class', 'Tracking number', 'Scans'];
    const cells = rows.map((row) => [
      row.direction === 'in' ? 'In' : 'Out',
      row.date,
      row.party,
      row.caseReference,
      row.kind,
      row.summary,
      row.postClass,
      row.trackingNumber,
      String(row.scans),
    ]);
    const range = input.from === input.to ? input.from : `${input.from}_to_${input.to}`;
    if (input.format === 'csv') {
      return { name: `day-book-${range}.csv`, mimeType: 'text/csv', dataBase64: dayBookCsv(header, cells).toString('base64'), rows };
    }
    const pdf = await tablePdf(`Day book ${input.from === input.to ? input.from : `${input.from} – ${input.to}`}`, header, cells);
    return { name: `day-book-${range}.pdf`, mimeType: 'application/pdf', dataBase64: pdf.toString('base64'), rows };
  }
}

/**
 * The case a letter that is a new complaint opens (P-3.1): the sender is the complainant, with the
 * e-mail, telephone and customer number the letter gave (issue 18). A posted letter is answered by
 * post when it has an address, else by e-mail or telephone as given.
 */
function newComplaintFromLetter(input: z.output<typeof logIncomingLetterInput>, receivedAt: string): Omit<z.output<typeof createCaseInput>, 'attachments'> {
  const { sender } = input;
  const hasAddress = sender.addressLines.length > 0;
  return {
    complainant: {
      kind: 'customer',
      name: sender.name,
      email: sender.email,
      phone: sender.phone,
      address: hasAddress ? { lines: sender.addressLines, postcode: sender.postcode, country: sender.country } : null,
      preferredChannel: hasAddress ? 'letter' : sender.email !== '' ? 'email' : 'telephone',
      customerNumber: sender.customerNumber,
      orderNumber: '',
    },
    channel: 'letter',
    receivedAt,
    type: input.type,
    product: '',
    summary: input.summary,
    description: input.note,
    desiredOutcome: '',
    assigneeId: null,
    departments: [],
    relatedCaseIds: [],
  };
}

/**
 * When a letter about an existing case arrived, as far as the post room knows: office opening on
 * the day received (P-3.2), but never before what it answers. It cannot precede the case itself,
 * nor an escalation request the stage-1 resolution it disputes (P-4.2), so on the day of that
 * event the letter is placed at the event's time. A letter received on an earlier day is a
 * mistyped date, refused at the field.
 */
function letterTimeOnCase(calendar: WorkingCalendar, receivedOn: string, opened: Date, target: CaseRecord, kind: IncomingKind): string {
  const resolution = kind === 'escalation-request' ? target.resolution : null;
  const earliest = resolution?.at ?? target.receivedAt;
  const earliestDay = officeDay(calendar, new Date(earliest));
  if (receivedOn < earliestDay) {
    const what = resolution
      ? `Case ${target.reference}'s stage-1 resolution was sent on ${earliestDay}`
      : `Case ${target.reference} was received on ${earliestDay}`;
    throw fieldError('receivedOn', `${what}; a letter about it cannot have arrived before then`, 'before_case');
  }
  return new Date(Math.max(opened.getTime(), Date.parse(earliest))).toISOString();
}

function toRecord(letter: LetterDocument & { _meta?: unknown; _rev?: unknown; _attachments?: unknown; _deleted?: unknown }): LetterRecord {
  const { postedOn: _postedOn, _meta, _rev, _attachments, _deleted, ...record } = letter;
  return record;
}

/** P-7.1: a refusal by need-to-know, at the input field that named the case. */
function letterForbidden(path: string, message: string): DomainError {
  return new DomainError('FORBIDDEN', message, [{ path, code: 'case_not_visible', message }]);
}
