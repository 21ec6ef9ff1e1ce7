/** Built-in and saved views: ids, the route's view, "changed from the view", and room for them all in one count. */
import { describe, expect, it } from 'vitest';
import { MAX_SAVED_VIEWS, type SavedCaseView } from '@shared/domain/case-views';
import { countCasesInput } from '@shared/domain/inputs';
import { allViews, builtInViews, DEFAULT_VIEW_ID, differsFromView, viewForRoute } from './views';

const saved: SavedCaseView = {
  id: 'custom-lz3k9w1x',
  name: 'Refunds',
  filters: { open: true },
  sort: { field: 'receivedAt', direction: 'desc' },
  search: 'refund',
};

describe('case views', () => {
  it('built-in ids are unique, never look like saved ones, and "my open cases" names me', () => {
    const views = builtInViews('ann');
    expect(new Set(views.map((view) => view.id)).size).toBe(views.length);
    expect(views.some((view) => view.id.startsWith('custom-'))).toBe(false);
    expect(views.find((view) => view.id === 'my-open')?.filters).toEqual({ open: true, assigneeIds: ['ann'] });
  });

  it('issue 18: "Unassigned" is the open cases nobody has (triage); "My due soon" is my cases whose deadline is near', () => {
    const views = builtInViews('ann');
    expect(views.find((view) => view.id === 'unassigned')).toMatchObject({ labelKey: 'unassigned', filters: { open: true, assigneeIds: [''] } });
    expect(views.find((view) => view.id === 'my-due-soon')).toMatchObject({ labelKey: 'myDueSoon', filters: { assigneeIds: ['ann'], deadline: 'due-soon' } });
  });

  it('a route shows its view, or "all open" when the view is gone', () => {
    const views = allViews('ann', [saved]);
    expect(viewForRoute(views, saved.id)).toBe(saved);
    expect(viewForRoute(views, 'breached').labelKey).toBe('breached');
    expect(viewForRoute(views, 'custom-deleted').id).toBe(DEFAULT_VIEW_ID);
  });

  it('differ from their view by extra filters, search or sort', () => {
    expect(differsFromView(saved, {}, 'refund', saved.sort)).toBe(false);
    expect(differsFromView(saved, { types: ['billing'] }, 'refund', saved.sort)).toBe(true);
    expect(differsFromView(saved, {}, 'refunds', saved.sort)).toBe(true);
    expect(differsFromView(saved, {}, 'refund', { field: 'receivedAt', direction: 'asc' })).toBe(true);
    const [builtIn] = builtInViews('ann');
    if (!builtIn) throw new Error('no built-in views');
    expect(differsFromView(builtIn, {}, '', builtIn.sort)).toBe(false);
  });

  it(`the built-in views and ${MAX_SAVED_VIEWS} saved ones fit in the one count the navigation asks for`, () => {
    const many = Array.from({ length: MAX_SAVED_VIEWS }, (_, index) => ({ ...saved, id: `custom-${index}` }));
    const views = allViews('ann', many);
    expect(countCasesInput.safeParse({ views: Object.fromEntries(views.map((view) => [view.id, view.filters])) }).success).toBe(true);
  });
});
