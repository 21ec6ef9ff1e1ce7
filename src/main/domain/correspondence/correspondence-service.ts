/**
 * New correspondence on an existing case (issue 18). `planArrival` is the one hook every channel
 * calls for "about an existing case": the post room's register now, the e-mail import later. It
 * records the communication marked as arrived, so that on every device (the timeline syncs):
 * - the case is unread for its assignee until they open it (per person, case-last-seen.ts);
 * - the notifier tells the assignee (and, for an unassigned closed case, the managers);
 * - on a closed case it waits for a decision by the assignee or a manager: reopen, escalate or
 *   "no action", each with a reason, recorded on the timeline.
 */
import type { MangoQuerySelector } from 'rxdb';
import type { z } from 'zod';
import type { AwaitingDecision, CaseCorrespondence, decideCorrespondenceInput } from '@shared/domain/correspondence';
import type { CommunicationChannel } from '@shared/domain/vocabulary';
import { acknowledgementBounce, isAcknowledgementKind, type TimelineEntry } from '@shared/domain/records';
import type { Viewer } from '@shared/identity/viewer';
import { canOpenCase } from '@shared/identity/case-access';
import { canAct } from '@shared/identity/permissions';
import { DomainError, fieldError, notFound } from '@shared/domain/domain-error';
import { ChangeSet, commitPlanned } from '../../database/change-set';
import type { CaseService } from '../case-service';
import type { Clock } from '../clock';
import type { CaseDocument, DomainDatabase } from '../collections';
import type { CaseLastSeen } from './case-last-seen';

type Communication = Extract<TimelineEntry, { kind: 'communication' }>;

/** Correspondence that arrived, as the notifier tells it. */
export interface Arrival {
  readonly entryId: string;
  readonly caseId: string;
  readonly reference: string;
  readonly complainantName: string;
  readonly closedCase: boolean;
  readonly recordedAt: string;
  /** Issue 17: an e-mail to the complainant came back undelivered (the letter is to be posted instead). */
  readonly undelivered?: { readonly to: string; readonly reason: string; readonly template?: string; readonly refused?: boolean };
}

/**
 * Issue 17: a bounce is news to the assignee even when it was their own device that fetched it
 * (the mailbox is checked in the background for whoever is signed in).
 */
/** An e-mail to the complainant that did not reach them: bounced back, or refused by the server at sending (issue 17). */
function isBounce(entry: Communication): boolean {
  return entry.data.generated?.key === 'emailNotDelivered' || entry.data.generated?.key === 'emailRefused';
}

/**
 * The bounced letter's template, when the case is flagged by that very bounce (issue 17): an
 * acknowledgement e-mail that bounced after the customer was told another way (by telephone, a
 * posted letter) is an ordinary undelivered e-mail, not "the customer has not been acknowledged".
 */
function flaggedTemplate(found: CaseDocument, entry: Communication): string {
  const template = entry.data.generated?.params['template'] ?? '';
  if (!isAcknowledgementKind(template)) return template;
  const bounce = acknowledgementBounce(found, template);
  return bounce && !bounce.reached ? template : '';
}

export interface ArrivalInput {
  readonly caseId: string;
  readonly at: string;
  readonly channel: CommunicationChannel;
  readonly summary: string;
}

const isManager = (viewer: Viewer) => viewer.roles.includes('manager');

/** Up to this many cases, each case's entries are read through the timeline's case index. */
const LOOK_UP_CASE_BY_CASE = 50;

export class CorrespondenceService {
  constructor(
    private readonly db: DomainDatabase,
    private readonly cases: CaseService,
    private readonly lastSeen: CaseLastSeen,
    private readonly clock: Clock,
  ) {}

  /** The hook: correspondence about an existing case arrived (planned, to commit with the letter or message that brought it). */
  async planArrival(input: ArrivalInput, link: { letterId?: string } = {}): Promise<ChangeSet> {
    const found = await this.db.cases.findOne(input.caseId).exec();
    if (!found) throw notFound('Case', input.caseId);
    return this.cases.planCommunication(
      { caseId: input.caseId, at: input.at, direction: 'in', channel: input.channel, summary: input.summary },
      { ...link, arrived: { closedCase: found.status === 'closed' } },
    );
  }

