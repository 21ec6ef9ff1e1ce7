/**
 * P-7.1 need-to-know, end to end: the administrator adds an account, and that person signs in.
 * 200 demo cases: a tenth involve Billing (the demo data gives half the cases one of the five
 * default departments, by position).
 * - A caseworker of Billing sees only those cases, and the list's total and the counts agree.
 * - A clerk may not list, count or open cases (their role), and finds cases for the post room
 *   without their summary.
 * - A manager restricts one of Billing's cases from its workspace (with a reason, recorded on the
 *   timeline, a Restricted badge); the Billing caseworker then no longer finds it in search, quick
 *   search or the counts, and may not open it.
 */
import type { Page } from '@playwright/test';
import { api, invoke } from './support/api';
import { ADMIN, expect, test } from './support/fixtures';

/** The signed-in administrator adds the account, then that person signs in instead. */
async function signInAsNew(page: Page, account: { name: string; login: string; roles: string[]; departments?: string[] }): Promise<void> {
  const password = 'need to know password';
  const saved = await invoke(page, 'staff.save', { departments: [], ...account, password });
  expect(saved.error, JSON.stringify(saved.error)).toBeUndefined();
  await invoke(page, 'session.signOut', {});
  expect((await invoke(page, 'session.signIn', { login: account.login, password })).ok).toBe(true);
}

test.describe('a caseworker of one department', () => {
  test.use({ harnessArgs: ['--seed-demo', '200'] });

  test('sees only their department’s cases, and the list and the counts agree', async ({ plaint }) => {
    const { page } = plaint;
    await signInAsNew(page, { name: 'Casey Worker', login: 'casey', roles: ['caseworker'], departments: ['Billing'] });
    await expect(page.getByTestId('page-cases')).toBeVisible();
    const counts = await api<Record<string, number>>(page, 'cases.count', { views: { all: {}, open: { open: true } } });
    const list = await api<{ total: number; items: { id: string }[] }>(page, 'cases.list', { limit: 200 });
    expect(counts['all']).toBe(20);
    expect(list.total).toBe(20);
    expect(list.items).toHaveLength(20);
    const open = await api<{ total: number }>(page, 'cases.list', { filters: { open: true }, limit: 1 });
    expect(open.total).toBe(counts['open']);
    // Every case it lists opens; the access log is for administrators only.
    const first = list.items[0]!.id;
    await page.evaluate((id) => (window.location.hash = `#/case/${id}`), first);
    await expect(page.getByTestId('page-case')).toBeVisible();
    await expect(page.getByTestId('access-log')).toHaveCount(0);
    const refused = await invoke(page, 'accessLog.query', {});
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN' });
  });
});

test.describe('a post-room clerk', () => {
  test.use({ harnessArgs: ['--seed-demo', '200'] });

  test('may not list, count or open cases, and finds cases for post without details', async ({ plaint }) => {
    const { page } = plaint;
    await signInAsNew(page, { name: 'Petra Post', login: 'petra.post', roles: ['clerk'] });
    expect((await invoke(page, 'cases.count', { views: { all: {} } })).error).toMatchObject({ code: 'FORBIDDEN' });
    expect((await invoke(page, 'cases.list', { limit: 10 })).error).toMatchObject({ code: 'FORBIDDEN' });
    const { hits } = await api<{ hits: { id: string; summary: string }[] }>(page, 'cases.quickSearch', { query: 'smith' });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.summary).toBe('');
    expect((await invoke(page, 'cases.get', { caseId: hits[0]!.id })).error).toMatchObject({ code: 'FORBIDDEN' });
  });
});

test.describe('a restricted case', () => {
  test.use({ harnessArgs: ['--seed-demo', '200'] });

  test('vanishes for a caseworker of its department: search, quick search and counts', async ({ plaint }) => {
    const { page } = plaint;
    const password = 'need to know password';
    await signInAsNew(page, { name: 'Casey Worker', login: 'casey', roles: ['caseworker'], departments: ['Billing'] });
    await expect(page.getByTestId('page-cases')).toBeVisible();
    type Item = { id: string; reference: string; complainantName: string };
    const before = await api<{ total: number; items: Item[] }>(page, 'cases.list', { limit: 200 });
    expect(before.total).toBe(20);
    const target = before.items[0]!;
    const quick = async (query: string) => (await api<{ hits: { id: string }[] }>(page, 'cases.quickSearch', { query })).hits.map((hit) => hit.id);
    expect(await quick(target.reference)).toEqual([target.id]);

    // The manager (the seed administrator holds every role) restricts it from the case workspace.
    await plaint.signOut();
    await plaint.signIn(ADMIN.login, ADMIN.password);
    await page.evaluate((id) => (window.location.hash = `#/case/${id}`), target.id);
    await expect(page.getByTestId('page-case')).toBeVisible();
    await page.getByTestId('restrict-open').click();
    await page.getByTestId('restriction-reason').fill('A complaint about a member of staff');
    await page.getByTestId('restriction-submit').click();
    await expect(page.getByTestId('case-header').getByTestId('restricted-badge')).toBeVisible();
    await expect(page.getByText('A complaint about a member of staff')).toBeVisible();

    await plaint.signOut();
    await plaint.signIn('casey', password);
    const counts = await api<Record<string, number>>(page, 'cases.count', { views: { all: {} } });
    expect(counts['all']).toBe(19);
    const after = await api<{ total: number; items: Item[] }>(page, 'cases.list', { limit: 200 });
    expect(after.total).toBe(19);
    expect(after.items.map((item) => item.id)).not.toContain(target.id);
    expect((await api<{ total: number }>(page, 'cases.list', { search: target.reference, limit: 10 })).total).toBe(0);
    expect(await quick(target.reference)).toEqual([]);
    expect(await quick(target.complainantName)).not.toContain(target.id);
    // Quick search in the window says nothing of it either.
    await page.getByTestId('quick-search-open').click();
    await page.getByTestId('quick-search-input').fill(target.reference);
    await expect(page.getByText('No case found.')).toBeVisible();
    await expect(page.getByTestId('quick-search-hit')).toHaveCount(0);
    await page.keyboard.press('Escape');
    expect((await invoke(page, 'cases.get', { caseId: target.id })).error).toMatchObject({ code: 'FORBIDDEN' });
    await page.evaluate((id) => (window.location.hash = `#/case/${id}`), target.id);
    await expect(page.getByTestId('case-forbidden')).toBeVisible();
  });
});
