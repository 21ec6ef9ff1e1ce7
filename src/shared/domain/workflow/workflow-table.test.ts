/**
 * The workflow table and its effects, pure and fast (no database): every status × every action
 * against a table of what the procedure allows, written out here by hand from P-3.2, P-4.1–P-4.4,
 * P-5.1 and P-6.1 (not derived from the code), and what each allowed action records. The same
 * matrix runs through the API, with storage, in src/main/domain/workflow-table.test.ts; this one
 * is what mutation testing runs (mutation-modules.json, "workflow"), as each run takes seconds.
 */
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain-error';
import type { CaseRecord, StaffRef } from '../records';
import type { CaseStatus } from '../vocabulary';
import type { ActionContext, ActionOutcome } from './action-context';
import { caseActionInput, type CaseAction } from './action-inputs';
import { applyCaseAction } from './apply-action';
import { acknowledgeEscalation } from './effects/stage-two';
import { extendDeadline } from './effects/extensions';
import { actionRefusal, availableActions, CASE_WORKFLOW } from './workflow-table';
import { extendableDeadlineOf } from './workflow-facts';

const ALL: readonly CaseAction[] = [
  'acknowledge',
  'startInvestigation',
  'askThirdParty',
  'recordThirdPartyResponse',
  'communicateResolution',
  'close',
  'recordEscalationRequest',
  'acknowledgeEscalation',
  'forwardToDepartmentHead',
  'communicateStage2Outcome',
  'recordExternalSignposting',
  'recordExternalReferral',
  'extendDeadline',
  'recordExtensionNotice',
  'reopen',
];

const RECEIVED = '2026-11-02T10:00:00.000Z';
const NOW = new Date('2026-11-13T10:00:00.000Z');
/** P-4.1: 10 working days from Monday 2 November 2026 (acknowledged that day). */
const STAGE1_DUE = '2026-11-16T23:59:59.999Z';
const STAGE2_DUE = '2026-11-27T23:59:59.999Z';
const clerk: StaffRef = { id: 'staff-clerk', name: 'Clare Clerk' };
const manager: StaffRef = { id: 'staff-manager', name: 'Mo Manager' };

function receivedCase(): CaseRecord {
  return {
    id: 'case-1',
    reference: '7KQ2-00A3-V',
    complainant: { kind: 'customer', name: 'Ann Smith', email: 'ann@example.org', phone: '', address: null, preferredChannel: 'email' },
    complainantSortName: 'ann smith',
    channel: 'telephone',
    receivedAt: RECEIVED,
    loggedAt: RECEIVED,
    loggedBy: clerk,
    type: 'product',
    product: 'Thermometer',
    summary: 'Broken on arrival',
    description: '',
    desiredOutcome: 'Replacement',
    stage: 1,
    status: 'received',
    open: true,
    assignee: clerk,
    assigneeId: clerk.id,
    departments: ['Pharmacy'],
    restricted: false,
    restrictedTo: [],
    thirdParties: ['Acme Supplies'],
    clock: { receivedAt: RECEIVED },
    deadlines: [
      {
        kind: 'stage1Resolution',
        startsAt: RECEIVED,
        dueAt: STAGE1_DUE,
        warnAt: '2026-11-15T23:59:59.999Z',
        provisional: false,
        extensionId: null,
        metAt: null,
      },
      {
        kind: 'stage2Resolution',
        startsAt: RECEIVED,
        dueAt: STAGE2_DUE,
        warnAt: '2026-11-26T23:59:59.999Z',
        provisional: true,
        extensionId: null,
        metAt: null,
      },
    ],
    nextDeadlineKind: 'stage1Resolution',
    nextDueAt: Date.parse(STAGE1_DUE),
    nextWarnAt: Date.parse(STAGE1_DUE) - 86_400_000,
    acknowledgement: null,
    resolution: null,
    escalation: null,
    stage2Resolution: null,
    rootCauseId: null,
    rootCauseNote: 'earlier note',
    lessonsLearned: 'earlier lesson',
    closedAt: null,
    externalReferral: null,
    extensions: [],
    openInquiries: [],
    resumeStatus: null,
    relatedCaseIds: [],
    createdAt: RECEIVED,
    updatedAt: RECEIVED,
    updatedBy: clerk,
  };
}

let ids = 0;
const context = (overrides: Partial<ActionContext> = {}): ActionContext => ({
  actor: clerk,
  now: NOW,
  newId: () => `id-${++ids}`,
  futureToleranceMs: 0,
  approver: manager,
  ...overrides,
});

let minute = 0;
/** Each step a minute after the last, all between receipt and now. */
const at = () => new Date(Date.parse(RECEIVED) + 60_000 * ++minute).toISOString();

function inputFor(action: CaseAction, current: CaseRecord): Record<string, unknown> {
  const when = at();
  switch (action) {
    case 'acknowledge':
    case 'acknowledgeEscalation':
      return { type: action, at: when, channel: 'email' };
    case 'startInvestigation':
      return { type: action, at: when };
    case 'askThirdParty':
      return { type: action, at: when, partyKind: 'supplier', partyName: 'Acme Supplies', question: 'Was the batch faulty?' };
    case 'recordThirdPartyResponse':
      return { type: action, at: when, inquiryId: current.openInquiries[0]?.id ?? 'none', response: 'Yes' };
    case 'communicateResolution':
      return { type: action, at: when, channel: 'email', summary: 'Replacement sent', outcome: 'upheld', rootCauseId: 'faulty-batch' };
    case 'communicateStage2Outcome':
      return { type: action, at: when, channel: 'email', summary: 'Refund agreed', outcome: 'partly-upheld', signpostedTo: 'Citizens Advice' };
    case 'close':
      return { type: action, at: when };
    case 'recordEscalationRequest':
      return { type: action, at: when, channel: 'letter', reason: 'Wants a refund' };
    case 'forwardToDepartmentHead':
      return { type: action, at: when, departmentHead: { name: 'Dr Patel', department: 'Pharmacy' } };
    case 'recordExternalSignposting':
      return { type: action, at: when, to: 'Citizens Advice' };
    case 'recordExternalReferral':
      return { type: action, at: when, to: 'Ombudsman', outcome: '' };
    case 'extendDeadline':
      return { type: action, at: when, newDueAt: '2026-12-31T23:59:59.999Z', reason: 'Laboratory tests', approverId: manager.id };
    case 'recordExtensionNotice':
      return { type: action, at: when, extensionId: current.extensions.find((extension) => extension.customerNotice === null)?.id ?? 'none', channel: 'email' };
    case 'reopen':
      return { type: action, at: when, reason: 'New evidence' };
  }
}

