/**
 * Issue 18: an audit entry in the subject-access review and export summary reads as words, not a
 * field path and JSON (`externalReferral: — → {"signpostedAt":…}`).
 */
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/domain/records';
import { entryText } from './entry-text';

const base = { id: 'e1', caseId: 'case-1', at: '2026-12-07T12:00:00.000Z', recordedAt: '2026-12-07T12:00:00.000Z', order: 0, by: { id: 'ann', name: 'Ann' } };

describe('an audit entry in the subject-access text (issue 18)', () => {
  it('names the field in words and a recorded group of details by its parts, with no JSON', () => {
    const entry: TimelineEntry = {
      ...base,
      kind: 'audit',
      data: {
        field: 'externalReferral',
        before: null,
        after: {
          signpostedAt: '2026-12-07T12:00:00.000Z',
          signpostedTo: 'Citizens Advice',
          referredAt: null,
          referredTo: null,
          outcome: null,
          outcomeAt: null,
        },
      },
    };
    expect(entryText(entry)).toBe('external referral changed from — to signposted at 2026-12-07T12:00:00.000Z; signposted to Citizens Advice');
  });

  it('words a nested field and a person', () => {
    expect(entryText({ ...base, kind: 'audit', data: { field: 'complainant.email', before: 'a@example.com', after: 'b@example.com' } })).toBe(
      'complainant (email) changed from a@example.com to b@example.com',
    );
    expect(entryText({ ...base, kind: 'audit', data: { field: 'assignee', before: null, after: { id: 'ann', name: 'Ann' } } })).toBe(
      'assignee changed from — to Ann',
    );
  });
});
