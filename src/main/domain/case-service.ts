/**
 * The case commands: create a case from any channel, edit its details, assign it, perform
 * workflow actions, and add notes and communications. Every change is validated here (not in the
 * UI), stamped with the acting staff member, audited field by field, and its deadlines
 * recomputed by the SLA engine.
 */
import type { z } from 'zod';
import type { assignCasesInput } from '../../shared/domain/case-list-inputs';
import type {
  addCommunicationInput,
  addNoteInput,
  assignCaseInput,
  createCaseInput,
  restrictCaseInput,
  updateCaseDetailsInput,
} from '../../shared/domain/inputs';
import type { Viewer } from '../../shared/identity/viewer';
import { canOpenCase, canRestrictCase } from '../../shared/identity/case-access';
import { caseForbidden } from './case-visibility';
import type { CaseFileRef, GeneratedMessage, StaffRef, TimelineEntry } from '../../shared/domain/records';
import { receiptInstant } from '../../shared/sla';
import { UNPOSTED_LETTER_DETAIL, type LetterTemplateId } from '../../shared/domain/letters';
import { auditChanges } from './audit';
import { withDerivedFields } from './case-derivation';
import { stampChangedGroups } from './case-field-groups';
import { receivedCaseState } from './received-case';
import { FUTURE_TOLERANCE_MS, newId, type Clock } from './clock';
import type { CaseDocument, DomainDatabase } from './collections';
import type { DeviceIdentity } from './device-identity';
import { DomainError, fieldError, notFound } from '../../shared/domain/domain-error';
import { refuseFutureTime } from '../../shared/domain/recorded-times';
import { applyCaseAction, type actOnCaseInput, type TimelineDraft } from '../../shared/domain/workflow';
import { deadlinesMovedEntry } from './deadline-moves';
import { refuseUnusableRootCause } from './root-cause-taxonomy';
import type { DeadlineSettingsChange, SettingsService } from './settings-service';
import { ChangeSet, commitPlanned } from '../database/change-set';

type StoredFields = '_meta' | '_rev' | '_deleted' | '_attachments';

/** The domain's inputs carry no file contents: files are checked and stored a layer up (issue 18, post-room/case-attachments.ts), which passes their references. */
type NewCase = Omit<z.output<typeof createCaseInput>, 'attachments'>;
type NewNote = Omit<z.output<typeof addNoteInput>, 'attachments'>;
type NewCommunication = Omit<z.output<typeof addCommunicationInput>, 'attachments'>;

/** An operation's writes and what it returns, ready to commit alone or with a larger operation's. */
export interface PlannedChange<R> {
  readonly changes: ChangeSet;
  readonly result: R;
}

/** Templates of a case's final-response letters that are finalised but neither posted nor voided. */
export type UnpostedLetterCheck = (caseId: string) => Promise<LetterTemplateId[]>;

export class CaseService {
  constructor(
    private readonly db: DomainDatabase,
    private readonly settings: SettingsService,
    private readonly identity: DeviceIdentity,
    private readonly clock: Clock,
  ) {}

  private entries(caseId: string, drafts: readonly TimelineDraft[], actor: StaffRef, recordedAt: string): TimelineEntry[] {
    return drafts.map((draft, order) => ({ ...draft, id: newId(), caseId, recordedAt, order, by: actor }) as TimelineEntry);
  }

  private notInFuture(path: string, at: string): void {
    refuseFutureTime(path, at, this.clock.now(), FUTURE_TOLERANCE_MS);
  }

  private async activeStaff(path: string, staffId: string): Promise<StaffRef> {
    const member = await this.db.staff.findOne(staffId).exec();
    if (!member) throw fieldError(path, 'No staff member with this id', 'not_found');
    if (!member.active) throw fieldError(path, `${member.name} is no longer active`, 'inactive');
    return { id: member.id, name: member.name };
  }

  /** An extension's approver (issue 18, P-4.4): an active account of the team holding the manager role. */
  private async approvingManager(staffId: string): Promise<StaffRef> {
    const member = await this.db.staff.findOne(staffId).exec();
    if (!member || !member.active || !member.roles.includes('manager'))
      throw fieldError('action.approverId', 'Choose an active manager of the team as the approver', 'approver_not_manager');
    return { id: member.id, name: member.name };
  }