  /**
   * The arrivals and decisions on these cases. A few cases are read through the timeline's case
   * index (opening a case must not scan every entry); many in one pass over the arrivals only.
   */
  private async arrivalEntries(caseIds: readonly string[]): Promise<TimelineEntry[]> {
    const arrivalOrDecision: MangoQuerySelector<TimelineEntry> = {
      $or: [{ kind: 'communication', 'data.arrived': { $exists: true } } as MangoQuerySelector<TimelineEntry>, { kind: 'correspondence-decision' }],
    };
    if (caseIds.length <= LOOK_UP_CASE_BY_CASE) {
      const found: TimelineEntry[] = [];
      for (const caseId of caseIds)
        found.push(...(await this.db.timeline.find({ selector: { caseId, ...arrivalOrDecision } }).exec()).map((entry) => entry.toJSON() as TimelineEntry));
      return found;
    }
    const wanted = new Set(caseIds);
    const entries = await this.db.timeline.find({ selector: arrivalOrDecision }).exec();
    return entries.filter((entry) => wanted.has(entry.caseId)).map((entry) => entry.toJSON() as TimelineEntry);
  }

  private async arrivalsOn(caseIds: readonly string[]): Promise<Communication[]> {
    if (caseIds.length === 0) return [];
    const all = await this.arrivalEntries(caseIds);
    const decided = new Set(all.flatMap((entry) => (entry.kind === 'correspondence-decision' ? [entry.data.entryId] : [])));
    // A closed-case arrival that has its decision no longer waits (arrived.closedCase becomes false here).
    return all.flatMap((entry) =>
      entry.kind === 'communication' && entry.data.arrived
        ? [{ ...entry, data: { ...entry.data, arrived: { closedCase: entry.data.arrived.closedCase && !decided.has(entry.id) } } }]
        : [],
    );
  }

  private seenAt(staffId: string, caseIds: readonly string[]): Promise<Map<string, string>> {
    return this.lastSeen.seenAt(staffId, caseIds);
  }

  /** The cases assigned to the reader with correspondence they have not seen yet. */
  async unreadCaseIds(viewer: Viewer): Promise<string[]> {
    const mine = (await this.db.cases.find({ selector: { assigneeId: viewer.accountId } }).exec()).filter((found) => canOpenCase(viewer, found));
    const arrivals = await this.arrivalsOn(mine.map((found) => found.id));
    const seen = await this.seenAt(viewer.accountId, [...new Set(arrivals.map((entry) => entry.caseId))]);
    return [...new Set(arrivals.filter((entry) => this.isNewTo(entry, viewer, seen.get(entry.caseId) ?? '')).map((entry) => entry.caseId))];
  }

  /** Arrived since the reader last opened the case, and not logged by the reader themselves. */
  private isNewTo(entry: Communication, viewer: Viewer, seenAt: string): boolean {
    return entry.recordedAt > seenAt && (entry.by.id !== viewer.accountId || isBounce(entry));
  }

  /** The case as its reader sees its new correspondence: unread, and what waits for a decision. */
  async forCase(caseId: string, viewer: Viewer): Promise<CaseCorrespondence> {
    const found = await this.openable(caseId, viewer);
    const arrivals = await this.arrivalsOn([caseId]);
    const seen = (await this.seenAt(viewer.accountId, [caseId])).get(caseId) ?? '';
    const unread = found.assigneeId === viewer.accountId && arrivals.some((entry) => this.isNewTo(entry, viewer, seen));
    const awaitingDecision: AwaitingDecision[] = arrivals
      .filter((entry) => entry.data.arrived?.closedCase)
      .map((entry) => ({ entryId: entry.id, at: entry.at, recordedAt: entry.recordedAt, channel: entry.data.channel, summary: entry.data.summary }));
    return { unread, awaitingDecision, mayDecide: this.mayDecide(found, viewer) };
  }

  /** Opening the case clears its marker for the reader. Returns whether it was unread. */
  async markSeen(caseId: string, viewer: Viewer): Promise<boolean> {
    const before = await this.forCase(caseId, viewer);
    await this.lastSeen.markSeen(viewer.accountId, caseId, this.clock.now().toISOString());
    return before.unread;
  }

  private mayDecide(found: Pick<CaseDocument, 'assigneeId'>, viewer: Viewer): boolean {
    return found.assigneeId === viewer.accountId || isManager(viewer);
  }

