import { SEED_ADMIN } from '../../identity/seed-account';
/**
 * Saved case views through the API: kept by the main process per person (the staff id of "who am
 * I" today), across restarts; bad input gets a specific error and changes nothing; the import { SEED_ADMIN } from '../../identity/seed-account';
import of
 * views from earlier versions is all or nothing and safe to repeat.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiInput } from '@shared/api/contract';
import { MAX_SAVED_VIEWS } from '@shared/domain/case-views';
import { startTestDomain, type TestDomain } from '../test-support';
import { laterSavedView, type CaseViewDocument } from './case-views-collection';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const breachedBilling: ApiInput<'caseViews.save'> = {
  name: 'Breached billing',
  filters: { deadline: 'breached', types: ['billing'] },
  sort: { field: 'nextDueAt', direction: 'asc' },
  search: 'refund',
};

async function becomeNewStaffMember(name: string): Promise<string> {
  const login = name
    .split(' ')[0]!
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z]/g, '');
  const id = await t.addAccount({ name, login, roles: ['caseworker'] });
  await t.signInAs(login);
  return id;
}

describe('saved case views', () => {
  it('are saved, changed and deleted by the main process, and survive a restart', async () => {
    expect(await t.call('caseViews.list', {})).toEqual([]);
    const { view, views } = await t.call('caseViews.save', breachedBilling);
    expect(view).toEqual({ id: expect.stringMatching(/^custom-[0-9a-f-]{36}$/), ...breachedBilling });
    expect(views).toEqual([view]);

    const second = (await t.call('caseViews.save', { name: 'Mine, by date', filters: { open: true }, sort: { field: 'receivedAt', direction: 'desc' } })).view;
    expect(second.search).toBe('');
    await t.call('caseViews.save', { ...breachedBilling, id: view.id, name: 'Breached billing (all)', search: '' });
    await t.restart();
    expect((await t.call('caseViews.list', {})).map((saved) => [saved.name, saved.search])).toEqual([
      ['Breached billing (all)', ''],
      ['Mine, by date', ''],
    ]);

    expect(await t.call('caseViews.remove', { id: view.id })).toEqual([second]);
    expect(await t.call('caseViews.list', {})).toEqual([second]);
  });

  it('belong to a person: each staff member sees and changes only their own', async () => {
    const annsView = (await t.call('caseViews.save', breachedBilling)).view;
    await becomeNewStaffMember('Līga Ozola');
    expect(await t.call('caseViews.list', {})).toEqual([]);
    expect(await t.fail('caseViews.remove', { id: annsView.id })).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'id', code: 'not_found' }] });
    expect(await t.fail('caseViews.save', { ...breachedBilling, id: annsView.id, name: 'Taken over' })).toMatchObject({ code: 'NOT_FOUND' });
    const ligasView = (await t.call('caseViews.save', { ...breachedBilling, name: 'Līga’s' })).view;

    await t.signInAs('admin', SEED_ADMIN.password);
    expect(await t.call('caseViews.list', {})).toEqual([annsView]);
    expect(ligasView.id).not.toBe(annsView.id);
  });

  it('refuse bad input with the field at fault, and change nothing', async () => {
    const before = (await t.call('caseViews.save', breachedBilling)).views;
    const refusals: [unknown, string][] = [
      [{ ...breachedBilling, name: '   ' }, 'name'],
      [{ ...breachedBilling, name: 'x'.repeat(81) }, 'name'],
      [{ ...breachedBilling, filters: { statuses: ['lost'] } }, 'filters.statuses.0'],
      [{ ...breachedBilling, filters: { colour: 'red' } }, 'filters'],
      [{ ...breachedBilling, sort: { field: 'summary', direction: 'asc' } }, 'sort.field'],
      [{ ...breachedBilling, search: 's'.repeat(201) }, 'search'],
      [{ ...breachedBilling, id: 'breached' }, 'id'],
      [{ ...breachedBilling, owner: 'someone-else' }, ''],
    ];
    for (const [input, path] of refusals) {
      const error = await t.fail('caseViews.save', input);
      expect(error.code, JSON.stringify(input)).toBe('VALIDATION_FAILED');
      expect(error.issues[0]?.path, JSON.stringify(input)).toBe(path);
    }
    expect(await t.fail('caseViews.remove', { id: 'custom-nope' })).toMatchObject({ code: 'NOT_FOUND', message: 'Saved view custom-nope does not exist.' });
    expect(await t.call('caseViews.list', {})).toEqual(before);
  });

  it(`keep at most ${MAX_SAVED_VIEWS} per person, and say so`, async () => {
    for (let index = 0; index < MAX_SAVED_VIEWS; index += 1) await t.call('caseViews.save', { ...breachedBilling, name: `View ${index}` });
    const error = await t.fail('caseViews.save', { ...breachedBilling, name: 'One too many' });
    expect(error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: '', code: 'too_many_views' }] });
    expect(error.message).toContain(`at most ${MAX_SAVED_VIEWS} saved views`);
    expect(await t.call('caseViews.list', {})).toHaveLength(MAX_SAVED_VIEWS);
  });

  it('tell the window when they change', async () => {
    const seen: string[] = [];
    const stop = t.services.events.listenAll((channel) => seen.push(channel));
    try {
      await t.call('caseViews.save', breachedBilling);
      expect(seen).toContain('caseViews.changed');
    } finally {
      stop();
    }
  });
});

describe('importing views kept on the device by earlier versions', () => {
  const kept = (id: string, name: string) => ({
    id,
    name,
    filters: { open: true },
    sort: { field: 'nextDueAt' as const, direction: 'asc' as const },
    search: '',
  });

  it('keeps their ids and order, after views already saved; importing again adds nothing', async () => {
    const existing = (await t.call('caseViews.save', breachedBilling)).view;
    const imported = await t.call('caseViews.import', { views: [kept('custom-lz3k9w1x', 'Old one'), kept('custom-lz3k9w1y', 'Old two')] });
    expect(imported.map((view) => view.id)).toEqual([existing.id, 'custom-lz3k9w1x', 'custom-lz3k9w1y']);
    expect(await t.call('caseViews.import', { views: [kept('custom-lz3k9w1x', 'Renamed meanwhile')] })).toEqual(imported);
  });

  it('is all or nothing: one bad view, a repeated id or too many views, and none is stored', async () => {
    const one = await t.fail('caseViews.import', { views: [kept('custom-a1', 'Good'), { ...kept('custom-a2', 'Bad'), filters: { stages: [3] } }] });
    expect(one).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'views.1.filters.stages.0' }] });
    const twice = await t.fail('caseViews.import', { views: [kept('custom-a1', 'Good'), kept('custom-a1', 'Again')] });
    expect(twice).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'views.1.id', message: 'This id appears twice' }] });

    for (let index = 0; index < MAX_SAVED_VIEWS - 1; index += 1) await t.call('caseViews.save', { ...breachedBilling, name: `View ${index}` });
    const tooMany = await t.fail('caseViews.import', { views: [kept('custom-b1', 'One'), kept('custom-b2', 'Two')] });
    expect(tooMany).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'views', code: 'too_many_views' }] });
    const names = (await t.call('caseViews.list', {})).map((view) => view.name);
    expect(names).toHaveLength(MAX_SAVED_VIEWS - 1);
    expect(names).not.toContain('Good');
    expect(names).not.toContain('One');
  });
});

describe('a view changed on two devices before they synced', () => {
  const version = (name: string, updatedAt: string): CaseViewDocument => ({
    id: 'ann|custom-1',
    staffId: 'ann',
    viewId: 'custom-1',
    name,
    filters: {},
    sort: { field: 'nextDueAt', direction: 'asc' },
    search: '',
    position: 0,
    createdAt: '2026-11-20T09:00:00.000Z',
    updatedAt,
  });

  it('keeps the later save, the same on both devices', () => {
    const earlier = version('Earlier', '2026-11-23T09:00:00.000Z');
    const later = version('Later', '2026-11-23T09:05:00.000Z');
    expect(laterSavedView(undefined, earlier, later)).toBe(later);
    expect(laterSavedView(undefined, later, earlier)).toBe(later);
    const [a, b] = [version('A', '2026-11-23T09:00:00.000Z'), version('B', '2026-11-23T09:00:00.000Z')];
    expect(laterSavedView(undefined, a, b)).toEqual(laterSavedView(undefined, b, a));
  });
});
