/**
 * Reading cases through the API: list filters (status, stage, type, channel, assignee, dates,
 * breached, due soon), sorts and paging, text search (accent-insensitive, reference prefixes),
 * quick search with check-character validation, view counts, duplicate hints, the audit trail,
 * live change events, and bad input refused at the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatReference } from '../../shared/reference/reference-number';
import { unwrapSqliteInstance } from '../storage';
import { phoneComplaint, startTestDomain, type TestDomain } from './test-support';

let t: TestDomain;
const ids: Record<string, string> = {};
const references: Record<string, string> = {};

beforeAll(async () => {
  t = await startTestDomain('2026-11-20T09:00:00.000Z');
  const settings = await t.call('settings.get', {});
  const me = settings.staff[0]!;
  const create = async (key: string, overrides: Record<string, unknown>) => {
    const { caseId, reference } = await t.call('cases.create', { ...phoneComplaint, ...overrides } as never);
    ids[key] = caseId;
    references[key] = reference;
  };
  await create('janis', { receivedAt: '2026-11-16T10:00:00.000Z' });
  await create('anna', {
    complainant: {
      name: 'Anna Smith',
      email: 'anna@example.org',
      preferredChannel: 'email',
      address: { lines: ['1 High Street', 'London'], postcode: 'W1H 1PJ', country: 'GB' },
    },
    channel: 'letter',
    type: 'billing',
    summary: 'Charged twice for one order',
    receivedAt: '2026-11-18T10:00:00.000Z',
    assigneeId: me.id,
  });
  await create('zoe', {
    complainant: { name: 'Zoë Brown', email: 'zoe@example.org', preferredChannel: 'email' },
    channel: 'email',
    type: 'service',
    summary: 'Courier was rude',
    receivedAt: '2026-11-19T15:00:00.000Z',
  });
  await t.call('cases.act', { caseId: ids['anna']!, action: { type: 'acknowledge', at: '2026-11-18T11:00:00.000Z', channel: 'email' } });
});

afterAll(async () => {
  await t.close();
});

const listIds = async (input: Parameters<TestDomain['call']>[1] & object) => (await t.call('cases.list', input as never)).items.map((item) => item.id);

describe('list filters', () => {
  it('by status, type, channel, assignee and received dates', async () => {
    expect(await listIds({ filters: { statuses: ['acknowledged'] } })).toEqual([ids['anna']]);
    expect(await listIds({ filters: { types: ['service'] } })).toEqual([ids['zoe']]);
    expect(await listIds({ filters: { channels: ['telephone'] } })).toEqual([ids['janis']]);
    const me = t.me();
    expect(await listIds({ filters: { assigneeIds: [me] } })).toEqual([ids['anna']]);
    expect((await listIds({ filters: { assigneeIds: [''] } })).sort()).toEqual([ids['janis'], ids['zoe']].sort());
    expect((await listIds({ filters: { receivedFrom: '2026-11-18', receivedTo: '2026-11-19' } })).sort()).toEqual([ids['anna'], ids['zoe']].sort());
    expect(await listIds({ filters: { receivedTo: '2026-11-16' } })).toEqual([ids['janis']]);
  });

  it('by deadline state: breached and due soon, at the time of asking', async () => {
    // Now 20 Nov 09:00. Janis: ack due 18 Nov 10:00 (breached). Zoë: ack due 21 Nov 15:00 (due soon from 20 Nov 15:00).
    expect(await listIds({ filters: { deadline: 'breached' } })).toEqual([ids['janis']]);
    expect(await listIds({ filters: { deadline: 'due-soon' } })).toEqual([]);
    t.clock.set('2026-11-20T16:00:00.000Z');
    expect(await listIds({ filters: { deadline: 'due-soon' } })).toEqual([ids['zoe']]);
    t.clock.set('2026-11-20T09:00:00.000Z');
  });

  it('sorts by any column, both ways, and pages', async () => {
    expect(await listIds({ sort: { field: 'receivedAt', direction: 'desc' } })).toEqual([ids['zoe'], ids['anna'], ids['janis']]);
    expect(await listIds({ sort: { field: 'complainant', direction: 'asc' } })).toEqual([ids['anna'], ids['janis'], ids['zoe']]);
    expect(await listIds({ sort: { field: 'nextDueAt', direction: 'asc' } })).toEqual([ids['janis'], ids['zoe'], ids['anna']]);
    const page = await t.call('cases.list', { sort: { field: 'receivedAt', direction: 'asc' }, offset: 1, limit: 1 });
    expect(page).toMatchObject({ total: 3, offset: 1, items: [{ id: ids['anna'] }] });
  });
});

describe('text search', () => {
  it('finds names without accents, summaries, e-mail and reference prefixes', async () => {
    expect(await listIds({ search: 'berzins' })).toEqual([ids['janis']]);
    expect(await listIds({ search: 'zoe' })).toEqual([ids['zoe']]);
    expect(await listIds({ search: 'charged twice' })).toEqual([ids['anna']]);
    expect(await listIds({ search: 'anna@example.org' })).toEqual([ids['anna']]);
    expect(await listIds({ search: references['zoe']!.slice(0, 7) })).toContain(ids['zoe']);
    expect(await listIds({ search: 'berzins', filters: { statuses: ['closed'] } })).toEqual([]);
  });

  it('quick search jumps to a reference only when its check character is right', async () => {
    const reference = references['anna']!;
    expect((await t.call('cases.quickSearch', { query: reference.toLowerCase() })).hits[0]).toMatchObject({ id: ids['anna'], matchedBy: 'reference' });
    const wrongCheck = reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
    expect(await t.call('cases.quickSearch', { query: wrongCheck })).toEqual({ hits: [], referenceProblem: 'check-failed' });
    expect((await t.call('cases.quickSearch', { query: 'Smith' })).hits.map((hit) => hit.id)).toEqual([ids['anna']]);
    expect(await t.call('cases.quickSearch', { query: formatReference('ZZZZ', 1) })).toEqual({ hits: [], referenceProblem: null });
  });
});

describe('view counts and duplicate hints', () => {
  it('counts several views in one call', async () => {
    const counts = await t.call('cases.count', {
      views: { open: { open: true }, breached: { deadline: 'breached' }, closed: { open: false }, stage2: { stages: [2] } },
    });
    expect(counts).toEqual({ open: 3, breached: 1, closed: 0, stage2: 0 });
  });

  it('offers open cases of the same complainant by e-mail, phone or name and postcode', async () => {
    expect((await t.call('cases.findDuplicates', { email: 'ANNA@example.org' })).map((item) => item.id)).toEqual([ids['anna']]);
    expect((await t.call('cases.findDuplicates', { phone: '+37120000000' })).map((item) => item.id)).toEqual([ids['janis']]);
    expect((await t.call('cases.findDuplicates', { name: 'anna smith', postcode: 'w1h1pj' })).map((item) => item.id)).toEqual([ids['anna']]);
    expect(await t.call('cases.findDuplicates', { name: 'anna smith', postcode: 'SW1A 1AA' })).toEqual([]);
  });
});

describe('editing details and the audit trail', () => {
  it('records who changed which field from what to what', async () => {
    const caseId = ids['zoe']!;
    const detail = await t.call('cases.updateDetails', {
      caseId,
      changes: { complainant: { name: 'Zoë Brown', email: 'zoe.brown@example.org', preferredChannel: 'email' }, product: 'Courier delivery' },
    });
    const audit = detail.timeline.filter((entry) => entry.kind === 'audit').map((entry) => entry.data);
    expect(audit).toEqual(
      expect.arrayContaining([
        { field: 'complainant.email', before: 'zoe@example.org', after: 'zoe.brown@example.org' },
        { field: 'product', before: 'Blood pressure monitor', after: 'Courier delivery' },
      ]),
    );
    expect(detail.timeline.find((entry) => entry.kind === 'audit')?.by.name).toBe('Administrator');
    const assigned = await t.call('cases.assign', { caseId, assigneeId: t.me() });
    expect(assigned.timeline.filter((entry) => entry.kind === 'audit').map((entry) => (entry.data as { field: string }).field)).toContain('assignee');
  });

  it('refuses bad input at the field and changes nothing', async () => {
    const caseId = ids['janis']!;
    const before = await t.call('cases.get', { caseId });
    expect((await t.fail('cases.updateDetails', { caseId, changes: {} })).code).toBe('VALIDATION_FAILED');
    expect((await t.fail('cases.updateDetails', { caseId, changes: { type: 'no-such-type' } })).issues[0]).toMatchObject({ path: 'changes.type' });
    expect((await t.fail('cases.updateDetails', { caseId, changes: { receivedAt: '2030-01-01T00:00:00.000Z' } })).issues[0]).toMatchObject({
      path: 'changes.receivedAt',
      code: 'future_time',
    });
    expect((await t.fail('cases.updateDetails', { caseId, changes: { relatedCaseIds: [caseId] } })).issues[0]).toMatchObject({
      path: 'changes.relatedCaseIds',
    });
    expect((await t.fail('cases.assign', { caseId, assigneeId: 'ghost' })).issues[0]).toMatchObject({ path: 'assigneeId', code: 'not_found' });
    expect(await t.call('cases.get', { caseId })).toEqual(before);
  });
});

describe('creating a case: bad input is refused at the field', () => {
  it.each([
    ['an unknown complaint type', { type: 'nonsense' }, 'type'],
    ['a future time of receipt', { receivedAt: '2027-01-01T00:00:00.000Z' }, 'receivedAt'],
    ['both a time and a date of receipt', { receivedAt: '2026-11-19T10:00:00.000Z', receivedOn: '2026-11-19' }, 'receivedAt'],
    ['an impossible date', { receivedOn: '2026-02-30' }, 'receivedOn'],
    ['an empty name', { complainant: { ...phoneComplaint.complainant, name: '  ' } }, 'complainant.name'],
    ['a bad e-mail address', { complainant: { ...phoneComplaint.complainant, email: 'not-an-email' } }, 'complainant.email'],
    ['no phone when phone is preferred', { complainant: { name: 'A', preferredChannel: 'telephone' } }, 'complainant.phone'],
    ['an unknown assignee', { assigneeId: 'nobody' }, 'assigneeId'],
    ['an unknown related case', { relatedCaseIds: ['missing'] }, 'relatedCaseIds'],
  ])('%s', async (_label, overrides, path) => {
    const before = (await t.call('cases.list', {})).total;
    const input = { ...phoneComplaint, receivedAt: '2026-11-19T10:00:00.000Z', ...overrides };
    const error = await t.fail('cases.create', input);
    expect(error.issues.map((issue) => issue.path)).toContain(path);
    expect((await t.call('cases.list', {})).total).toBe(before);
  });
});

describe('live updates and persistence', () => {
  it('publishes cases.changed for the case that changed, once per burst', async () => {
    const seen: string[][] = [];
    const waiters: { caseId: string; resolve: () => void }[] = [];
    const stop = t.services.events.listenAll((channel, payload) => {
      if (channel !== 'cases.changed') return;
      const caseIds = [...(payload as { caseIds: string[] }).caseIds];
      seen.push(caseIds);
      for (const waiter of waiters.filter((candidate) => caseIds.includes(candidate.caseId))) waiter.resolve();
    });
    const announced = (caseId: string) => new Promise<void>((resolve) => waiters.push({ caseId, resolve }));
    // Earlier writes' bursts come out before this marker's: start counting after it.
    const marker = announced(ids['anna']!);
    await t.call('cases.addNote', { caseId: ids['anna']!, text: 'Marker' });
    await marker;
    seen.length = 0;
    const note = announced(ids['janis']!);
    await t.call('cases.addNote', { caseId: ids['janis']!, text: 'Called the customer back' });
    await note;
    // A second burst after the note's would come out before this one's.
    const after = announced(ids['anna']!);
    await t.call('cases.addNote', { caseId: ids['anna']!, text: 'Marker' });
    await after;
    stop();
    expect(seen).toEqual([[ids['janis']], [ids['anna']]]);
  });

  it('keeps every case, entry and setting across a restart', async () => {
    const before = await t.call('cases.get', { caseId: ids['anna']! });
    await t.restart();
    expect(await t.call('cases.get', { caseId: ids['anna']! })).toEqual(before);
    expect((await t.call('cases.quickSearch', { query: 'berzins' })).hits).toHaveLength(1);
  });
});

describe("sorting a broad list uses the sort column's index", () => {
  it('gives the same order with the index hint as without, both directions, with filters', async () => {
    const { sortFor, sortIndexFor } = await import('./case-queries');
    const db = t.services.domain!.db;
    for (const field of ['reference', 'complainant', 'receivedAt', 'status', 'type', 'channel', 'assignee', 'stage', 'nextDueAt'] as const) {
      for (const direction of ['asc', 'desc'] as const) {
        const filters = { open: true };
        const selector = await t.services.domain!.queries.selectorFor(filters);
        const index = sortIndexFor(field, filters);
        const plain = (await db.cases.find({ selector, sort: sortFor(field, direction) }).exec()).map((d) => d.id);
        const query = db.cases.find({ selector, sort: sortFor(field, direction), ...(index ? { index } : {}) });
        const hinted = (await query.exec()).map((d) => d.id);
        expect(hinted, `${field} ${direction}`).toEqual(plain);
        // The hint names a real index: SQLite searches it (forwards or backwards), no table scan, no sort.
        const plan = unwrapSqliteInstance(db.cases.storageInstance)!
          .explainQuery(query.getPreparedQuery() as never)
          .join(' | ');
        expect(plan, `${field} ${direction}`).toMatch(/SEARCH .* USING (COVERING )?INDEX/);
        expect(plan, `${field} ${direction}`).not.toMatch(/TEMP B-TREE/);
      }
    }
  });
});