/** Performs an action as the API does: its input validated (defaults filled in) first. */
function act(current: CaseRecord, input: Record<string, unknown>, overrides: Partial<ActionContext> = {}): ActionOutcome<CaseRecord> {
  return applyCaseAction(current, caseActionInput.parse(input), context(overrides));
}

function refusalOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('The action was not refused');
}

type State =
  | 'received'
  | 'acknowledged'
  | 'investigating'
  | 'awaiting-third-party'
  | 'resolution-communicated'
  | 'closed at stage 1'
  | 'escalation-requested'
  | 'escalation requested after closing'
  | 'escalation-acknowledged'
  | 'department-head-review'
  | 'awaiting-third-party at stage 2'
  | 'stage2-resolution-communicated'
  | 'closed at stage 2'
  | 'investigating, an extension not yet told'
  | 'resolution communicated, an extension not yet told'
  | 'investigating, its extension told';

const TO_RESOLUTION: readonly CaseAction[] = ['acknowledge', 'startInvestigation', 'communicateResolution'];
const TO_REVIEW: readonly CaseAction[] = [...TO_RESOLUTION, 'recordEscalationRequest', 'acknowledgeEscalation', 'forwardToDepartmentHead'];

/** How a case gets to each state, from receipt. */
const PATHS: Record<State, readonly CaseAction[]> = {
  received: [],
  acknowledged: ['acknowledge'],
  investigating: ['acknowledge', 'startInvestigation'],
  'awaiting-third-party': ['acknowledge', 'startInvestigation', 'askThirdParty'],
  'resolution-communicated': TO_RESOLUTION,
  'closed at stage 1': [...TO_RESOLUTION, 'close'],
  'escalation-requested': [...TO_RESOLUTION, 'recordEscalationRequest'],
  'escalation requested after closing': [...TO_RESOLUTION, 'close', 'recordEscalationRequest'],
  'escalation-acknowledged': [...TO_RESOLUTION, 'recordEscalationRequest', 'acknowledgeEscalation'],
  'department-head-review': TO_REVIEW,
  'awaiting-third-party at stage 2': [...TO_REVIEW, 'askThirdParty'],
  'stage2-resolution-communicated': [...TO_REVIEW, 'communicateStage2Outcome'],
  'closed at stage 2': [...TO_REVIEW, 'communicateStage2Outcome', 'close'],
  'investigating, an extension not yet told': ['acknowledge', 'startInvestigation', 'extendDeadline'],
  'resolution communicated, an extension not yet told': ['acknowledge', 'startInvestigation', 'extendDeadline', 'communicateResolution'],
  'investigating, its extension told': ['acknowledge', 'startInvestigation', 'extendDeadline', 'recordExtensionNotice'],
};

/**
 * What the procedure allows in each state, and where each allowed action leads ('=' : the state
 * stays). P-3.2: only a received complaint is acknowledged. P-4.1: investigating follows
 * acknowledgement; departments and third parties are asked while investigating (stage 1) or during
 * the department head's review (stage 2), and the last answer resumes that work; the resolution is
 * communicated from investigating. P-4.2: escalation is asked after the stage-1 resolution (also
 * once closed), acknowledged (P-4.3), forwarded to the department head, and answered. P-4.4: a
 * running resolution deadline (after acknowledgement, while working) can be extended, and an
 * extension's notice recorded whenever one is missing. P-6.1: signposting and referral after a
 * final response. P-5.1: a case is closed after its resolution is communicated; a closed case may
 * be reopened, back to its stage's working state.
 */
const ALLOWED: Record<State, Partial<Record<CaseAction, CaseStatus | '='>>> = {
  received: { acknowledge: 'acknowledged' },
  acknowledged: { startInvestigation: 'investigating', extendDeadline: '=' },
  investigating: { askThirdParty: 'awaiting-third-party', communicateResolution: 'resolution-communicated', extendDeadline: '=' },
  'awaiting-third-party': { askThirdParty: '=', recordThirdPartyResponse: 'investigating', extendDeadline: '=' },
  'resolution-communicated': { close: 'closed', recordEscalationRequest: 'escalation-requested', recordExternalSignposting: '=', recordExternalReferral: '=' },
  'closed at stage 1': {
    recordEscalationRequest: 'escalation-requested',
    recordExternalSignposting: '=',
    recordExternalReferral: '=',
    reopen: 'investigating',
  },
  'escalation-requested': { acknowledgeEscalation: 'escalation-acknowledged' },
  'escalation requested after closing': { acknowledgeEscalation: 'escalation-acknowledged' },
  'escalation-acknowledged': { forwardToDepartmentHead: 'department-head-review', extendDeadline: '=' },
  'department-head-review': { askThirdParty: 'awaiting-third-party', communicateStage2Outcome: 'stage2-resolution-communicated', extendDeadline: '=' },
  'awaiting-third-party at stage 2': { askThirdParty: '=', recordThirdPartyResponse: 'department-head-review', extendDeadline: '=' },
  'stage2-resolution-communicated': { close: 'closed', recordExternalSignposting: '=', recordExternalReferral: '=' },
  'closed at stage 2': { recordExternalSignposting: '=', recordExternalReferral: '=', reopen: 'department-head-review' },
  'investigating, an extension not yet told': {
    askThirdParty: 'awaiting-third-party',
    communicateResolution: 'resolution-communicated',
    extendDeadline: '=',
    recordExtensionNotice: '=',
  },
  'resolution communicated, an extension not yet told': {
    close: 'closed',
    recordEscalationRequest: 'escalation-requested',
    recordExternalSignposting: '=',
    recordExternalReferral: '=',
    recordExtensionNotice: '=',
  },
  'investigating, its extension told': { askThirdParty: 'awaiting-third-party', communicateResolution: 'resolution-communicated', extendDeadline: '=' },
};

function caseIn(state: State): CaseRecord {
  let current = receivedCase();
  for (const step of PATHS[state]) current = act(current, inputFor(step, current)).next;
  return current;
}