  private async usableType(path: string, typeId: string, allowRetired: string | null = null): Promise<void> {
    const type = (await this.settings.values()).complaintTypes.find((candidate) => candidate.id === typeId);
    if (!type) throw fieldError(path, 'Not one of the complaint types in settings', 'unknown_type');
    if (type.retired && type.id !== allowRetired) throw fieldError(path, 'This complaint type is retired', 'retired_type');
  }

  private async existingCases(path: string, ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = await this.db.cases.findByIds([...ids]).exec();
    const missing = ids.find((id) => !found.has(id));
    if (missing) throw fieldError(path, `Case ${missing} does not exist`, 'not_found');
  }

  /** Any channel (P-3.1). The SLA clock starts at receipt (P-3.2). The case and its first timeline entries are written together. */
  async create(input: NewCase, link: { letterId?: string } = {}): Promise<{ caseId: string; reference: string }> {
    const { changes, result } = await this.planCreate(input, link);
    await changes.commit();
    return result;
  }

  async planCreate(
    input: NewCase,
    link: { letterId?: string; files?: readonly CaseFileRef[] } = {},
  ): Promise<PlannedChange<{ caseId: string; reference: string }>> {
    const actor = await this.identity.actor();
    const now = this.clock.now();
    const { slaPolicy } = await this.settings.values();
    const calendar = await this.settings.calendar();
    // P-3.2: a day alone starts the clock at office opening, or now for today's early post.
    const receivedAt = input.receivedAt
      ? new Date(input.receivedAt).toISOString()
      : receiptInstant(calendar, input.receivedOn ?? '', slaPolicy.officeOpensAt, now).toISOString();
    this.notInFuture(input.receivedAt ? 'receivedAt' : 'receivedOn', receivedAt);
    await this.usableType('type', input.type);
    const assignee = input.assigneeId ? await this.activeStaff('assigneeId', input.assigneeId) : null;
    await this.existingCases('relatedCaseIds', input.relatedCaseIds);

    const id = newId();
    const reference = await this.identity.allocateReference();
    const stamp = now.toISOString();
    const record = withDerivedFields(
      {
        id,
        reference,
        complainant: input.complainant,
        channel: input.channel,
        receivedAt,
        loggedAt: stamp,
        loggedBy: actor,
        type: input.type,
        product: input.product,
        summary: input.summary,
        description: input.description,
        desiredOutcome: input.desiredOutcome,
        ...receivedCaseState(receivedAt),
        assignee,
        departments: input.departments,
        restricted: false,
        restrictedTo: [],
        relatedCaseIds: input.relatedCaseIds,
        createdAt: stamp,
        updatedAt: stamp,
        updatedBy: actor,
        fieldVersions: {},
      },
      calendar,
      slaPolicy,
    );
    const drafts: TimelineDraft[] = [
      {
        kind: 'communication',
        at: receivedAt,
        data: {
          direction: 'in',
          channel: input.channel,
          summary: input.summary,
          ...(link.letterId ? { letterId: link.letterId } : {}),
          ...(link.files?.length ? { files: link.files } : {}),
        },
      } as TimelineDraft,
      {
        kind: 'transition',
        at: receivedAt,
        data: { action: 'create', from: null, to: 'received', fromStage: 1, toStage: 1, details: `Logged by ${actor.name}` },
      } as unknown as TimelineDraft,
    ];
    const changes = new ChangeSet().insert(this.db.cases, record).insert(this.db.timeline, ...this.entries(id, drafts, actor, stamp));
    return { changes, result: { caseId: id, reference } };
  }

  /**
   * Changes one case: `change` gets the latest stored state and returns the new state and its
   * timeline entries (async checks happen before). Derived fields are recomputed and every
   * changed field is audited. The case, its timeline entries and its audit entries are written
   * together; if `change` throws, nothing is written, not even a new revision. If the case
   * changed underneath (another window, a sync), the change is planned again on the newer state.
   */
  private modify(
    caseId: string,
    change: (current: CaseDocument, actor: StaffRef) => { next: CaseDocument; entries: readonly TimelineDraft[] },
  ): Promise<CaseDocument> {
    return commitPlanned(() => this.planModify(caseId, change));
  }

