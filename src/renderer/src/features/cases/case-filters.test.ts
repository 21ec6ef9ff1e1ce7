/** The filters bar's rules: empty filters vanish, the list adds only what differs from its view, "unassigned" round-trips. */
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES } from '@shared/domain/vocabulary';
import { assigneeIdsFrom, assigneeOptions, extraFilters, known, stagesFrom, UNASSIGNED_OPTION, withFilter } from './case-filters';

describe('changing a filter', () => {
  it('adds and replaces values', () => {
    expect(withFilter({ open: true }, { statuses: ['received'] })).toEqual({ open: true, statuses: ['received'] });
    expect(withFilter({ statuses: ['received'] }, { statuses: ['closed'] })).toEqual({ statuses: ['closed'] });
  });

  it('drops a filter that is cleared: an empty selection or date is no filter at all', () => {
    expect(withFilter({ open: true, statuses: ['received'] }, { statuses: [] })).toEqual({ open: true });
    expect(withFilter({ receivedFrom: '2026-11-01' }, { receivedFrom: undefined })).toEqual({});
    expect(withFilter({ receivedTo: '2026-11-30' }, { receivedTo: '' })).toEqual({});
  });

  it('keeps false and the empty assignee id, which are real filters', () => {
    expect(withFilter({}, { open: false })).toEqual({ open: false });
    expect(withFilter({}, { assigneeIds: [''] })).toEqual({ assigneeIds: [''] });
  });
});

describe("the list's own filters on top of its view", () => {
  const view = { open: true, deadline: 'breached' as const };

  it('are what differs from the view', () => {
    expect(extraFilters(view, { ...view, types: ['billing'] })).toEqual({ types: ['billing'] });
    expect(extraFilters(view, { ...view, deadline: 'due-soon' })).toEqual({ deadline: 'due-soon' });
  });

  it('are nothing when the list shows exactly the view', () => {
    expect(extraFilters(view, { ...view })).toEqual({});
    expect(extraFilters({ statuses: ['received', 'closed'] }, { statuses: ['received', 'closed'] })).toEqual({});
  });
});

describe('select values', () => {
  it('"unassigned" stands in for the empty assignee id and back', () => {
    expect(assigneeOptions(['', 'ann'])).toEqual([UNASSIGNED_OPTION, 'ann']);
    expect(assigneeIdsFrom([UNASSIGNED_OPTION, 'ann'])).toEqual(['', 'ann']);
    expect(assigneeIdsFrom(assigneeOptions(['', 'bob']))).toEqual(['', 'bob']);
  });

  it('keep only words of the vocabulary, and stages 1 and 2', () => {
    expect(known(['received', 'lost', 'closed'], CASE_STATUSES)).toEqual(['received', 'closed']);
    expect(stagesFrom(['2', '1', '3', 'x'])).toEqual([2, 1]);
  });
});
