/**
 * The conflict handlers on a real database: a case conflict is resolved with its derived fields
 * recomputed and one conflict record per field, however often the same conflict is resolved
 * (a retry after a crash); a deletion gives way to a concurrent edit, and stands otherwise.
 */
import type { RxConflictHandler, RxDatabase, WithDeleted } from 'rxdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDocument } from '../domain/collections';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';
import { stampChangedGroups } from '../domain/case-field-groups';
import { conflictHandlersFor } from './conflict-handlers';

let t: TestDomain;
let handler: RxConflictHandler<CaseDocument>;
let base: WithDeleted<CaseDocument>;

beforeAll(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
  const database = t.services.domain?.db as unknown as RxDatabase;
  const found = conflictHandlersFor(database, t.clock)<CaseDocument>('cases');
  if (!found) throw new Error('No case conflict handler');
  handler = found;
  const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-20T10:00:00.000Z' });
  const document = await t.services.domain?.db.cases.findOne(caseId).exec();
  base = { ...(document?.toJSON() as CaseDocument), _deleted: false };
});

afterAll(async () => {
  await t.close();
});

const ann = { id: 'ann', name: 'Ann' };
const bob = { id: 'bob', name: 'Bob' };
function edited(from: WithDeleted<CaseDocument>, changes: Partial<CaseDocument>, at: string, by: { id: string; name: string }): WithDeleted<CaseDocument> {
  const { _deleted, ...plain } = from;
  return { ...stampChangedGroups(plain, { ...plain, ...changes, updatedAt: at, updatedBy: by } as CaseDocument, { at, by }), _deleted };
}

describe('the case conflict handler', () => {
  it('merges, recomputes the deadlines and records the conflict once, however often it runs', async () => {
    const local = edited(
      base,
      {
        summary: 'From Ann',
        status: 'acknowledged',
        acknowledgement: { at: '2026-11-21T09:00:00.000Z', channel: 'email', by: ann },
        clock: { receivedAt: base.receivedAt, acknowledgedAt: '2026-11-21T09:00:00.000Z' },
      },
      '2026-11-23T10:00:00.000Z',
      ann,
    );
    const server = edited(base, { summary: 'From Bob' }, '2026-11-23T10:05:00.000Z', bob);
    const input = { assumedMasterState: base, realMasterState: server, newDocumentState: local };
    const resolved = await handler.resolve(input, 'test');
    await handler.resolve(input, 'test');
    expect(resolved).toMatchObject({ summary: 'From Bob', status: 'acknowledged', _deleted: false });
    expect(resolved.deadlines.find((deadline) => deadline.kind === 'acknowledgement')?.metAt).toBe('2026-11-21T09:00:00.000Z');
    const { timeline } = await t.call('cases.get', { caseId: base.id });
    expect(timeline.filter((entry) => entry.kind === 'conflict').map((entry) => entry.data)).toEqual([
      {
        field: 'summary',
        kept: { value: 'From Bob', at: '2026-11-23T10:05:00.000Z', by: bob },
        discarded: { value: 'From Ann', at: '2026-11-23T10:00:00.000Z', by: ann },
        rule: 'later-edit',
      },
    ]);
  });

  it('a deletion gives way to an edit made meanwhile, and stands against an unchanged copy', async () => {
    const deleted = { ...base, _deleted: true };
    const edit = edited(base, { summary: 'Still needed' }, '2026-11-23T11:00:00.000Z', bob);
    expect(await handler.resolve({ assumedMasterState: base, realMasterState: edit, newDocumentState: deleted }, 'test')).toMatchObject({
      summary: 'Still needed',
      _deleted: false,
    });
    expect(await handler.resolve({ assumedMasterState: base, realMasterState: base, newDocumentState: deleted }, 'test')).toMatchObject({ _deleted: true });
  });
});