  async planModify(
    caseId: string,
    change: (current: CaseDocument, actor: StaffRef) => { next: CaseDocument; entries: readonly TimelineDraft[] },
  ): Promise<PlannedChange<CaseDocument>> {
    const actor = await this.identity.actor();
    const document = await this.db.cases.findOne(caseId).exec();
    if (!document) throw notFound('Case', caseId);
    const { slaPolicy } = await this.settings.values();
    const calendar = await this.settings.calendar();
    const stamp = this.clock.now().toISOString();
    const { _meta, _rev, _deleted, _attachments, ...current } = document.toMutableJSON(true) as CaseDocument & Record<StoredFields, unknown>;
    const result = change(current as CaseDocument, actor);
    const next = stampChangedGroups(current as CaseDocument, withDerivedFields({ ...result.next, updatedAt: stamp, updatedBy: actor }, calendar, slaPolicy), {
      at: stamp,
      by: actor,
    });
    const audit = auditChanges(current as CaseDocument, next).map((fieldChange) => ({ kind: 'audit', at: stamp, data: fieldChange }) as TimelineDraft);
    const changes = new ChangeSet()
      .update(this.db.cases, document, next)
      .insert(this.db.timeline, ...this.entries(caseId, [...result.entries, ...audit], actor, stamp));
    return { changes, result: next };
  }

  async updateDetails(input: z.output<typeof updateCaseDetailsInput>): Promise<CaseDocument> {
    const { changes } = input;
    const current = await this.db.cases.findOne(input.caseId).exec();
    if (!current) throw notFound('Case', input.caseId);
    if (changes.type !== undefined) await this.usableType('changes.type', changes.type, current.type);
    if (changes.receivedAt !== undefined) {
      this.notInFuture('changes.receivedAt', changes.receivedAt);
      if (current.acknowledgement && Date.parse(changes.receivedAt) > Date.parse(current.acknowledgement.at))
        throw fieldError('changes.receivedAt', 'Cannot be after the acknowledgement', 'after_acknowledgement');
    }
    if (changes.relatedCaseIds) {
      if (changes.relatedCaseIds.includes(input.caseId)) throw fieldError('changes.relatedCaseIds', 'A case cannot be related to itself', 'related_to_itself');
      await this.existingCases('changes.relatedCaseIds', changes.relatedCaseIds);
    }
    return this.modify(input.caseId, (document) => {
      const receivedAt = changes.receivedAt ? new Date(changes.receivedAt).toISOString() : document.receivedAt;
      const next: CaseDocument = { ...document, ...changes, receivedAt, clock: { ...document.clock, receivedAt } } as CaseDocument;
      return { next, entries: [] };
    });
  }

  /**
   * P-7.1: a manager who can open the case narrows it to named people (always including
   * themself, so someone can lift it), or lifts the restriction. The change is audited on the
   * timeline; a refusal changes nothing.
   */
  async restrict(input: z.output<typeof restrictCaseInput>, viewer: Viewer | null | undefined): Promise<CaseDocument> {
    const current = await this.db.cases.findOne(input.caseId).exec();
    if (!current) throw notFound('Case', input.caseId);
    if (!canOpenCase(viewer, current)) throw caseForbidden(input.caseId);
    if (!viewer || !canRestrictCase(viewer, current)) {
      const message = 'Only a manager may restrict a case or lift its restriction (P-7.1).';
      throw new DomainError('FORBIDDEN', message, [{ path: '', code: 'managers_only', message }]);
    }
    const named = input.restrictedTo;
    // The restricting manager is always named, so someone can lift it.
    const people = new Map<string, StaffRef>([[viewer.accountId, { id: viewer.accountId, name: viewer.name }]]);
    if (named === null) {
      if (!current.restricted) throw fieldError('restrictedTo', 'The case is not restricted', 'nothing_to_change');
    } else {
      for (const [index, staffId] of named.entries()) if (!people.has(staffId)) people.set(staffId, await this.activeStaff(`restrictedTo.${index}`, staffId));
      if (current.restricted && [...people.keys()].sort().join() === [...current.restrictedTo].sort().join())
        throw fieldError('restrictedTo', 'The case is already restricted to these people', 'nothing_to_change');
    }
    const restrictedTo = named === null ? [] : [...people.keys()].sort();
    // P-7.1: the timeline says who restricted it, to whom, and why (the audit entries keep the fields).
    const entry: TimelineDraft = {
      kind: 'restriction',
      at: this.clock.now().toISOString(),
      data: { restricted: named !== null, people: named === null ? [] : [...people.values()], reason: input.reason },
    };
    return this.modify(input.caseId, (document) => ({ next: { ...document, restricted: named !== null, restrictedTo }, entries: [entry] }));
  }

