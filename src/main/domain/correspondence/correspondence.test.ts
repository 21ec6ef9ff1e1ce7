/**
 * Issue 18: post that arrives about an existing case. It marks the case unread for its assignee
 * (until they open it) and the notifier tells them at once, in the centre and on the desktop; on a
 * closed case it raises "new correspondence on a closed case" for the assignee or a manager, who
 * decides reopen (P-4.1, a manager's decision), escalate (P-4.2) or no action, with a reason on the
 * timeline.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DesktopNotification } from '../../notifier/deadline-notifier';
import { SEED_ADMIN } from '../../identity/seed-account';
import { phoneComplaint, startTestDomain, testViewer, type TestDomain } from '../test-support';

let t: TestDomain;
let shown: DesktopNotification[];
beforeEach(async () => {
  shown = [];
  t = await startTestDomain('2026-11-25T11:00:00.000Z', undefined, { sink: { show: (notification) => shown.push(notification) } }); // Wednesday, office hours
});
afterEach(async () => {
  await t.close();
});

const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };

/** The clerk logs a letter quoting the case's reference, then the assignee is signed in again. */
async function clerkLogsLetter(reference: string, assigneeLogin: string, summary = 'Sends photos'): Promise<void> {
  await t.signInAs('clerk');
  await t.call('post.logIncoming', { receivedOn: '2026-11-25', sender, referenceQuoted: reference, kind: 'correspondence', summary });
  await t.signInAs(assigneeLogin, assigneeLogin === 'admin' ? SEED_ADMIN.password : undefined);
}

async function closedCase(assigneeId: string, departments: string[] = []) {
  const created = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z', assigneeId, departments });
  const act = (action: Parameters<typeof t.call<'cases.act'>>[1]['action']) => t.call('cases.act', { caseId: created.caseId, action });
  await act({ type: 'acknowledge', at: '2026-11-20T11:00:00.000Z', channel: 'email' });
  await act({ type: 'startInvestigation', at: '2026-11-20T11:00:00.000Z' });
  await act({
    type: 'communicateResolution',
    rootCauseId: 'courier-handling',
    at: '2026-11-21T09:00:00.000Z',
    channel: 'email',
    summary: 'Refund agreed',
    outcome: 'upheld',
    redress: [],
  });
  await act({ type: 'close', at: '2026-11-21T10:00:00.000Z' });
  return created;
}