describe('every action in every state (P-3, P-4, P-5.1, P-6)', () => {
  for (const state of Object.keys(PATHS) as State[]) {
    const allowed = ALLOWED[state];
    it(`${state}: offers exactly what the procedure allows, in the action bar's order`, () => {
      const current = caseIn(state);
      expect(availableActions(current)).toEqual(ALL.filter((action) => action in allowed));
      for (const action of ALL) expect(actionRefusal(action, current) === null, `${state} → ${action}`).toBe(action in allowed);
    });

    it(`${state}: refuses every other action with INVALID_TRANSITION and its reason`, () => {
      const current = caseIn(state);
      const before = structuredClone(current);
      for (const action of ALL.filter((candidate) => !(candidate in allowed))) {
        const refusal = refusalOf(() => act(current, inputFor(action, current)));
        const message = `${action} is not possible now: ${actionRefusal(action, current) ?? ''}`;
        expect(refusal.kind, `${state} → ${action}`).toBe('INVALID_TRANSITION');
        // The log says why in a sentence of its own, not just that it was refused.
        expect(refusal.message, `${state} → ${action}`).toMatch(new RegExp(`^${action} is not possible now: [A-Z][^]{10,}\\.$`));
        expect(refusal.message).toBe(message);
        expect(refusal.issues).toEqual([{ path: 'action.type', code: 'invalid_transition', params: { action }, message }]);
      }
      expect(current).toEqual(before);
    });

    for (const [action, leadsTo] of Object.entries(allowed) as [CaseAction, CaseStatus | '='][]) {
      it(`${state}: ${action} ${leadsTo === '=' ? 'keeps the state' : `leads to ${leadsTo}`}, and the timeline says so`, () => {
        const current = caseIn(state);
        const { next, entries } = act(current, inputFor(action, current));
        const expected = leadsTo === '=' ? current.status : leadsTo;
        expect(next.status).toBe(expected);
        const transitions = entries.filter((entry) => entry.kind === 'transition');
        if (leadsTo === '=') {
          expect(transitions).toEqual([]);
        } else {
          expect(entries[0]).toEqual(transitions[0]);
          expect(transitions).toEqual([
            {
              kind: 'transition',
              at: expect.any(String) as string,
              data: { action, from: current.status, to: expected, fromStage: current.stage, toStage: next.stage, details: expect.any(String) as string },
            },
          ]);
        }
      });
    }
  }
});

describe('the table itself', () => {
  /** The rule of the procedure each action carries out, as the procedure numbers them. */
  const RULES: Record<CaseAction, string> = {
    acknowledge: 'P-3.2',
    startInvestigation: 'P-4.1',
    askThirdParty: 'P-4.1',
    recordThirdPartyResponse: 'P-4.1',
    communicateResolution: 'P-4.1',
    close: 'P-5.1',
    recordEscalationRequest: 'P-4.2',
    acknowledgeEscalation: 'P-4.3',
    forwardToDepartmentHead: 'P-4.2',
    communicateStage2Outcome: 'P-4.2',
    recordExternalSignposting: 'P-6.1',
    recordExternalReferral: 'P-6.1',
    extendDeadline: 'P-4.4',
    recordExtensionNotice: 'P-4.4',
    reopen: 'P-4.1, P-4.2',
  };

  it('cites the rule each action implements, names it by its translation key, and lets managers alone extend and reopen', () => {
    for (const action of ALL) {
      const entry = CASE_WORKFLOW[action];
      expect(entry.rule, action).toBe(RULES[action]);
      expect(entry.label, action).toBe(`actions.${action}`);
      // Extensions (P-4.4: who approved it) and reopening are the manager's decisions.
      expect([...entry.roles].sort(), action).toEqual(action === 'extendDeadline' || action === 'reopen' ? ['manager'] : ['caseworker', 'manager']);
    }
  });

  it('the resolution deadline an extension moves: stage 1 after acknowledgement while working, stage 2 after the escalation is acknowledged (P-4.4)', () => {
    const stage1: Partial<Record<CaseStatus, true>> = { acknowledged: true, investigating: true, 'awaiting-third-party': true };
    const stage2: Partial<Record<CaseStatus, true>> = { 'escalation-acknowledged': true, 'department-head-review': true, 'awaiting-third-party': true };
    const statuses: CaseStatus[] = [
      'received',
      'acknowledged',
      'investigating',
      'awaiting-third-party',
      'resolution-communicated',
      'escalation-requested',
      'escalation-acknowledged',
      'department-head-review',
      'stage2-resolution-communicated',
      'closed',
    ];
    for (const status of statuses) {
      expect(extendableDeadlineOf({ stage: 1, status }), `stage 1 ${status}`).toBe(stage1[status] ? 'stage1Resolution' : null);
      expect(extendableDeadlineOf({ stage: 2, status }), `stage 2 ${status}`).toBe(stage2[status] ? 'stage2Resolution' : null);
    }
  });
});

describe('a case in a state its stage does not explain (older or merged data)', () => {
  it('a stage-2 case is never given a stage-1 resolution, nor a stage-1 case a stage-2 outcome', () => {
    const facts = { openInquiries: [], extensions: [], externalReferral: null, resumeStatus: null } as const;
    expect(actionRefusal('communicateResolution', { ...facts, status: 'investigating', stage: 2 })).toBe(CASE_WORKFLOW.communicateResolution.refusal);
    expect(actionRefusal('communicateResolution', { ...facts, status: 'investigating', stage: 1 })).toBeNull();
    expect(actionRefusal('communicateStage2Outcome', { ...facts, status: 'department-head-review', stage: 1 })).toBe(
      CASE_WORKFLOW.communicateStage2Outcome.refusal,
    );
    expect(actionRefusal('communicateStage2Outcome', { ...facts, status: 'department-head-review', stage: 2 })).toBeNull();
  });

  it('the last answer with no state on record to resume goes back to investigating', () => {
    const waiting = { ...caseIn('awaiting-third-party'), resumeStatus: null };
    const inquiryId = waiting.openInquiries[0]?.id;
    expect(act(waiting, { type: 'recordThirdPartyResponse', at: '2026-11-04T09:00:00.000Z', inquiryId, response: 'Yes' }).next.status).toBe('investigating');
  });
});

describe('recorded times', () => {
  it('refuses an action dated after now, or before receipt, with the field at fault; now itself and receipt itself are fine', () => {
    const current = receivedCase();
    const future = refusalOf(() => act(current, { type: 'acknowledge', at: '2026-11-13T10:00:00.001Z', channel: 'email' }));
    expect(future).toMatchObject({ kind: 'VALIDATION_FAILED', issues: [{ path: 'action.at', code: 'future_time' }] });
    const early = refusalOf(() => act(current, { type: 'acknowledge', at: '2026-11-02T09:59:59.999Z', channel: 'email' }));
    expect(early).toMatchObject({ kind: 'VALIDATION_FAILED', issues: [{ path: 'action.at', code: 'before_receipt' }] });
    expect(act(current, { type: 'acknowledge', at: NOW.toISOString(), channel: 'email' }).next.status).toBe('acknowledged');
    expect(act(current, { type: 'acknowledge', at: RECEIVED, channel: 'email' }).next.status).toBe('acknowledged');
  });

  it("allows another device's clock a little ahead, within the tolerance only", () => {
    const current = receivedCase();
    expect(act(current, { type: 'acknowledge', at: '2026-11-13T10:01:00.000Z', channel: 'email' }, { futureToleranceMs: 60_000 }).next.status).toBe(
      'acknowledged',
    );
    expect(
      refusalOf(() => act(current, { type: 'acknowledge', at: '2026-11-13T10:01:00.001Z', channel: 'email' }, { futureToleranceMs: 60_000 })).issues[0]?.code,
    ).toBe('future_time');
  });

  it('a refused action is refused for its state first, whatever its time', () => {
    expect(refusalOf(() => act(receivedCase(), { type: 'close', at: '2027-01-01T00:00:00.000Z' })).kind).toBe('INVALID_TRANSITION');
  });
});