  async assign(input: z.output<typeof assignCaseInput>): Promise<CaseDocument> {
    const assignee = input.assigneeId ? await this.activeStaff('assigneeId', input.assigneeId) : null;
    return this.modify(input.caseId, (document) => ({ next: { ...document, assignee }, entries: [] }));
  }

  /**
   * Issue 18: "Assign to…" on many cases of the list, all or nothing in one write. Each case gets
   * the timeline entry a single assignment makes. A case that does not exist, or that the viewer
   * may not open (P-7.1), refuses the whole operation, naming it, and nothing is written.
   */
  async assignMany(input: z.output<typeof assignCasesInput>, viewer: Viewer | null | undefined): Promise<number> {
    const assignee = input.assigneeId ? await this.activeStaff('assigneeId', input.assigneeId) : null;
    const found = await this.db.cases.findByIds([...input.caseIds]).exec();
    input.caseIds.forEach((caseId, index) => {
      const document = found.get(caseId);
      if (!document) throw fieldError(`caseIds.${index}`, `Case ${caseId} does not exist`, 'not_found');
      if (!canOpenCase(viewer, document))
        throw fieldError(`caseIds.${index}`, `Case ${document.reference} cannot be assigned: you may not open it (P-7.1)`, 'case_not_assignable');
    });
    return commitPlanned(async () => {
      const changes = new ChangeSet();
      for (const caseId of input.caseIds)
        changes.include((await this.planModify(caseId, (document) => ({ next: { ...document, assignee }, entries: [] }))).changes);
      return { changes, result: input.caseIds.length };
    });
  }

  async act(input: z.output<typeof actOnCaseInput>): Promise<CaseDocument> {
    return commitPlanned(() => this.planAct(input));
  }

  /** The post room tells which final-response letters of a case are finalised but not posted. */
  checkUnpostedLettersWith(check: UnpostedLetterCheck): void {
    this.unpostedLetters = check;
  }

  private unpostedLetters: UnpostedLetterCheck = () => Promise.resolve([]);

  /** A workflow action, planned (it commits with a larger operation, e.g. logging the letter that asks for it). */
  async planAct(input: z.output<typeof actOnCaseInput>): Promise<PlannedChange<CaseDocument>> {
    const closingUnposted = input.action.type === 'close' ? await this.confirmedUnpostedLetter(input.caseId, input.action.closeWithoutPosting) : null;
    const approver = input.action.type === 'extendDeadline' ? await this.approvingManager(input.action.approverId) : undefined;
    const { rootCauses } = await this.settings.values();
    return this.planModify(input.caseId, (document, actor) => {
      const outcome = applyCaseAction(document, input.action, {
        actor,
        now: this.clock.now(),
        newId,
        futureToleranceMs: FUTURE_TOLERANCE_MS,
        ...(approver ? { approver } : {}),
      });
      // P-5.3: a resolution's root cause is a cause of the taxonomy in use (or the one the case keeps).
      if ((input.action.type === 'communicateResolution' || input.action.type === 'communicateStage2Outcome') && input.action.rootCauseId !== undefined) {
        refuseUnusableRootCause(rootCauses, 'action.rootCauseId', input.action.rootCauseId, document.rootCauseId);
      }
      if (!closingUnposted) return outcome;
      // The timeline says the case was closed knowingly with its letter unposted (issue 18).
      const entries = outcome.entries.map((entry) =>
        entry.kind === 'transition' ? { ...entry, data: { ...entry.data, details: `${UNPOSTED_LETTER_DETAIL}${closingUnposted}` } } : entry,
      );
      return { ...outcome, entries };
    });
  }

  /**
   * Closing while the resolution or final-response letter is still "not posted" needs an explicit
   * confirmation (issue 18): the customer may never get it. Returns the unposted letter's template.
   */
  private async confirmedUnpostedLetter(caseId: string, confirmed: boolean): Promise<LetterTemplateId | null> {
    const [template] = await this.unpostedLetters(caseId);
    if (template === undefined) return null;
    if (!confirmed)
      throw fieldError(
        'action.closeWithoutPosting',
        `The ${template} letter is not posted yet: confirm to close the case without posting it`,
        'unposted_final_letter',
        { template },
      );
    return template;
  }

