/**
 * The stage workflow through the API (P-3, P-4, P-6): a complaint from receipt to stage-2
 * closure with the deadlines the SLA engine gives, and every invalid or badly-timed action
 * refused with a clear error that changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseReference } from '../../shared/reference/reference-number';
import { deadlineState } from '../../shared/sla';
import { phoneComplaint, startTestDomain, type TestDomain } from './test-support';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-12-16T10:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const deadline = (
  detail: { case: { deadlines: readonly { kind: string; dueAt: string; metAt: string | null; provisional: boolean; breachedAt?: string | null }[] } },
  kind: string,
) => detail.case.deadlines.find((candidate) => candidate.kind === kind);

async function snapshotOf(caseId: string) {
  const detail = await t.call('cases.get', { caseId });
  return { case: detail.case, timeline: detail.timeline.length };
}

describe('P-3.2 receiving and acknowledging', () => {
  it('creates a case with a valid reference and a 48-hour acknowledgement deadline from receipt', async () => {
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-16T09:30:00.000Z' });
    expect(parseReference(reference).ok).toBe(true);
    const detail = await t.call('cases.get', { caseId });
    expect(detail.case).toMatchObject({ status: 'received', stage: 1, reference, receivedAt: '2026-12-16T09:30:00.000Z' });
    expect(deadline(detail, 'acknowledgement')).toMatchObject({ dueAt: '2026-12-18T09:30:00.000Z', metAt: null });
    expect(deadline(detail, 'stage1Resolution')).toMatchObject({ provisional: true });
    expect(detail.availableActions).toEqual(['acknowledge']);
    expect(detail.timeline.map((entry) => entry.kind)).toEqual(['communication', 'transition']);
  });

  it("starts a letter's clock at office opening time when only the date of receipt is known", async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, channel: 'letter', receivedOn: '2026-12-15' });
    const detail = await t.call('cases.get', { caseId });
    expect(detail.case.receivedAt).toBe('2026-12-15T09:00:00.000Z');
    expect(deadline(detail, 'acknowledgement')?.dueAt).toBe('2026-12-17T09:00:00.000Z');
  });
});

describe('a phone complaint from receipt to stage-2 closure', () => {
  it("follows every stage with the SLA engine's deadlines", async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-16T09:30:00.000Z' });
    t.clock.set('2026-12-17T12:00:00.000Z');
    let detail = await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-17T11:30:00.000Z', channel: 'telephone' } });
    // P-4.1 and the procedure's worked example: 10 working days from Thursday 17 December 2026.
    expect(deadline(detail, 'stage1Resolution')).toMatchObject({ dueAt: '2027-01-05T23:59:59.999Z', provisional: false });
    expect(deadline(detail, 'acknowledgement')?.metAt).toBe('2026-12-17T11:30:00.000Z');
    expect(detail.timeTaken.acknowledgement).toEqual({ hours: 26, workingDays: 1 });

    detail = await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-12-17T12:00:00.000Z' } });
    expect(detail.availableActions).toEqual(expect.arrayContaining(['askThirdParty', 'communicateResolution', 'extendDeadline']));

    detail = await t.call('cases.act', {
      caseId,
      action: {
        type: 'askThirdParty',
        at: '2026-12-17T12:00:00.000Z',
        partyKind: 'testing-laboratory',
        partyName: 'MedLab Ltd',
        question: 'Is the unit faulty?',
      },
    });
    expect(detail.case.status).toBe('awaiting-third-party');
    expect(detail.availableActions).not.toContain('communicateResolution');
    const inquiryId = detail.case.openInquiries[0]!.id;
    t.clock.set('2026-12-22T10:00:00.000Z');
    detail = await t.call('cases.act', {
      caseId,
      action: { type: 'recordThirdPartyResponse', at: '2026-12-22T09:00:00.000Z', inquiryId, response: 'Faulty sensor confirmed' },
    });
    expect(detail.case.status).toBe('investigating');

    detail = await t.call('cases.act', {
      caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-12-22T10:00:00.000Z',
        channel: 'telephone',
        summary: 'Replacement sent',
        outcome: 'upheld',
        redress: [{ kind: 'replacement' }, { kind: 'apology' }],
      },
    });
    expect(detail.case.status).toBe('resolution-communicated');
    expect(deadline(detail, 'stage1Resolution')?.metAt).toBe('2026-12-22T10:00:00.000Z');
    detail = await t.call('cases.act', {
      caseId,
      action: { type: 'close', at: '2026-12-22T10:00:00.000Z', rootCauseNote: 'Faulty sensor batch', lessonsLearned: 'Test batches before dispatch' },
    });
    expect(detail.case).toMatchObject({ status: 'closed', closedAt: '2026-12-22T10:00:00.000Z', rootCauseNote: 'Faulty sensor batch' });

    // P-4.2: the customer is not satisfied and escalates.
    t.clock.set('2027-01-04T10:00:00.000Z');
    detail = await t.call('cases.act', {
      caseId,
      action: { type: 'recordEscalationRequest', at: '2027-01-04T09:00:00.000Z', channel: 'email', reason: 'Wants a refund instead' },
    });
    expect(detail.case).toMatchObject({ stage: 2, status: 'escalation-requested', closedAt: null });
    // P-4.3: target 5 working days (warning), limit 10 (breach).
    expect(deadline(detail, 'escalationAcknowledgement')?.dueAt).toBe('2027-01-18T23:59:59.999Z');

    t.clock.set('2027-01-06T12:00:00.000Z');
    detail = await t.call('cases.act', { caseId, action: { type: 'acknowledgeEscalation', at: '2027-01-05T09:00:00.000Z', channel: 'email' } });
    expect(deadline(detail, 'stage2Resolution')).toMatchObject({ dueAt: '2027-01-19T23:59:59.999Z', provisional: false });
    detail = await t.call('cases.act', {
      caseId,
      action: { type: 'forwardToDepartmentHead', at: '2027-01-05T10:00:00.000Z', departmentHead: { name: 'Dr Patel', department: 'Pharmacy' } },
    });
    expect(detail.case.status).toBe('department-head-review');
    const org = (await t.call('settings.get', {})).organisation;
    detail = await t.call('cases.act', {
      caseId,
      action: {
        type: 'communicateStage2Outcome',
        at: '2027-01-06T09:00:00.000Z',
        channel: 'letter',
        summary: 'Refund agreed',
        outcome: 'partly-upheld',
        redress: [{ kind: 'refund', amountMinor: 4999, currency: 'GBP' }],
        signpostedTo: org.independentAdvice['en-GB'],
      },
    });
    // P-6.1: the final response says where to turn, and the case records it.
    expect(detail.case.externalReferral).toMatchObject({ signpostedTo: org.independentAdvice['en-GB'] });
    detail = await t.call('cases.act', { caseId, action: { type: 'close', at: '2027-01-06T09:30:00.000Z' } });
    expect(detail.case.status).toBe('closed');
    expect(detail.timeTaken.resolution).toEqual({ hours: 48, workingDays: 2 }); // P-5.1: request to outcome
    detail = await t.call('cases.act', {
      caseId,
      action: { type: 'recordExternalReferral', at: '2027-01-06T09:45:00.000Z', to: 'Citizens Advice', outcome: 'No further action' },
    });
    expect(detail.case.externalReferral).toMatchObject({ referredTo: 'Citizens Advice', outcome: 'No further action' });
    expect(detail.timeline.filter((entry) => entry.kind === 'transition').map((entry) => (entry.data as { to: string }).to)).toEqual([
      'received',
      'acknowledged',
      'investigating',
      'awaiting-third-party',
      'investigating',
      'resolution-communicated',
      'closed',
      'escalation-requested',
      'escalation-acknowledged',
      'department-head-review',
      'stage2-resolution-communicated',
      'closed',
    ]);
  });
});

describe('invalid actions are refused and change nothing', () => {
  it.each([
    [
      'communicate a resolution before acknowledging',
      { type: 'communicateResolution', rootCauseId: 'courier-handling', at: '2026-12-16T10:00:00.000Z', channel: 'email', summary: 'x', outcome: 'upheld' },
    ],
    ['close an open case', { type: 'close', at: '2026-12-16T10:00:00.000Z' }],
    ['escalate at stage 1 before a resolution', { type: 'recordEscalationRequest', at: '2026-12-16T10:00:00.000Z', channel: 'email', reason: 'x' }],
    ['reopen a case that is not closed', { type: 'reopen', at: '2026-12-16T10:00:00.000Z', reason: 'x' }],
    ['record a response without an inquiry', { type: 'recordThirdPartyResponse', at: '2026-12-16T10:00:00.000Z', inquiryId: 'x', response: 'y' }],
  ])('%s', async (_label, action) => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-16T09:30:00.000Z' });
    const before = await snapshotOf(caseId);
    const error = await t.fail('cases.act', { caseId, action });
    expect(error.code).toBe('INVALID_TRANSITION');
    expect(error.message).toMatch(/is not possible now: .+/);
    expect(await snapshotOf(caseId)).toEqual(before);
  });

  it('refuses a time in the future at the right field; accepts one in the past', async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-15T09:30:00.000Z' });
    const before = await snapshotOf(caseId);
    const future = await t.fail('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-16T11:00:00.000Z', channel: 'email' } });
    expect(future).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'action.at', code: 'future_time' }] });
    const beforeReceipt = await t.fail('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-14T11:00:00.000Z', channel: 'email' } });
    expect(beforeReceipt.issues[0]).toMatchObject({ path: 'action.at', code: 'before_receipt' });
    expect(await snapshotOf(caseId)).toEqual(before);
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-15T16:00:00.000Z', channel: 'email' } });
  });

  it("requires each action's data, at the field", async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-16T09:30:00.000Z' });
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-16T09:40:00.000Z', channel: 'email' } });
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-12-16T09:41:00.000Z' } });
    const missing = await t.fail('cases.act', {
      caseId,
      action: { type: 'communicateResolution', at: '2026-12-16T09:50:00.000Z', channel: 'email', summary: '' },
    });
    expect(missing.issues.map((issue) => issue.path).sort()).toEqual(['action.outcome', 'action.rootCauseId', 'action.summary']);
    const refund = await t.fail('cases.act', {
      caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-12-16T09:50:00.000Z',
        channel: 'email',
        summary: 'Refund',
        outcome: 'upheld',
        redress: [{ kind: 'refund' }],
      },
    });
    expect(refund.issues.map((issue) => issue.path).sort()).toEqual(['action.redress.0.amountMinor', 'action.redress.0.currency']);
    expect((await t.call('cases.get', { caseId })).case.status).toBe('investigating');
  });

  it('answers NOT_FOUND for an unknown case', async () => {
    expect(await t.fail('cases.act', { caseId: 'nope', action: { type: 'startInvestigation', at: '2026-12-16T09:50:00.000Z' } })).toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('P-4.4 extensions', () => {
  async function investigating() {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-01T09:30:00.000Z' });
    await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-12-01T10:00:00.000Z', channel: 'email' } });
    await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-12-01T11:00:00.000Z' } });
    return caseId;
  }

  it('replace the resolution deadline, and an extension without its customer notice is flagged until recorded', async () => {
    const caseId = await investigating();
    let detail = await t.call('cases.act', {
      caseId,
      action: {
        type: 'extendDeadline',
        at: '2026-12-14T10:00:00.000Z',
        newDueAt: '2027-01-08T17:00:00.000Z',
        reason: 'Waiting for laboratory results',
        thirdParty: 'MedLab Ltd',
        approverId: t.me(),
      },
    });
    expect(deadline(detail, 'stage1Resolution')?.dueAt).toBe('2027-01-08T17:00:00.000Z');
    const list = await t.call('cases.list', { filters: { open: true } });
    expect(list.items.find((item) => item.id === caseId)?.extensionWithoutNotice).toBe(true);
    const extensionId = detail.case.extensions[0]!.id;
    detail = await t.call('cases.act', { caseId, action: { type: 'recordExtensionNotice', at: '2026-12-14T11:00:00.000Z', extensionId, channel: 'email' } });
    expect(detail.case.extensions[0]?.customerNotice).toEqual({ at: '2026-12-14T11:00:00.000Z', channel: 'email' });
    expect((await t.call('cases.list', { filters: { open: true } })).items.find((item) => item.id === caseId)?.extensionWithoutNotice).toBe(false);
  });

  it('is approved by a manager chosen from the team, stored with their account (issue 18)', async () => {
    const caseId = await investigating();
    const before = await snapshotOf(caseId);
    const caseworker = await t.addAccount({ name: 'Cara Worker', login: 'cara', roles: ['caseworker'] });
    const extension = (approverId: string) => ({
      caseId,
      action: { type: 'extendDeadline' as const, at: '2026-12-14T10:00:00.000Z', newDueAt: '2027-01-08T17:00:00.000Z', reason: 'Laboratory tests', approverId },
    });
    for (const approverId of [caseworker, 'nobody-of-this-team']) {
      expect((await t.fail('cases.act', extension(approverId))).issues[0]).toMatchObject({ path: 'action.approverId', code: 'approver_not_manager' });
    }
    expect(await snapshotOf(caseId)).toEqual(before);
    const manager = await t.addAccount({ name: 'Mona Manager', login: 'mona', roles: ['manager'] });
    const detail = await t.call('cases.act', extension(manager));
    expect(detail.case.extensions[0]).toMatchObject({ approvedBy: 'Mona Manager', approverId: manager });
  });

  it('refuses a new deadline that has already passed, even one later than the breached deadline (issue 18)', async () => {
    const caseId = await investigating();
    const before = await snapshotOf(caseId);
    // Stage 1 was due 15 December 23:59; it is now 16 December 10:00.
    const error = await t.fail('cases.act', {
      caseId,
      action: { type: 'extendDeadline', at: '2026-12-16T09:00:00.000Z', newDueAt: '2026-12-16T09:30:00.000Z', reason: 'x', approverId: t.me() },
    });
    expect(error.issues[0]).toMatchObject({ path: 'action.newDueAt', code: 'not_after_now' });
    expect(await snapshotOf(caseId)).toEqual(before);
  });

  it('keeps a breach on record when the extension is recorded after the deadline passed (issue 18)', async () => {
    const caseId = await investigating();
    const detail = await t.call('cases.act', {
      caseId,
      // Backdating the extension to before the deadline does not hide the breach: it was recorded after it.
      action: {
        type: 'extendDeadline',
        at: '2026-12-14T10:00:00.000Z',
        newDueAt: '2027-01-08T17:00:00.000Z',
        reason: 'Waiting for laboratory results',
        approverId: t.me(),
      },
    });
    expect(deadline(detail, 'stage1Resolution')).toMatchObject({ dueAt: '2027-01-08T17:00:00.000Z', breachedAt: '2026-12-15T23:59:59.999Z' });
    expect(detail.case.extensions[0]?.breachedAt).toBe('2026-12-15T23:59:59.999Z');
    expect(detail.timeline.find((entry) => entry.kind === 'extension')?.data).toMatchObject({ breachedAt: '2026-12-15T23:59:59.999Z' });
    const ids = async (deadlineFilter: 'breached' | 'breached-then-extended') =>
      (await t.call('cases.list', { filters: { deadline: deadlineFilter } })).items.map((item) => item.id);
    expect(await ids('breached-then-extended')).toEqual([caseId]);
    expect(await ids('breached')).toEqual([]);
    expect((await t.call('cases.list', { filters: { open: true } })).items[0]?.nextDeadline).toMatchObject({ breachedAt: '2026-12-15T23:59:59.999Z' });
    // Resolved well before the extended deadline, it still counts as a missed deadline.
    const resolved = await t.call('cases.act', {
      caseId,
      action: {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-12-16T09:50:00.000Z',
        channel: 'email',
        summary: 'Sorted',
        outcome: 'not-upheld',
      },
    });
    const stage1 = deadline(resolved, 'stage1Resolution');
    expect(stage1 && deadlineState({ ...stage1, warnAt: stage1.dueAt }, t.clock.now())).toBe('met-late');
    expect(await ids('breached-then-extended')).toEqual([caseId]);
  });

  it('leaves no breach when the extension is recorded before the deadline (issue 18)', async () => {
    t.clock.set('2026-12-10T10:00:00.000Z');
    const caseId = await investigating();
    const detail = await t.call('cases.act', {
      caseId,
      action: { type: 'extendDeadline', at: '2026-12-10T09:00:00.000Z', newDueAt: '2027-01-08T17:00:00.000Z', reason: 'Lab', approverId: t.me() },
    });
    expect(deadline(detail, 'stage1Resolution')).not.toHaveProperty('breachedAt');
    expect(detail.case.extensions[0]).not.toHaveProperty('breachedAt');
    expect((await t.call('cases.list', { filters: { deadline: 'breached-then-extended' } })).items).toEqual([]);
  });

  it('must move the deadline later', async () => {
    const caseId = await investigating();
    const error = await t.fail('cases.act', {
      caseId,
      action: { type: 'extendDeadline', at: '2026-12-14T10:00:00.000Z', newDueAt: '2026-12-02T17:00:00.000Z', reason: 'x', approverId: t.me() },
    });
    expect(error.issues[0]).toMatchObject({ path: 'action.newDueAt', code: 'not_later' });
  });
});

describe('reopening', () => {
  it('a closed case goes back to investigation with a new resolution deadline and the reason in the timeline', async () => {
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-12-01T09:30:00.000Z' });
    for (const action of [
      { type: 'acknowledge', at: '2026-12-01T10:00:00.000Z', channel: 'email' },
      { type: 'startInvestigation', at: '2026-12-01T11:00:00.000Z' },
      {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-12-02T11:00:00.000Z',
        channel: 'email',
        summary: 'Sorted',
        outcome: 'not-upheld',
      },
      { type: 'close', at: '2026-12-02T12:00:00.000Z' },
    ] as const) {
      await t.call('cases.act', { caseId, action });
    }
    const detail = await t.call('cases.act', { caseId, action: { type: 'reopen', at: '2026-12-16T09:00:00.000Z', reason: 'New evidence from the customer' } });
    expect(detail.case).toMatchObject({ status: 'investigating', closedAt: null, open: true });
    // 10 working days from Wednesday 16 December 2026, skipping 25 and 28 December and 1 January.
    expect(deadline(detail, 'stage1Resolution')).toMatchObject({ dueAt: '2027-01-04T23:59:59.999Z', metAt: null });
    expect(detail.timeline.filter((entry) => entry.kind === 'transition').at(-1)).toMatchObject({
      data: { action: 'reopen', details: 'New evidence from the customer' },
    });
    expect(detail.timeline.filter((entry) => entry.kind === 'audit').map((entry) => (entry.data as { field: string }).field)).toContain(
      'clock.stage1ReopenedAt',
    );
  });
});
