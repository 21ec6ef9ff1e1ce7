/**
 * P-7.1 need-to-know, end to end. Sign-in is not on this branch yet, so the harness's
 * `--viewer-roles/--viewer-departments/--viewer-account` flags choose who the renderer is.
 * 200 demo cases: a tenth involve Billing (the demo data gives half the cases one of the five
 * default departments, by position).
 * - A caseworker of Billing sees only those cases, and the list's total and the counts agree.
 * - A clerk lists and counts nothing, finds cases for the post room without their summary, and
 *   opening one is refused: the workspace says so and shows nothing of the case.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

type Envelope = { ok: boolean; result?: unknown; error?: { code: string; issues: { code: string }[] } };
type Api = { invoke(method: string, input: unknown): Promise<Envelope> };
const invoke = (page: Page, method: string, input: unknown) => page.evaluate(async ([m, i]) => (window as unknown as { plaint: Api }).plaint.invoke(m as string, i), [method, input] as const);
const api = async <T>(page: Page, method: string, input: unknown): Promise<T> => {
  const response = await invoke(page, method, input);
  if (!response.ok) throw new Error(`${method}: ${JSON.stringify(response.error)}`);
  return response.result as T;
};

test.describe('a caseworker of one department', () => {
  test.use({ harnessArgs: ['--seed-demo', '200', '--viewer-roles', 'caseworker', '--viewer-departments', 'Billing', '--viewer-account', 'e2e-caseworker'] });

  test('sees only their department’s cases, and the list and the counts agree', async ({ plaint }) => {
    const { page } = plaint;
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
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'administrators_only' }] });
  });
});

test.describe('a post-room clerk', () => {
  test.use({ harnessArgs: ['--seed-demo', '200', '--viewer-roles', 'clerk', '--viewer-account', 'e2e-clerk'] });

  test('lists and counts nothing, finds cases for post without details, and cannot open one', async ({ plaint }) => {
    const { page } = plaint;
    await expect(page.getByTestId('page-cases')).toBeVisible();
    expect(await api(page, 'cases.count', { views: { all: {} } })).toEqual({ all: 0 });
    expect((await api<{ total: number }>(page, 'cases.list', { limit: 10 })).total).toBe(0);
    const { hits } = await api<{ hits: { id: string; summary: string }[] }>(page, 'cases.quickSearch', { query: 'smith' });
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.summary).toBe('');
    const refused = await invoke(page, 'cases.get', { caseId: hits[0]!.id });
    expect(refused.error).toMatchObject({ code: 'FORBIDDEN', issues: [{ code: 'case_not_visible' }] });
    await page.evaluate((id) => (window.location.hash = `#/case/${id}`), hits[0]!.id);
    await expect(page.getByTestId('case-forbidden')).toBeVisible();
    await expect(page.getByTestId('page-case')).toHaveCount(0);
  });
});