const communication = (at: string, channel: string, summary: string, generated?: { key: string; params: Record<string, string> }) => ({
  kind: 'communication',
  at,
  data: { direction: 'out', channel, summary, ...(generated ? { generated } : {}) },
});

describe('stage 1 (P-3.2, P-4.1, P-5.1, P-5.3)', () => {
  it('acknowledge records when, how and by whom, and tells the customer the reference', () => {
    const current = receivedCase();
    const { next, entries } = act(current, { type: 'acknowledge', at: '2026-11-02T11:00:00.000Z', channel: 'telephone' });
    expect(next.acknowledgement).toEqual({ at: '2026-11-02T11:00:00.000Z', channel: 'telephone', by: clerk });
    expect(next.clock).toEqual({ receivedAt: RECEIVED, acknowledgedAt: '2026-11-02T11:00:00.000Z' });
    expect(entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-02T11:00:00.000Z',
        data: { action: 'acknowledge', from: 'received', to: 'acknowledged', fromStage: 1, toStage: 1, details: '' },
      },
      communication('2026-11-02T11:00:00.000Z', 'telephone', 'Acknowledgement sent with reference 7KQ2-00A3-V', {
        key: 'acknowledgementSent',
        params: { reference: '7KQ2-00A3-V' },
      }),
    ]);
  });

  it('starting the investigation changes nothing but the state', () => {
    const current = caseIn('acknowledged');
    const { next, entries } = act(current, { type: 'startInvestigation', at: '2026-11-03T09:00:00.000Z' });
    expect(next).toEqual({ ...current, status: 'investigating' });
    expect(entries).toHaveLength(1);
  });

  it('the resolution goes to the customer with its outcome, redress and root cause; notes not given are kept', () => {
    const current = caseIn('investigating');
    const redress = [{ kind: 'refund', amountMinor: 1250, currency: 'GBP', description: '' }];
    const { next, entries } = act(current, {
      type: 'communicateResolution',
      at: '2026-11-04T09:00:00.000Z',
      channel: 'email',
      summary: 'Refund of £12.50',
      outcome: 'partly-upheld',
      redress,
      rootCauseId: 'courier-handling',
    });
    expect(next.resolution).toEqual({
      summary: 'Refund of £12.50',
      outcome: 'partly-upheld',
      redress,
      channel: 'email',
      at: '2026-11-04T09:00:00.000Z',
      by: clerk,
    });
    expect(next.clock.stage1ResolvedAt).toBe('2026-11-04T09:00:00.000Z');
    expect(next).toMatchObject({ rootCauseId: 'courier-handling', rootCauseNote: 'earlier note', lessonsLearned: 'earlier lesson' });
    expect(entries[0]?.data).toMatchObject({ details: 'partly-upheld' });
    expect(entries.slice(1)).toEqual([communication('2026-11-04T09:00:00.000Z', 'email', 'Refund of £12.50')]);
    expect(entries[1]?.data).not.toHaveProperty('generated');

    const noted = act(current, {
      type: 'communicateResolution',
      at: '2026-11-04T09:00:00.000Z',
      channel: 'email',
      summary: 'Done',
      outcome: 'upheld',
      rootCauseId: 'faulty-batch',
      rootCauseNote: 'Batch 7',
      lessonsLearned: 'Check batches',
    }).next;
    expect(noted).toMatchObject({ rootCauseNote: 'Batch 7', lessonsLearned: 'Check batches' });
  });

  it('closing records when, and the cause and lessons if given', () => {
    const current = caseIn('resolution-communicated');
    const plain = act(current, { type: 'close', at: '2026-11-05T09:00:00.000Z' });
    expect(plain.next).toMatchObject({
      status: 'closed',
      closedAt: '2026-11-05T09:00:00.000Z',
      rootCauseNote: 'earlier note',
      lessonsLearned: 'earlier lesson',
    });
    expect(plain.entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-05T09:00:00.000Z',
        data: { action: 'close', from: 'resolution-communicated', to: 'closed', fromStage: 1, toStage: 1, details: '' },
      },
    ]);
    const noted = act(current, { type: 'close', at: '2026-11-05T09:00:00.000Z', rootCauseNote: 'Courier', lessonsLearned: 'Pack better' }).next;
    expect(noted).toMatchObject({ rootCauseNote: 'Courier', lessonsLearned: 'Pack better' });
  });

  it("reopening clears the close and restarts the stage's resolution clock, with the reason on the timeline", () => {
    const stage1 = caseIn('closed at stage 1');
    const reopened1 = act(stage1, { type: 'reopen', at: '2026-11-06T09:00:00.000Z', reason: 'New evidence' });
    expect(reopened1.next).toMatchObject({ status: 'investigating', stage: 1, closedAt: null });
    expect(reopened1.next.clock).toEqual({ ...stage1.clock, stage1ReopenedAt: '2026-11-06T09:00:00.000Z', stage1ResolvedAt: null });
    expect(reopened1.entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-06T09:00:00.000Z',
        data: { action: 'reopen', from: 'closed', to: 'investigating', fromStage: 1, toStage: 1, details: 'New evidence' },
      },
    ]);

    const stage2 = caseIn('closed at stage 2');
    const reopened2 = act(stage2, { type: 'reopen', at: '2026-11-06T09:00:00.000Z', reason: 'Lab report' }).next;
    expect(reopened2).toMatchObject({ status: 'department-head-review', stage: 2, closedAt: null });
    expect(reopened2.clock).toEqual({ ...stage2.clock, stage2ReopenedAt: '2026-11-06T09:00:00.000Z', stage2ResolvedAt: null });
    expect(reopened2.clock.stage1ResolvedAt).toBe(stage2.clock.stage1ResolvedAt);
  });
});

