/**
 * Every workflow action in every state, through the API, against a table of what the procedure
 * allows written out here by hand (P-3.2, P-4.1–P-4.4, P-6.1), not derived from the code: an
 * allowed action is offered and performed, a refused one gets INVALID_TRANSITION and changes
 * nothing, not even the case's revision.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/domain/views';
import { phoneComplaint, startTestDomain, type TestDomain } from './test-support';

type Action =
  | 'acknowledge'
  | 'startInvestigation'
  | 'askThirdParty'
  | 'recordThirdPartyResponse'
  | 'communicateResolution'
  | 'close'
  | 'recordEscalationRequest'
  | 'acknowledgeEscalation'
  | 'forwardToDepartmentHead'
  | 'communicateStage2Outcome'
  | 'recordExternalSignposting'
  | 'recordExternalReferral'
  | 'extendDeadline'
  | 'recordExtensionNotice'
  | 'reopen';

const ALL: readonly Action[] = [
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

type State =
  | 'received'
  | 'acknowledged'
  | 'investigating'
  | 'awaiting-third-party'
  | 'resolution-communicated'
  | 'closed at stage 1'
  | 'escalation-requested'
  | 'escalation-acknowledged'
  | 'department-head-review'
  | 'stage2-resolution-communicated'
  | 'closed at stage 2'
  | 'investigating, an extension not yet told';

/** How a case gets to each state, from receipt. */
const PATHS: Record<State, readonly Action[]> = {
  received: [],
  acknowledged: ['acknowledge'],
  investigating: ['acknowledge', 'startInvestigation'],
  'awaiting-third-party': ['acknowledge', 'startInvestigation', 'askThirdParty'],
  'resolution-communicated': ['acknowledge', 'startInvestigation', 'communicateResolution'],
  'closed at stage 1': ['acknowledge', 'startInvestigation', 'communicateResolution', 'close'],
  'escalation-requested': ['acknowledge', 'startInvestigation', 'communicateResolution', 'recordEscalationRequest'],
  'escalation-acknowledged': ['acknowledge', 'startInvestigation', 'communicateResolution', 'recordEscalationRequest', 'acknowledgeEscalation'],
  'department-head-review': [
    'acknowledge',
    'startInvestigation',
    'communicateResolution',
    'recordEscalationRequest',
    'acknowledgeEscalation',
    'forwardToDepartmentHead',
  ],
  'stage2-resolution-communicated': [
    'acknowledge',
    'startInvestigation',
    'communicateResolution',
    'recordEscalationRequest',
    'acknowledgeEscalation',
    'forwardToDepartmentHead',
    'communicateStage2Outcome',
  ],
  'closed at stage 2': [
    'acknowledge',
    'startInvestigation',
    'communicateResolution',
    'recordEscalationRequest',
    'acknowledgeEscalation',
    'forwardToDepartmentHead',
    'communicateStage2Outcome',
    'close',
  ],
  'investigating, an extension not yet told': ['acknowledge', 'startInvestigation', 'extendDeadline'],
};

/**
 * What the procedure allows in each state. P-3.2: only a received complaint is acknowledged.
 * P-4.1: investigating follows acknowledgement; departments and third parties are asked while
 * investigating (stage 1) or during the department head's review (stage 2); the resolution is
 * communicated from investigating. P-4.2: escalation is asked after the stage-1 resolution (also
 * once closed), then acknowledged (P-4.3), forwarded to the department head, and answered.
 * P-4.4: a running resolution deadline (after acknowledgement, while working) can be extended,
 * and an extension's notice recorded while one is missing. P-6.1: signposting and referral after
 * a final response. A case is closed after its resolution is communicated, and a closed case may
 * be reopened.
 */
const ALLOWED: Record<State, readonly Action[]> = {
  received: ['acknowledge'],
  acknowledged: ['startInvestigation', 'extendDeadline'],
  investigating: ['askThirdParty', 'communicateResolution', 'extendDeadline'],
  'awaiting-third-party': ['askThirdParty', 'recordThirdPartyResponse', 'extendDeadline'],
  'resolution-communicated': ['close', 'recordEscalationRequest', 'recordExternalSignposting', 'recordExternalReferral'],
  'closed at stage 1': ['recordEscalationRequest', 'recordExternalSignposting', 'recordExternalReferral', 'reopen'],
  'escalation-requested': ['acknowledgeEscalation'],
  'escalation-acknowledged': ['forwardToDepartmentHead', 'extendDeadline'],
  'department-head-review': ['askThirdParty', 'communicateStage2Outcome', 'extendDeadline'],
  'stage2-resolution-communicated': ['close', 'recordExternalSignposting', 'recordExternalReferral'],
  'closed at stage 2': ['recordExternalSignposting', 'recordExternalReferral', 'reopen'],
  'investigating, an extension not yet told': ['askThirdParty', 'communicateResolution', 'extendDeadline', 'recordExtensionNotice'],
};

