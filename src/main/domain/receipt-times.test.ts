/**
 * When a complaint was received (P-3.2) and which dates the API takes at all (issue 11).
 *
 * P-3.2 product decision: the clock starts when the complaint was received; when only the day is
 * known, at office opening that day, or now if that is earlier (today's early post). A letter
 * about a case cannot be placed before the case was received, so one received on the day the
 * case was logged is placed no earlier than the case's receipt.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from './test-support';

let t: TestDomain;
afterEach(async () => {
  await t.close();
});

const sender = { name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };

async function caseCount(): Promise<number> {
  return t.services.domain!.db.cases.count().exec();
}

describe('dates outside any plausible complaint are refused at the field (not INTERNAL)', () => {
  it.each([
    ['receivedOn', { receivedOn: '1969-12-31' }],
    ['receivedOn', { receivedOn: '0001-01-01' }],
    ['receivedOn', { receivedOn: '1899-05-01' }],
    ['receivedAt', { receivedAt: '1969-07-20T20:17:00Z' }],
    ['receivedAt', { receivedAt: '0001-01-01T00:00:00Z' }],
    ['receivedOn', { receivedOn: '9999-12-31' }],
    ['receivedAt', { receivedAt: '2999-01-01T00:00:00+01:00' }],
  ])('cases.create with %s %j', async (path, when) => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const error = await t.fail('cases.create', { ...phoneComplaint, ...when });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.find((issue) => issue.path === path)?.message, JSON.stringify(error)).toMatch(/2000.*2099/);
    expect(await caseCount()).toBe(0);
  });

  it.each([
    ['receivedOn', { receivedOn: '1969-12-31' }],
    ['letterDate', { receivedOn: '2026-11-24', letterDate: '0001-01-01' }],
  ])('post.logIncoming with %s %j', async (path, when) => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const error = await t.fail('post.logIncoming', { sender, kind: 'new-complaint', type: 'product', summary: 'Old letter', ...when });
    expect(error.issues.find((issue) => issue.path === path)?.message, JSON.stringify(error)).toMatch(/2000.*2099/);
    expect(await caseCount()).toBe(0);
  });

  it('workflow times and notes are bounded too', async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
    const act = await t.fail('cases.act', { caseId, action: { type: 'acknowledge', at: '1960-01-01T00:00:00Z', channel: 'email' } });
    expect(act.issues[0]).toMatchObject({ path: 'action.at', message: expect.stringMatching(/2000.*2099/) });
    const note = await t.fail('cases.addNote', { caseId, at: '0001-01-01T00:00:00Z', text: 'x' });
    expect(note.issues[0]).toMatchObject({ path: 'at' });
  });

  it('the first and last accepted days work end to end', async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    await t.call('cases.create', { ...phoneComplaint, receivedOn: '2000-01-04' });
    expect(await caseCount()).toBe(1);
  });
});

describe('P-3.2: the clock starts at office opening on the day received, or now if that is earlier', () => {
  it("cases.create with today's date before office opening starts the clock now", async () => {
    t = await startTestDomain('2026-11-25T08:30:00.000Z'); // Wednesday, before 09:00 in London
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedOn: '2026-11-25' });
    expect((await t.call('cases.get', { caseId })).case.receivedAt.slice(0, 16)).toBe('2026-11-25T08:30');
  });

  it("cases.create with today's date after opening starts the clock at opening", async () => {
    t = await startTestDomain('2026-11-25T15:00:00.000Z');
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedOn: '2026-11-25' });
    expect((await t.call('cases.get', { caseId })).case.receivedAt).toBe('2026-11-25T09:00:00.000Z');
  });

  it('summer time: opening is 09:00 office time (08:00 UTC)', async () => {
    t = await startTestDomain('2026-06-10T12:00:00.000Z');
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedOn: '2026-06-09' });
    expect((await t.call('cases.get', { caseId })).case.receivedAt).toBe('2026-06-09T08:00:00.000Z');
  });
});

describe('same-day correspondence (P-3.2)', () => {
  /** Logs a letter received on 25 November quoting the case's reference; when its timeline entry stands. */
  async function correspondenceEntryAt(caseId: string, reference: string): Promise<string | undefined> {
    const letter = await t.call('post.logIncoming', {
      receivedOn: '2026-11-25',
      sender,
      referenceQuoted: reference,
      kind: 'correspondence',
      summary: 'Sends the receipt',
    });
    const entry = (await t.call('cases.get', { caseId })).timeline.find((candidate) => (candidate.data as { letterId?: string }).letterId === letter.id);
    return entry?.at;
  }

  it('a letter received on the day a case was logged after opening goes on its timeline, not before the case', async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-25T11:00:00.000Z' });
    t.clock.set('2026-11-25T14:00:00.000Z');
    expect(await correspondenceEntryAt(caseId, reference)).toBe('2026-11-25T11:00:00.000Z');
  });

  it('a letter received on a later day keeps office opening of that day', async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T15:00:00.000Z' });
    expect(await correspondenceEntryAt(caseId, reference)).toBe('2026-11-25T09:00:00.000Z');
  });

  it('a letter received on a day before the case was received is refused at the date received, and nothing is saved', async () => {
    t = await startTestDomain('2026-11-25T11:00:00.000Z');
    const { reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T15:00:00.000Z' });
    const error = await t.fail('post.logIncoming', {
      receivedOn: '2026-11-23',
      sender,
      referenceQuoted: reference,
      kind: 'correspondence',
      summary: 'Sends the receipt',
    });
    expect(error.issues[0]).toMatchObject({ path: 'receivedOn', message: expect.stringMatching(/received on 2026-11-24.*cannot have arrived before/) });
    expect(await t.call('post.list', {})).toEqual([]);
  });

  it('an escalation request received on the day of the case is recorded', async () => {
    t = await startTestDomain('2026-11-25T10:00:00.000Z');
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-25T10:00:00.000Z' });
    t.clock.set('2026-11-25T10:30:00.000Z');
    for (const action of [
      { type: 'acknowledge', at: '2026-11-25T10:10:00.000Z', channel: 'email' },
      { type: 'startInvestigation', at: '2026-11-25T10:15:00.000Z' },
      {
        type: 'communicateResolution',
        rootCauseId: 'courier-handling',
        at: '2026-11-25T10:20:00.000Z',
        channel: 'email',
        summary: 'Sorted',
        outcome: 'not-upheld',
      },
    ] as const)
      await t.call('cases.act', { caseId, action });
    t.clock.set('2026-11-25T16:00:00.000Z');
    await t.call('post.logIncoming', { receivedOn: '2026-11-25', sender, referenceQuoted: reference, kind: 'escalation-request', summary: 'Not happy' });
    const escalated = (await t.call('cases.get', { caseId })).case;
    expect(escalated).toMatchObject({ stage: 2, status: 'escalation-requested' });
    expect(Date.parse(escalated.escalation!.requestedAt)).toBeGreaterThanOrEqual(Date.parse('2026-11-25T10:20:00.000Z'));
  });
});