describe('third parties (P-4.1 step 1)', () => {
  it('asking records the open inquiry, the party once, and where to resume', () => {
    const current = caseIn('investigating');
    const asked = act(current, {
      type: 'askThirdParty',
      at: '2026-11-03T09:00:00.000Z',
      partyKind: 'testing-laboratory',
      partyName: 'MedLab Ltd',
      question: 'Faulty?',
      dueAt: '2026-11-10T09:00:00.000Z',
    });
    const [inquiry] = asked.next.openInquiries;
    expect(asked.next.openInquiries).toEqual([
      { id: inquiry?.id, partyKind: 'testing-laboratory', partyName: 'MedLab Ltd', dueAt: '2026-11-10T09:00:00.000Z' },
    ]);
    expect(asked.next.thirdParties).toEqual(['Acme Supplies', 'MedLab Ltd']);
    expect(asked.next.resumeStatus).toBe('investigating');
    expect(asked.entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-03T09:00:00.000Z',
        data: { action: 'askThirdParty', from: 'investigating', to: 'awaiting-third-party', fromStage: 1, toStage: 1, details: 'MedLab Ltd' },
      },
      {
        kind: 'inquiry',
        at: '2026-11-03T09:00:00.000Z',
        data: { inquiryId: inquiry?.id, partyKind: 'testing-laboratory', partyName: 'MedLab Ltd', question: 'Faulty?', dueAt: '2026-11-10T09:00:00.000Z' },
      },
    ]);

    // A second question keeps where to resume, and a party already consulted is not listed twice.
    const again = act(asked.next, {
      type: 'askThirdParty',
      at: '2026-11-03T10:00:00.000Z',
      partyKind: 'supplier',
      partyName: 'Acme Supplies',
      question: 'Batch?',
    });
    expect(again.next).toMatchObject({ status: 'awaiting-third-party', resumeStatus: 'investigating', thirdParties: ['Acme Supplies', 'MedLab Ltd'] });
    expect(again.next.openInquiries.map((open) => open.dueAt)).toEqual(['2026-11-10T09:00:00.000Z', null]);
  });

  it('a reply may be due at the moment of asking, never before', () => {
    const current = caseIn('investigating');
    const question = { type: 'askThirdParty', at: '2026-11-03T09:00:00.000Z', partyKind: 'supplier', partyName: 'Acme Supplies', question: 'Faulty?' };
    expect(act(current, { ...question, dueAt: '2026-11-03T09:00:00.000Z' }).next.openInquiries).toHaveLength(1);
    const early = refusalOf(() => act(current, { ...question, dueAt: '2026-11-03T08:59:59.999Z' }));
    expect(early).toMatchObject({
      kind: 'VALIDATION_FAILED',
      issues: [{ path: 'action.dueAt', code: 'before_question', message: 'The reply is due after the question is asked' }],
    });
  });

  it('the last answer resumes the interrupted work; an earlier one leaves the case waiting', () => {
    let current = caseIn('awaiting-third-party');
    current = act(current, { type: 'askThirdParty', at: '2026-11-03T09:00:00.000Z', partyKind: 'warehouse', partyName: 'Warehouse', question: 'Stock?' }).next;
    const [first, second] = current.openInquiries;
    const one = act(current, { type: 'recordThirdPartyResponse', at: '2026-11-04T09:00:00.000Z', inquiryId: second?.id, response: 'In stock' });
    expect(one.next).toMatchObject({ status: 'awaiting-third-party', resumeStatus: 'investigating', openInquiries: [first] });
    expect(one.entries).toEqual([
      { kind: 'inquiry-response', at: '2026-11-04T09:00:00.000Z', data: { inquiryId: second?.id, partyName: 'Warehouse', response: 'In stock' } },
    ]);
    const both = act(one.next, { type: 'recordThirdPartyResponse', at: '2026-11-04T10:00:00.000Z', inquiryId: first?.id, response: 'Faulty' });
    expect(both.next).toMatchObject({ status: 'investigating', resumeStatus: null, openInquiries: [] });
    expect(both.entries[0]?.data).toMatchObject({ details: 'Acme Supplies' });
  });

  it('an answer to an inquiry that is not open is refused', () => {
    const current = caseIn('awaiting-third-party');
    const refusal = refusalOf(() =>
      act(current, { type: 'recordThirdPartyResponse', at: '2026-11-04T09:00:00.000Z', inquiryId: 'no-such-inquiry', response: 'Yes' }),
    );
    expect(refusal).toMatchObject({
      kind: 'VALIDATION_FAILED',
      issues: [{ path: 'action.inquiryId', code: 'not_found', message: 'No open inquiry with this id' }],
    });
  });
});

