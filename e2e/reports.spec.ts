/**
 * Issue 16 end to end: a manager (the seeded administrator holds every role) opens Reports, sees
 * figures that match the cases made, changes the range, and opens a figure (from its table and by
 * clicking a bar): the case list shows as many cases as the figure said. axe finds no serious or
 * critical violation on the charts or a table view, in English (light) and Latvian (dark), and
 * screenshots of both are attached.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { choose, screenshot } from './support/ui';

type Envelope = { ok: boolean; result?: unknown; error?: unknown };
type Api = { invoke(method: string, input: unknown): Promise<Envelope> };
const invoke = (page: Page, method: string, input: unknown) => page.evaluate(async ([m, i]) => (window as unknown as { plaint: Api }).plaint.invoke(m as string, i), [method, input] as const);

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join('; ')})`);
}

const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY).toISOString();

async function createCase(page: Page, name: string, type: string, receivedAt: string): Promise<void> {
  const created = await invoke(page, 'cases.create', { complainant: { name, email: `${name.split(' ')[0]?.toLowerCase()}@example.org`, preferredChannel: 'email' }, channel: 'email', receivedAt, type, summary: `Complaint from ${name}` });
  expect(created.ok, JSON.stringify(created.error)).toBe(true);
}

test('a manager sees figures that match the cases, changes the range, and a figure opens exactly its cases', async ({ plaint }, testInfo) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await createCase(page, 'Ada Billing', 'billing', daysAgo(3));
  await createCase(page, 'Bea Billing', 'billing', daysAgo(2));
  await createCase(page, 'Cy Product', 'product', daysAgo(40));

  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('page-reports')).toBeVisible();
  await expect(page.getByTestId('report-received')).toHaveText('3');
  await expect(page.getByTestId('report-open')).toHaveText('3');
  await expect(page.getByTestId('report-volume-by-type-chart')).toBeVisible();
  await screenshot(page, testInfo, 'reports-en');
  expect(await seriousViolations(page), 'reports, charts').toEqual([]);

  // The range from ten days ago leaves out the case received 40 days ago.
  await page.getByTestId('report-from').fill(daysAgo(10).slice(0, 10));
  await expect(page.getByTestId('report-received')).toHaveText('2');

  // The table view of the same chart: the billing count opens exactly those cases.
  await page.getByTestId('report-volume-by-type-view').getByText('Table').click();
  const billing = page.getByTestId('figure-volume-by-type-billing-cases');
  await expect(billing).toHaveText('2');
  expect(await seriousViolations(page), 'reports, a table view').toEqual([]);
  await billing.click();
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await expect(page.getByTestId('case-count')).toHaveText('2 cases');
  await expect(page.getByTestId('case-list-title')).toContainText('Received by type: Billing');

  // Back in Reports (the default range again), a bar of the chart opens its cases too.
  await page.getByTestId('nav-reports').click();
  await expect(page.getByTestId('report-received')).toHaveText('3');
  // Types by count: billing (2) first, then product (1).
  const billingBar = page.getByTestId('report-volume-by-type-chart').locator('.recharts-bar-rectangle path').first();
  await billingBar.click();
  await expect(page.getByTestId('case-count')).toHaveText('2 cases');

  // In Latvian and the dark theme: the same figures, and still nothing serious for axe.
  await page.emulateMedia({ colorScheme: 'dark' });
  await choose(page, page.getByTestId('language-select'), 'Latviešu');
  await page.getByTestId('nav-reports').click();
  await expect(page.getByRole('heading', { name: 'Pārskati', level: 1 })).toBeVisible();
  await expect(page.getByTestId('report-received')).toHaveText('3');
  await expect(page.getByTestId('report-volume-by-type')).toContainText('Saņemtas pēc veida');
  await screenshot(page, testInfo, 'reports-lv-dark');
  expect(await seriousViolations(page), 'reports in Latvian, dark theme').toEqual([]);
});

test('reports are not offered to a caseworker', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const saved = await invoke(page, 'staff.save', { name: 'Casey Worker', login: 'casey', roles: ['caseworker'], departments: [], password: 'reports test password' });
  expect(saved.ok).toBe(true);
  await plaint.signOut();
  await plaint.signIn('casey', 'reports test password');
  await expect(page.getByTestId('nav-cases')).toBeVisible();
  await expect(page.getByTestId('nav-reports')).toHaveCount(0);
  const refused = await invoke(page, 'reports.dashboard', {});
  expect(refused.ok).toBe(false);
});