describe('new correspondence on an open case (issue 18)', () => {
  it('marks the case unread for its assignee only, tells them at once, and opening the case clears it', async () => {
    await t.addAccount({ name: 'Colin Clerk', login: 'clerk', roles: ['clerk'] });
    const amira = await t.addAccount({ name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z', assigneeId: amira });
    await t.signInAs('amira');
    await t.call('cases.markSeen', { caseId });
    expect((await t.call('cases.unread', {})).caseIds).toEqual([]);

    await clerkLogsLetter(reference, 'amira');
    expect((await t.call('cases.unread', {})).caseIds).toEqual([caseId]);
    expect(await t.call('cases.correspondence', { caseId })).toMatchObject({ unread: true, awaitingDecision: [] });
    // Not unread for someone who is not the assignee.
    const manager = testViewer('someone-else', ['manager']);
    expect((await t.callAs(manager, 'cases.unread', {})).caseIds).toEqual([]);

    // Told at once: the in-app centre and the desktop notification path.
    await t.services.notifier!.recompute();
    const told = async () => (await t.call('notifications.list', {})).items.filter((item) => item.level === 'new-post');
    expect(await told()).toEqual([expect.objectContaining({ title: `New correspondence: ${reference}`, path: `/case/${caseId}` })]);
    expect(shown.filter((item) => item.level === 'new-post')).toEqual([expect.objectContaining({ title: `New correspondence: ${reference}` })]);
    await t.services.notifier!.recompute();
    expect(await told()).toHaveLength(1); // told once

    expect(await t.call('cases.markSeen', { caseId })).toMatchObject({ unread: false });
    expect((await t.call('cases.unread', {})).caseIds).toEqual([]);
  });
});

describe('new correspondence for a busy caseworker (issue 18, at scale)', () => {
  // Beyond 50 cases the arrivals are found in one pass over the timeline instead of case by case.
  it('finds the one case with new post among 60 assigned, for the marker and the notification', async () => {
    await t.addAccount({ name: 'Colin Clerk', login: 'clerk', roles: ['clerk'] });
    const amira = await t.addAccount({ name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
    const created = [];
    for (let index = 0; index < 60; index += 1)
      created.push(await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z', assigneeId: amira }));
    const target = created[41]!;
    await clerkLogsLetter(target.reference, 'amira');
    expect((await t.call('cases.unread', {})).caseIds).toEqual([target.caseId]);
    await t.services.notifier!.recompute();
    const told = (await t.call('notifications.list', {})).items.filter((item) => item.level === 'new-post');
    expect(told).toEqual([expect.objectContaining({ path: `/case/${target.caseId}` })]);
  });
});

describe('new correspondence on a closed case (issue 18)', () => {
  beforeEach(async () => {
    await t.addAccount({ name: 'Colin Clerk', login: 'clerk', roles: ['clerk'] });
  });

  it('waits for a decision, is told to the assignee as such, and "no action" needs a reason and is recorded', async () => {
    const amira = await t.addAccount({ name: 'Amira Hassan', login: 'amira', roles: ['caseworker'] });
    const { caseId, reference } = await closedCase(amira);
    await clerkLogsLetter(reference, 'amira', 'Still no refund');
    const waiting = await t.call('cases.correspondence', { caseId });
    expect(waiting).toMatchObject({ mayDecide: true, awaitingDecision: [expect.objectContaining({ summary: 'Still no refund', channel: 'letter' })] });
    await t.services.notifier!.recompute();
    expect((await t.call('notifications.list', {})).items.filter((item) => item.level === 'closed-case-post')).toEqual([
      expect.objectContaining({ title: `New correspondence on a closed case: ${reference}` }),
    ]);

    const entryId = waiting.awaitingDecision[0]!.entryId;
    const noReason = await t.fail('cases.decideCorrespondence', { caseId, entryId, decision: 'no-action', reason: '' });
    expect(noReason.issues[0]).toMatchObject({ path: 'reason' });
    // P-4.1: a caseworker cannot reopen; nothing changes.
    const refused = await t.fail('cases.decideCorrespondence', { caseId, entryId, decision: 'reopen', reason: 'Customer still unhappy' });
    expect(refused.issues[0]).toMatchObject({ code: 'reopen_needs_manager' });
    expect((await t.call('cases.get', { caseId })).case.status).toBe('closed');

    const detail = await t.call('cases.decideCorrespondence', { caseId, entryId, decision: 'no-action', reason: 'Thank-you letter, nothing to do' });
    expect(detail.case.status).toBe('closed');
    expect(detail.timeline.find((entry) => entry.kind === 'correspondence-decision')).toMatchObject({
      data: { entryId, decision: 'no-action', reason: 'Thank-you letter, nothing to do' },
    });
    expect((await t.call('cases.correspondence', { caseId })).awaitingDecision).toEqual([]);
    const again = await t.fail('cases.decideCorrespondence', { caseId, entryId, decision: 'no-action', reason: 'Twice' });
    expect(again.issues[0]).toMatchObject({ code: 'no_decision_waiting' });
  });

  it('a manager reopens it, or it is escalated as the customer’s request (P-4.2); someone else may not decide', async () => {
    const admin = t.me();
    const first = await closedCase(admin, ['Billing']);
    const second = await closedCase(admin);
    await t.signInAs('clerk');
    await t.call('post.logIncoming', { receivedOn: '2026-11-25', sender, referenceQuoted: first.reference, kind: 'correspondence', summary: 'Still broken' });
    await t.call('post.logIncoming', {
      receivedOn: '2026-11-25',
      sender,
      referenceQuoted: second.reference,
      kind: 'correspondence',
      summary: 'I want a review',
    });
    await t.signInAs('admin', SEED_ADMIN.password);
    const entryOf = async (caseId: string) => (await t.call('cases.correspondence', { caseId })).awaitingDecision[0]!.entryId;

    // A caseworker who is not the assignee may not decide.
    const other = testViewer('not-the-assignee', ['caseworker'], ['Billing']);
    const refused = await t.failAs(other, 'cases.decideCorrespondence', {
      caseId: first.caseId,
      entryId: await entryOf(first.caseId),
      decision: 'no-action',
      reason: 'Mine now',
    });
    expect(refused.issues[0]).toMatchObject({ code: 'not_assignee_or_manager' });

    const reopened = await t.call('cases.decideCorrespondence', {
      caseId: first.caseId,
      entryId: await entryOf(first.caseId),
      decision: 'reopen',
      reason: 'The fault came back',
    });
    expect(reopened.case.status).toBe('investigating');
    expect(reopened.timeline.find((entry) => entry.kind === 'correspondence-decision')).toMatchObject({
      data: { decision: 'reopen', reason: 'The fault came back' },
    });

    const escalated = await t.call('cases.decideCorrespondence', {
      caseId: second.caseId,
      entryId: await entryOf(second.caseId),
      decision: 'escalate',
      reason: 'Asks for a review',
    });
    expect(escalated.case).toMatchObject({ stage: 2, status: 'escalation-requested' });
    expect((await t.call('cases.correspondence', { caseId: second.caseId })).awaitingDecision).toEqual([]);
  });
});
