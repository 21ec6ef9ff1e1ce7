/** Issue 16, P-4.1 step 1, P-4.4: third-party inquiries by kind of party, with known answers. */
import { describe, expect, it } from 'vitest';
import { london } from './test-support';
import { thirdPartyReport } from './third-parties';

describe('third parties', () => {
  const now = new Date('2026-12-01T12:00:00.000Z');
  const rows = thirdPartyReport(
    [
      // Answered 3 working days later (Tue → Fri).
      { caseId: 'A', inquiryId: 'i1', partyKind: 'supplier', at: '2026-11-03T10:00:00.000Z', dueAt: '2026-11-10T17:00:00.000Z' },
      // Answered 1 working day later (Fri → Mon).
      { caseId: 'B', inquiryId: 'i2', partyKind: 'supplier', at: '2026-11-06T10:00:00.000Z', dueAt: null },
      // Unanswered, due 20 November: overdue now.
      { caseId: 'B', inquiryId: 'i3', partyKind: 'supplier', at: '2026-11-13T10:00:00.000Z', dueAt: '2026-11-20T17:00:00.000Z' },
      // Unanswered, due next week: not overdue.
      { caseId: 'C', inquiryId: 'i4', partyKind: 'testing-laboratory', at: '2026-11-30T10:00:00.000Z', dueAt: '2026-12-07T17:00:00.000Z' },
    ],
    [
      { inquiryId: 'i1', at: '2026-11-06T15:00:00.000Z' },
      { inquiryId: 'i2', at: '2026-11-09T09:00:00.000Z' },
    ],
    london,
    now,
  );
  const row = (kind: string) => rows.find((candidate) => candidate.kind === kind);

  it('counts inquiries, the cases that sent them, answers and their median time in working days', () => {
    expect(row('supplier')).toMatchObject({ inquiries: 3, sent: { count: 2 }, answered: { count: 2 }, medianAnswerWorkingDays: 1 });
    expect([...(row('supplier')?.answered.caseIds ?? [])].sort()).toEqual(['A', 'B']);
  });

  it('an unanswered inquiry past its answer date is overdue; one not yet due is not', () => {
    expect(row('supplier')?.overdue.caseIds).toEqual(['B']);
    expect(row('testing-laboratory')).toMatchObject({ inquiries: 1, overdue: { count: 0 }, medianAnswerWorkingDays: null });
    expect(row('warehouse')).toMatchObject({ inquiries: 0, sent: { count: 0 } });
  });
});