describe('stage 2 (P-4.2, P-4.3, P-6.1)', () => {
  it('an escalation request moves the case to stage 2, reopens a closed one, and records what the customer said', () => {
    const current = caseIn('closed at stage 1');
    const { next, entries } = act(current, { type: 'recordEscalationRequest', at: '2026-11-06T09:00:00.000Z', channel: 'letter', reason: 'Wants a refund' });
    expect(next).toMatchObject({ stage: 2, status: 'escalation-requested', closedAt: null });
    expect(next.escalation).toEqual({
      requestedAt: '2026-11-06T09:00:00.000Z',
      channel: 'letter',
      reason: 'Wants a refund',
      acknowledgedAt: null,
      acknowledgedChannel: null,
      departmentHead: null,
      forwardedAt: null,
    });
    expect(next.clock).toEqual({ ...current.clock, escalationRequestedAt: '2026-11-06T09:00:00.000Z' });
    expect(entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-06T09:00:00.000Z',
        data: { action: 'recordEscalationRequest', from: 'closed', to: 'escalation-requested', fromStage: 1, toStage: 2, details: 'Wants a refund' },
      },
      {
        kind: 'communication',
        at: '2026-11-06T09:00:00.000Z',
        data: {
          direction: 'in',
          channel: 'letter',
          summary: 'Escalation requested: Wants a refund',
          generated: { key: 'escalationRequested', params: { reason: 'Wants a refund' } },
        },
      },
    ]);
  });

  it('the escalation is acknowledged at or after its request, never before', () => {
    const current = caseIn('escalation-requested');
    const requestedAt = current.escalation?.requestedAt ?? '';
    const { next, entries } = act(current, { type: 'acknowledgeEscalation', at: requestedAt, channel: 'telephone' });
    expect(next.escalation).toEqual({ ...current.escalation, acknowledgedAt: requestedAt, acknowledgedChannel: 'telephone' });
    expect(next.clock).toEqual({ ...current.clock, escalationAcknowledgedAt: requestedAt });
    expect(entries.slice(1)).toEqual([communication(requestedAt, 'telephone', 'Escalation acknowledged', { key: 'escalationAcknowledged', params: {} })]);
    const early = new Date(Date.parse(requestedAt) - 1).toISOString();
    expect(refusalOf(() => act(current, { type: 'acknowledgeEscalation', at: early, channel: 'email' }))).toMatchObject({
      kind: 'VALIDATION_FAILED',
      issues: [{ path: 'action.at', code: 'before_request', message: 'Cannot be before the escalation was requested' }],
    });
  });

  it('without an escalation on record, its acknowledgement is refused as a transition', () => {
    // A case whose status says escalation-requested but lost its escalation (e.g. damaged data).
    const broken = { ...caseIn('escalation-requested'), escalation: null };
    const refusal = refusalOf(() => acknowledgeEscalation(broken, { type: 'acknowledgeEscalation', at: '2026-11-06T09:00:00.000Z', channel: 'email' }));
    expect(refusal).toMatchObject({
      kind: 'INVALID_TRANSITION',
      message: 'No escalation was requested.',
      issues: [{ path: 'action.type', code: 'invalid_transition', message: 'No escalation was requested.' }],
    });
    expect(
      refusalOf(
        () =>
          act(broken, { type: 'forwardToDepartmentHead', at: '2026-11-06T09:00:00.000Z', departmentHead: { name: 'Dr Patel', department: 'Pharmacy' } }).next,
      ).kind,
    ).toBe('INVALID_TRANSITION');
  });

  it('forwarding names the department head, and adds their department once', () => {
    const current = caseIn('escalation-acknowledged');
    const { next, entries } = act(current, {
      type: 'forwardToDepartmentHead',
      at: '2026-11-07T09:00:00.000Z',
      departmentHead: { name: 'Mr Jones', department: 'Warehouse' },
    });
    expect(next.escalation).toEqual({
      ...current.escalation,
      departmentHead: { name: 'Mr Jones', department: 'Warehouse' },
      forwardedAt: '2026-11-07T09:00:00.000Z',
    });
    expect(next.departments).toEqual(['Pharmacy', 'Warehouse']);
    expect(entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-07T09:00:00.000Z',
        data: {
          action: 'forwardToDepartmentHead',
          from: 'escalation-acknowledged',
          to: 'department-head-review',
          fromStage: 2,
          toStage: 2,
          details: 'Mr Jones, Warehouse',
        },
      },
    ]);
    const same = act(current, {
      type: 'forwardToDepartmentHead',
      at: '2026-11-07T09:00:00.000Z',
      departmentHead: { name: 'Dr Patel', department: 'Pharmacy' },
    }).next;
    expect(same.departments).toEqual(['Pharmacy']);
  });

  it('the stage-2 outcome is the final response: it signposts independent advice (P-6.1) and may revise the cause', () => {
    const current = caseIn('department-head-review');
    const kept = act(current, {
      type: 'communicateStage2Outcome',
      at: '2026-11-08T09:00:00.000Z',
      channel: 'letter',
      summary: 'Refund agreed',
      outcome: 'upheld',
      signpostedTo: 'Citizens Advice',
    });
    expect(kept.next.stage2Resolution).toEqual({
      summary: 'Refund agreed',
      outcome: 'upheld',
      redress: [],
      channel: 'letter',
      at: '2026-11-08T09:00:00.000Z',
      by: clerk,
    });
    expect(kept.next.resolution).toEqual(current.resolution);
    expect(kept.next.clock).toEqual({ ...current.clock, stage2ResolvedAt: '2026-11-08T09:00:00.000Z' });
    expect(kept.next.externalReferral).toEqual({
      signpostedAt: '2026-11-08T09:00:00.000Z',
      signpostedTo: 'Citizens Advice',
      referredAt: null,
      referredTo: null,
      outcome: null,
      outcomeAt: null,
    });
    expect(kept.next).toMatchObject({ rootCauseId: 'faulty-batch', rootCauseNote: 'earlier note', lessonsLearned: 'earlier lesson' });
    expect(kept.entries).toEqual([
      {
        kind: 'transition',
        at: '2026-11-08T09:00:00.000Z',
        data: {
          action: 'communicateStage2Outcome',
          from: 'department-head-review',
          to: 'stage2-resolution-communicated',
          fromStage: 2,
          toStage: 2,
          details: 'upheld',
        },
      },
      communication('2026-11-08T09:00:00.000Z', 'letter', 'Refund agreed'),
      { kind: 'external-signposting', at: '2026-11-08T09:00:00.000Z', data: { to: 'Citizens Advice' } },
    ]);
    const revised = act(current, {
      type: 'communicateStage2Outcome',
      at: '2026-11-08T09:00:00.000Z',
      channel: 'email',
      summary: 'Refund agreed',
      outcome: 'upheld',
      signpostedTo: 'Ombudsman',
      rootCauseId: 'courier-handling',
      rootCauseNote: 'Courier',
      lessonsLearned: 'Pack better',
    }).next;
    expect(revised).toMatchObject({ rootCauseId: 'courier-handling', rootCauseNote: 'Courier', lessonsLearned: 'Pack better' });
  });
});

describe('external support (P-6.1)', () => {
  it('signposting and a referral each keep what was recorded before', () => {
    const current = caseIn('closed at stage 2');
    const signposted = act(current, { type: 'recordExternalSignposting', at: '2026-11-09T09:00:00.000Z', to: 'Ombudsman' });
    expect(signposted.next.externalReferral).toEqual({ ...current.externalReferral, signpostedAt: '2026-11-09T09:00:00.000Z', signpostedTo: 'Ombudsman' });
    expect(signposted.entries).toEqual([{ kind: 'external-signposting', at: '2026-11-09T09:00:00.000Z', data: { to: 'Ombudsman' } }]);

    const referred = act(signposted.next, {
      type: 'recordExternalReferral',
      at: '2026-11-10T09:00:00.000Z',
      to: 'Ombudsman',
      outcome: 'Upheld by the ombudsman',
    });
    expect(referred.next.externalReferral).toEqual({
      signpostedAt: '2026-11-09T09:00:00.000Z',
      signpostedTo: 'Ombudsman',
      referredAt: '2026-11-10T09:00:00.000Z',
      referredTo: 'Ombudsman',
      outcome: 'Upheld by the ombudsman',
      outcomeAt: '2026-11-10T09:00:00.000Z',
    });
    expect(referred.entries).toEqual([
      { kind: 'external-referral', at: '2026-11-10T09:00:00.000Z', data: { to: 'Ombudsman', outcome: 'Upheld by the ombudsman' } },
    ]);

    // A later referral without an outcome keeps the outcome already known.
    const again = act(referred.next, { type: 'recordExternalReferral', at: '2026-11-11T09:00:00.000Z', to: 'Regulator' }).next;
    expect(again.externalReferral).toMatchObject({
      referredAt: '2026-11-11T09:00:00.000Z',
      referredTo: 'Regulator',
      outcome: 'Upheld by the ombudsman',
      outcomeAt: '2026-11-10T09:00:00.000Z',
    });
  });

  it('a referral on a case that never signposted starts from an empty record', () => {
    const current = caseIn('resolution-communicated');
    expect(current.externalReferral).toBeNull();
    expect(act(current, { type: 'recordExternalReferral', at: '2026-11-09T09:00:00.000Z', to: 'Ombudsman' }).next.externalReferral).toEqual({
      signpostedAt: null,
      signpostedTo: null,
      referredAt: '2026-11-09T09:00:00.000Z',
      referredTo: 'Ombudsman',
      outcome: null,
      outcomeAt: null,
    });
    expect(act(current, { type: 'recordExternalSignposting', at: '2026-11-09T09:00:00.000Z', to: 'Citizens Advice' }).next.externalReferral).toEqual({
      signpostedAt: '2026-11-09T09:00:00.000Z',
      signpostedTo: 'Citizens Advice',
      referredAt: null,
      referredTo: null,
      outcome: null,
      outcomeAt: null,
    });
  });
});