/** Where each allowed action leads (P-4.1: the last reply resumes the interrupted work). */
const LEADS_TO: Partial<Record<State, Partial<Record<Action, string>>>> = {
  received: { acknowledge: 'acknowledged' },
  acknowledged: { startInvestigation: 'investigating', extendDeadline: 'acknowledged' },
  investigating: { askThirdParty: 'awaiting-third-party', communicateResolution: 'resolution-communicated' },
  'awaiting-third-party': { recordThirdPartyResponse: 'investigating', askThirdParty: 'awaiting-third-party' },
  'resolution-communicated': { close: 'closed', recordEscalationRequest: 'escalation-requested', recordExternalSignposting: 'resolution-communicated' },
  'closed at stage 1': { reopen: 'investigating', recordEscalationRequest: 'escalation-requested' },
  'escalation-requested': { acknowledgeEscalation: 'escalation-acknowledged' },
  'escalation-acknowledged': { forwardToDepartmentHead: 'department-head-review' },
  'department-head-review': { askThirdParty: 'awaiting-third-party', communicateStage2Outcome: 'stage2-resolution-communicated' },
  'stage2-resolution-communicated': { close: 'closed' },
  'closed at stage 2': { reopen: 'department-head-review' },
};

const RECEIVED = '2026-11-02T10:00:00.000Z';
const NOW = '2026-11-13T10:00:00.000Z';
let minute = 0;
/** Each step a minute after the last, all between receipt and now. */
const at = () => new Date(Date.parse(RECEIVED) + 60_000 * ++minute).toISOString();

function inputFor(action: Action, detail: CaseDetail): Record<string, unknown> {
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
      return { type: action, at: when, inquiryId: detail.case.openInquiries[0]?.id ?? 'none', response: 'Yes' };
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
    case 'extendDeadline': {
      // A month after whichever resolution deadline is running.
      const running = Math.max(
        ...detail.case.deadlines.filter((deadline) => deadline.kind.endsWith('Resolution')).map((deadline) => Date.parse(deadline.dueAt)),
      );
      return { type: action, at: when, newDueAt: new Date(running + 30 * 86_400_000).toISOString(), reason: 'Laboratory tests', approverId: t.me() };
    }
    case 'recordExtensionNotice':
      return {
        type: action,
        at: when,
        extensionId: detail.case.extensions.find((extension) => extension.customerNotice === null)?.id ?? 'none',
        channel: 'email',
      };
    case 'reopen':
      return { type: action, at: when, reason: 'New evidence' };
  }
}

let t: TestDomain;
beforeAll(async () => {
  t = await startTestDomain(NOW);
  t.clock.tickMs = 0;
});
afterAll(async () => {
  await t.close();
});

async function caseIn(state: State): Promise<CaseDetail> {
  const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: RECEIVED });
  let detail = await t.call('cases.get', { caseId });
  for (const step of PATHS[state]) detail = await t.call('cases.act', { caseId, action: inputFor(step, detail) as never });
  return detail;
}

async function revisionOf(caseId: string): Promise<string> {
  return (await t.services.domain!.db.cases.findOne(caseId).exec())!.toJSON(true)._rev;
}

describe('every action in every state (P-3, P-4, P-6)', () => {
  for (const state of Object.keys(PATHS) as State[]) {
    it(`${state}: offers exactly what the procedure allows, and refuses the rest without a trace`, async () => {
      const detail = await caseIn(state);
      expect([...detail.availableActions].sort()).toEqual([...ALLOWED[state]].sort());
      const revision = await revisionOf(detail.case.id);
      const entries = detail.timeline.length;
      for (const action of ALL.filter((candidate) => !ALLOWED[state].includes(candidate))) {
        const refusal = await t.fail('cases.act', { caseId: detail.case.id, action: inputFor(action, detail) });
        expect(refusal.code, `${state} → ${action}`).toBe('INVALID_TRANSITION');
        expect(refusal.issues[0], `${state} → ${action}`).toMatchObject({ path: 'action.type', code: 'invalid_transition', params: { action } });
      }
      expect(await revisionOf(detail.case.id)).toBe(revision);
      expect((await t.call('cases.get', { caseId: detail.case.id })).timeline).toHaveLength(entries);
    });

    for (const action of ALLOWED[state]) {
      it(`${state}: ${action} is performed${LEADS_TO[state]?.[action] ? ` and leads to ${LEADS_TO[state]?.[action] ?? ''}` : ''}`, async () => {
        const detail = await caseIn(state);
        const after = await t.call('cases.act', { caseId: detail.case.id, action: inputFor(action, detail) as never });
        const expected = LEADS_TO[state]?.[action];
        if (expected) expect(after.case.status).toBe(expected);
        expect(after.timeline.length).toBeGreaterThan(detail.timeline.length);
      });
    }
  }
});