  private async openable(caseId: string, viewer: Viewer): Promise<CaseDocument> {
    const found = await this.db.cases.findOne(caseId).exec();
    if (!found) throw notFound('Case', caseId);
    const record = found.toJSON() as CaseDocument;
    if (!canOpenCase(viewer, record))
      throw new DomainError('FORBIDDEN', `You may not open case ${record.reference} (need-to-know, P-7.1).`, [
        { path: 'caseId', code: 'case_not_visible', message: 'Not visible' },
      ]);
    return record;
  }

  /**
   * Reopen, escalate or no action, with a reason: the workflow action (if any) and the decision's
   * timeline entry are written together, or nothing is.
   */
  async decide(input: z.output<typeof decideCorrespondenceInput>, viewer: Viewer): Promise<void> {
    await commitPlanned(async () => {
      const found = await this.openable(input.caseId, viewer);
      if (!this.mayDecide(found, viewer)) {
        const message = 'Only the case’s assignee or a manager decides about new correspondence on a closed case.';
        throw new DomainError('FORBIDDEN', message, [{ path: 'decision', code: 'not_assignee_or_manager', message }]);
      }
      const waiting = (await this.arrivalsOn([input.caseId])).find((entry) => entry.id === input.entryId && entry.data.arrived?.closedCase);
      if (!waiting)
        throw fieldError('entryId', 'This correspondence does not wait for a decision (already decided, or not on a closed case)', 'no_decision_waiting');
      const changes = new ChangeSet();
      const now = this.clock.now().toISOString();
      if (input.decision === 'reopen') {
        // P-4.1, P-4.2: reopening is a manager's decision (the workflow table's roles).
        if (!canAct(viewer, 'reopen')) {
          const message = 'Only a manager can reopen a case; choose escalate or no action, or ask a manager.';
          throw new DomainError('FORBIDDEN', message, [{ path: 'decision', code: 'reopen_needs_manager', message }]);
        }
        changes.include((await this.cases.planAct({ caseId: input.caseId, action: { type: 'reopen', at: now, reason: input.reason } })).changes);
      } else if (input.decision === 'escalate') {
        // P-4.2: the letter is the customer's request for escalation, at the time it arrived.
        changes.include(
          (
            await this.cases.planAct({
              caseId: input.caseId,
              action: { type: 'recordEscalationRequest', at: waiting.at, channel: waiting.data.channel, reason: input.reason },
            })
          ).changes,
        );
      }
      changes.include(
        await this.cases.planAppend(input.caseId, [
          { kind: 'correspondence-decision', at: now, data: { entryId: input.entryId, decision: input.decision, reason: input.reason } },
        ]),
      );
      return { changes, result: undefined };
    });
  }

  /** Correspondence recorded since `since` that the recipient is told of: on their cases, and on unassigned closed cases for managers. */
  async arrivalsToTell(viewer: Viewer, since: Date): Promise<Arrival[]> {
    const mine = await this.db.cases.find({ selector: { assigneeId: viewer.accountId } }).exec();
    const unassignedClosed = isManager(viewer) ? await this.db.cases.find({ selector: { open: false, assigneeId: { $eq: null } } }).exec() : [];
    const cases = new Map([...mine, ...unassignedClosed].filter((found) => canOpenCase(viewer, found)).map((found) => [found.id, found]));
    const arrivals = await this.arrivalsOn([...cases.keys()]);
    return arrivals
      .filter((entry) => entry.recordedAt >= since.toISOString() && (entry.by.id !== viewer.accountId || isBounce(entry)))
      .flatMap((entry) => {
        const found = cases.get(entry.caseId);
        if (!found) return [];
        // An unassigned case is the managers' only for post on a closed case.
        if (found.assigneeId !== viewer.accountId && !entry.data.arrived?.closedCase) return [];
        const undelivered = isBounce(entry)
          ? {
              to: entry.data.generated?.params['to'] ?? '',
              reason: entry.data.generated?.params['reason'] ?? '',
              template: flaggedTemplate(found.toJSON() as CaseDocument, entry),
              refused: entry.data.generated?.key === 'emailRefused',
            }
          : null;
        return [
          {
            entryId: entry.id,
            caseId: found.id,
            reference: found.reference,
            complainantName: found.complainant.name,
            closedCase: entry.data.arrived?.closedCase ?? false,
            recordedAt: entry.recordedAt,
            ...(undelivered ? { undelivered } : {}),
          },
        ];
      });
  }
}
