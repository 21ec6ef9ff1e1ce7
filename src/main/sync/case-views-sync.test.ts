/**
 * Saved case views follow their person across devices (issue 12): a view saved on one device
 * appears on another where the same staff member is "me"; views saved on two offline devices both
 * arrive; the same view renamed on both keeps the later save on both.
 */
import { describe, expect, it } from 'vitest';
import type { SavedCaseView } from '../../shared/domain/case-views';
import { connect, disconnect, waitForConvergence, waitUntil } from './test-support/devices';
import { syncLab } from './test-support/sync-lab';

const { server, device } = syncLab();

const view = (name: string) => ({ name, filters: { open: true }, sort: { field: 'nextDueAt' as const, direction: 'asc' as const } });
const names = (views: readonly SavedCaseView[]) => views.map((saved) => saved.name).sort();

describe('saved case views between devices', () => {
  it('follow the person: saved on either device, offline or not, they arrive on the other; the later rename wins', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    await connect(a, couch.url);
    await connect(b, couch.url);
    await waitForConvergence([a, b]);
    // The same person on both devices: an account made on A signs in on B once the directory arrived.
    await a.call('staff.save', { name: 'Ann Example', login: 'ann', roles: ['caseworker', 'administrator'], password: 'correct horse battery' });
    await waitUntil(async () => (await b.call('settings.get', {})).staff.some((member) => member.login === 'ann'), 'the account on the other device');
    for (const on of [a, b]) {
      await on.call('session.signOut', {});
      await on.call('session.signIn', { login: 'ann', password: 'correct horse battery' });
    }

    const first = (await a.call('caseViews.save', view('Open, by deadline'))).view;
    await waitUntil(async () => (await b.call('caseViews.list', {})).some((saved) => saved.id === first.id), 'the view on the other device');

    await disconnect(a, couch.url);
    await disconnect(b, couch.url);
    await a.call('caseViews.save', view('Saved on A'));
    await b.call('caseViews.save', view('Saved on B'));
    await a.setClock('2026-11-23T10:00:00.000Z');
    await a.call('caseViews.save', { ...first, name: 'Renamed on A' });
    await b.setClock('2026-11-23T10:05:00.000Z');
    await b.call('caseViews.save', { ...first, name: 'Renamed on B, later' });
    await connect(a, couch.url);
    await connect(b, couch.url);
    await waitForConvergence([a, b]);

    const expected = ['Renamed on B, later', 'Saved on A', 'Saved on B'];
    expect(names(await a.call('caseViews.list', {}))).toEqual(expected);
    expect(names(await b.call('caseViews.list', {}))).toEqual(expected);
  }, 180_000);
});