  /** Timeline entries for a case, planned (the case itself is unchanged). */
  async planAppend(caseId: string, drafts: TimelineDraft[]): Promise<ChangeSet> {
    const actor = await this.identity.actor();
    const document = await this.db.cases.findOne(caseId).exec();
    if (!document) throw notFound('Case', caseId);
    for (const draft of drafts) {
      this.notInFuture('at', draft.at);
      if (Date.parse(draft.at) < Date.parse(document.receivedAt)) throw fieldError('at', 'Cannot be before the complaint was received', 'before_receipt');
    }
    // One write: the change feed announces the case from the entry itself; the case is unchanged.
    return new ChangeSet().insert(this.db.timeline, ...this.entries(caseId, drafts, actor, this.clock.now().toISOString()));
  }

  async addNote(input: NewNote): Promise<void> {
    await (await this.planNote(input)).commit();
  }

  /** `files`: case files stored with the note (issue 18). */
  planNote(input: NewNote, files: readonly CaseFileRef[] = []): Promise<ChangeSet> {
    return this.planAppend(input.caseId, [
      { kind: 'note', at: input.at ?? this.clock.now().toISOString(), data: { text: input.text, ...(files.length ? { files } : {}) } },
    ]);
  }

  async addCommunication(input: NewCommunication, link: { letterId?: string } = {}): Promise<void> {
    await (await this.planCommunication(input, link)).commit();
  }

  /** `generated`: text the timeline shows in the reader's language, `summary` being its English fallback. */
  planCommunication(
    input: NewCommunication,
    link: {
      letterId?: string;
      generated?: { key: GeneratedMessage; params: Record<string, string> };
      arrived?: { closedCase: boolean };
      files?: readonly CaseFileRef[];
    } = {},
  ): Promise<ChangeSet> {
    return this.planAppend(input.caseId, [
      {
        kind: 'communication',
        at: input.at,
        data: {
          direction: input.direction,
          channel: input.channel,
          summary: input.summary,
          ...(link.letterId ? { letterId: link.letterId } : {}),
          ...(link.generated ? { generated: link.generated } : {}),
          ...(link.arrived ? { arrived: link.arrived } : {}),
          ...(link.files?.length ? { files: link.files } : {}),
        },
      } as TimelineDraft,
    ]);
  }

  /**
   * After the SLA policy or calendar changes, every open case's deadlines follow the new rules.
   * A page is written in one transaction against the revisions it was computed from, so an edit
   * made meanwhile is never overwritten: the page is read and computed again. Given the change
   * that caused it, each case whose due dates moved gets a timeline entry saying why, written
   * with the case (deadline-moves.ts: the same entry on every device, written once).
   */
  async recomputeOpenCases(change?: DeadlineSettingsChange): Promise<number> {
    const { slaPolicy } = await this.settings.values();
    const calendar = await this.settings.calendar();
    let updated = 0;
    for (let page = 0; ; page += 1) {
      const count = await commitPlanned(async () => {
        const documents = await this.db.cases.find({ selector: { open: true }, sort: [{ id: 'asc' }], skip: page * 500, limit: 500 }).exec();
        const planned = documents.flatMap((document) => {
          const { _meta, _rev, _deleted, _attachments, ...current } = document.toMutableJSON(true) as CaseDocument & Record<StoredFields, unknown>;
          const next = withDerivedFields(current as CaseDocument, calendar, slaPolicy);
          if (JSON.stringify(next.deadlines) === JSON.stringify(current.deadlines)) return [];
          return [{ document, next, entry: change ? deadlinesMovedEntry(current as CaseDocument, next, change) : null }];
        });
        const entries = planned.flatMap((plan) => (plan.entry ? [plan.entry] : []));
        // Another device may have recorded this very move already (it synced before this case did).
        const recorded = entries.length > 0 ? await this.db.timeline.findByIds(entries.map((entry) => entry.id)).exec() : new Map();
        const changes = new ChangeSet();
        for (const { document, next, entry } of planned) {
          changes.update(this.db.cases, document, next);
          if (entry && !recorded.has(entry.id)) changes.insert(this.db.timeline, entry);
        }
        return { changes, result: documents.length === 0 ? null : planned.length };
      });
      if (count === null) return updated;
      updated += count;
    }
  }
}