describe('extensions (P-4.4)', () => {
  const extend = (current: CaseRecord, fields: Record<string, unknown> = {}, overrides: Partial<ActionContext> = {}) =>
    act(
      current,
      {
        type: 'extendDeadline',
        at: '2026-11-10T09:00:00.000Z',
        newDueAt: '2026-12-15T23:59:59.999Z',
        reason: 'Laboratory tests',
        approverId: manager.id,
        ...fields,
      },
      overrides,
    );

  it('replaces the running resolution deadline, records who approved it, and tells the customer when told at once', () => {
    const current = caseIn('investigating');
    const { next, entries } = extend(
      current,
      { thirdParty: 'MedLab Ltd', customerNotice: { at: '2026-11-10T10:00:00.000Z', channel: 'email' } },
      { newId: () => 'ext-1' },
    );
    const extension = {
      id: 'ext-1',
      deadline: 'stage1Resolution',
      previousDueAt: STAGE1_DUE,
      newDueAt: '2026-12-15T23:59:59.999Z',
      reason: 'Laboratory tests',
      thirdParty: 'MedLab Ltd',
      approvedBy: 'Mo Manager',
      approverId: manager.id,
      grantedAt: '2026-11-10T09:00:00.000Z',
      customerNotice: { at: '2026-11-10T10:00:00.000Z', channel: 'email' },
    };
    expect(next.extensions).toEqual([extension]);
    expect(next.status).toBe('investigating');
    expect(next.clock.extensions).toEqual([{ id: 'ext-1', deadline: 'stage1Resolution', newDueAt: '2026-12-15T23:59:59.999Z' }]);
    const { grantedAt: _granted, ...entryData } = extension;
    expect(entries).toEqual([
      { kind: 'extension', at: '2026-11-10T09:00:00.000Z', data: entryData },
      communication('2026-11-10T10:00:00.000Z', 'email', 'Told the customer the deadline is extended to 2026-12-15T23:59:59.999Z: Laboratory tests', {
        key: 'extensionNotice',
        params: { date: '2026-12-15T23:59:59.999Z', reason: 'Laboratory tests' },
      }),
    ]);

    // A second extension adds to the first.
    const twice = extend(next, { newDueAt: '2027-01-15T23:59:59.999Z' }, { newId: () => 'ext-2' }).next;
    expect(twice.extensions.map((one) => [one.id, one.previousDueAt])).toEqual([
      ['ext-1', STAGE1_DUE],
      ['ext-2', STAGE1_DUE],
    ]);
    expect(twice.clock.extensions?.map((one) => one.id)).toEqual(['ext-1', 'ext-2']);
  });

  it('without a notice, the extension is recorded alone, its notice missing', () => {
    const { next, entries } = extend(caseIn('acknowledged'));
    expect(next.extensions[0]?.customerNotice).toBeNull();
    expect(entries.map((entry) => entry.kind)).toEqual(['extension']);
  });

  it('at stage 2 it is the stage-2 deadline; naming the other one is refused', () => {
    const current = caseIn('department-head-review');
    expect(extend(current).next.extensions[0]).toMatchObject({ deadline: 'stage2Resolution', previousDueAt: STAGE2_DUE });
    expect(extend(current, { deadline: 'stage2Resolution' }).next.extensions).toHaveLength(1);
    const wrong = refusalOf(() => extend(current, { deadline: 'stage1Resolution' }));
    expect(wrong).toMatchObject({
      kind: 'VALIDATION_FAILED',
      message: 'Only the stage-2 resolution deadline is running',
      issues: [{ path: 'action.deadline', code: 'wrong_deadline', params: { deadline: 'stage2Resolution' } }],
    });
    const wrong1 = refusalOf(() => extend(caseIn('investigating'), { deadline: 'stage2Resolution' }));
    expect(wrong1).toMatchObject({ message: 'Only the stage-1 resolution deadline is running', issues: [{ params: { deadline: 'stage1Resolution' } }] });
  });

  it('a case without the deadline on record extends from the time of the extension', () => {
    const current = { ...caseIn('investigating'), deadlines: [] };
    expect(extend(current).next.extensions[0]?.previousDueAt).toBe('2026-11-10T09:00:00.000Z');
  });

  it('the new deadline must be later than the current one and than now (issue 18)', () => {
    const current = caseIn('investigating');
    const same = refusalOf(() => extend(current, { newDueAt: STAGE1_DUE }));
    expect(same).toMatchObject({
      kind: 'VALIDATION_FAILED',
      issues: [{ path: 'action.newDueAt', code: 'not_later', params: { date: STAGE1_DUE }, message: 'The new deadline must be later than the current one' }],
    });
    expect(extend(current, { newDueAt: '2026-11-17T00:00:00.000Z' }).next.extensions).toHaveLength(1);

    // Now is after the deadline: the new one must still be after now.
    const late = { now: new Date('2026-11-20T12:00:00.000Z') };
    const atNow = refusalOf(() => extend(current, { newDueAt: '2026-11-20T12:00:00.000Z' }, late));
    expect(atNow).toMatchObject({
      kind: 'VALIDATION_FAILED',
      issues: [
        { path: 'action.newDueAt', code: 'not_after_now', params: { date: '2026-11-20T12:00:00.000Z' }, message: 'The new deadline must be later than now' },
      ],
    });
    expect(extend(current, { newDueAt: '2026-11-20T12:00:00.001Z' }, late).next.extensions).toHaveLength(1);
  });

  it('a deadline that passed before the extension was recorded stays a breach; one due at that very instant does not', () => {
    const current = caseIn('investigating');
    const breached = extend(current, {}, { now: new Date('2026-11-17T00:00:00.000Z'), newId: () => 'ext-b' });
    expect(breached.next.extensions[0]?.breachedAt).toBe(STAGE1_DUE);
    expect(breached.next.clock.extensions).toEqual([
      { id: 'ext-b', deadline: 'stage1Resolution', newDueAt: '2026-12-15T23:59:59.999Z', breachedAt: STAGE1_DUE },
    ]);
    expect(breached.entries[0]?.data).toMatchObject({ breachedAt: STAGE1_DUE });

    const onTime = extend(current, {}, { now: new Date(STAGE1_DUE) });
    expect(onTime.next.extensions[0]).not.toHaveProperty('breachedAt');
    expect(onTime.next.clock.extensions?.[0]).not.toHaveProperty('breachedAt');
  });

  it('the approver must be the manager the main process checked', () => {
    const refusal = refusalOf(() => extend(caseIn('investigating'), { approverId: 'staff-someone-else' }));
    expect(refusal).toMatchObject({
      kind: 'VALIDATION_FAILED',
      issues: [{ path: 'action.approverId', code: 'approver_not_manager', message: 'Choose the manager who approved the extension' }],
    });
    expect(refusalOf(() => extend(caseIn('investigating'), {}, { approver: undefined })).issues[0]?.code).toBe('approver_not_manager');
  });

  it("the customer notice's time is checked like any recorded time", () => {
    const current = caseIn('investigating');
    const future = refusalOf(() => extend(current, { customerNotice: { at: '2026-11-13T10:00:00.001Z', channel: 'email' } }));
    expect(future).toMatchObject({ issues: [{ path: 'action.customerNotice.at', code: 'future_time' }] });
    const tolerated = extend(current, { customerNotice: { at: '2026-11-13T10:00:01.000Z', channel: 'email' } }, { futureToleranceMs: 1_000 });
    expect(tolerated.next.extensions[0]?.customerNotice?.at).toBe('2026-11-13T10:00:01.000Z');
    const early = refusalOf(() => extend(current, { customerNotice: { at: '2026-11-02T09:59:59.999Z', channel: 'email' } }));
    expect(early).toMatchObject({ issues: [{ path: 'action.customerNotice.at', code: 'before_receipt' }] });
  });

  it('the effect itself refuses a case with no running deadline', () => {
    const current = caseIn('resolution-communicated');
    const input = caseActionInput.parse({
      type: 'extendDeadline',
      at: '2026-11-10T09:00:00.000Z',
      newDueAt: '2026-12-15T23:59:59.999Z',
      reason: 'Tests',
      approverId: manager.id,
    });
    if (input.type !== 'extendDeadline') throw new Error('parsed as another action');
    const refusal = refusalOf(() => extendDeadline(current, input, context()));
    expect(refusal).toMatchObject({
      kind: 'INVALID_TRANSITION',
      message: 'No resolution deadline is running.',
      issues: [{ path: 'action.type', code: 'invalid_transition', params: { action: 'extendDeadline' }, message: 'No resolution deadline is running.' }],
    });
  });

  it('recording the notice later completes the extension, and tells the customer the new date and the reasons', () => {
    const current = caseIn('investigating, an extension not yet told');
    const extension = current.extensions[0];
    const { next, entries } = act(current, { type: 'recordExtensionNotice', at: '2026-11-12T09:00:00.000Z', extensionId: extension?.id, channel: 'letter' });
    expect(next.extensions).toEqual([{ ...extension, customerNotice: { at: '2026-11-12T09:00:00.000Z', channel: 'letter' } }]);
    expect(entries).toEqual([
      { kind: 'extension-notice', at: '2026-11-12T09:00:00.000Z', data: { extensionId: extension?.id, channel: 'letter' } },
      communication('2026-11-12T09:00:00.000Z', 'letter', `Told the customer the deadline is extended to ${extension?.newDueAt ?? ''}: Laboratory tests`, {
        key: 'extensionNotice',
        params: { date: extension?.newDueAt ?? '', reason: 'Laboratory tests' },
      }),
    ]);
    // Only the untold extension changes.
    const twoExtensions = act(next, {
      type: 'extendDeadline',
      at: '2026-11-12T10:00:00.000Z',
      newDueAt: '2027-02-01T23:59:59.999Z',
      reason: 'More tests',
      approverId: manager.id,
    }).next;
    const second = twoExtensions.extensions[1];
    const told = act(twoExtensions, { type: 'recordExtensionNotice', at: '2026-11-12T11:00:00.000Z', extensionId: second?.id, channel: 'email' }).next;
    expect(told.extensions).toEqual([next.extensions[0], { ...second, customerNotice: { at: '2026-11-12T11:00:00.000Z', channel: 'email' } }]);
  });

  it('a notice for no extension, one already told, or before the extension was granted is refused', () => {
    const current = caseIn('investigating, an extension not yet told');
    const extension = current.extensions[0];
    const grantedAt = extension?.grantedAt ?? '';
    expect(refusalOf(() => act(current, { type: 'recordExtensionNotice', at: grantedAt, extensionId: 'nope', channel: 'email' }))).toMatchObject({
      issues: [{ path: 'action.extensionId', code: 'not_found', message: 'No extension with this id' }],
    });
    const before = new Date(Date.parse(grantedAt) - 1).toISOString();
    expect(refusalOf(() => act(current, { type: 'recordExtensionNotice', at: before, extensionId: extension?.id, channel: 'email' }))).toMatchObject({
      issues: [{ path: 'action.at', code: 'before_granted', message: 'Cannot be before the extension was granted' }],
    });
    const told = act(current, { type: 'recordExtensionNotice', at: grantedAt, extensionId: extension?.id, channel: 'email' }).next;
    // A second, untold extension keeps the action offered; the first one cannot be told twice.
    const more = act(told, {
      type: 'extendDeadline',
      at: '2026-11-12T10:00:00.000Z',
      newDueAt: '2027-02-01T23:59:59.999Z',
      reason: 'More tests',
      approverId: manager.id,
    }).next;
    expect(
      refusalOf(() => act(more, { type: 'recordExtensionNotice', at: '2026-11-12T11:00:00.000Z', extensionId: extension?.id, channel: 'email' })),
    ).toMatchObject({
      issues: [{ path: 'action.extensionId', code: 'already_told', message: 'The customer was already told about this extension' }],
    });
  });
});
