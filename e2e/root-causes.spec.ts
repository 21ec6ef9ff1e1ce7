/**
 * Issue 16, P-5.3 end to end: an administrator adds and renames a root cause in Settings; a manager (the seeded
 * administrator holds every role) records a completed improvement action for a cause through its
 * screen; the Reports page's recurrence report counts the cases with that cause before and after
 * it, says plainly that it cannot tell yet (too few cases), and its "before" count opens exactly
 * those cases in the case list.
 */
import type { Page } from '@playwright/test';
import { invoke } from './support/api';
import { seriousViolations } from './support/axe';
import { expect, test } from './support/fixtures';
import { choose, screenshot } from './support/ui';

const DAY = 86_400_000;
const daysAgo = (days: number, plusMinutes = 0) => new Date(Date.now() - days * DAY + plusMinutes * 60_000).toISOString();

/** A case received `days` ago and resolved at stage 1 with the cause, through the API. */
async function resolvedCase(page: Page, name: string, days: number, rootCauseId: string): Promise<void> {
  const created = await invoke(page, 'cases.create', {
    complainant: { name, email: 'someone@example.org', preferredChannel: 'email' },
    channel: 'email',
    receivedAt: daysAgo(days),
    type: 'product',
    summary: `Complaint from ${name}`,
  });
  expect(created.ok, JSON.stringify(created.error)).toBe(true);
  const { caseId } = created.result as { caseId: string };
  for (const [minutes, action] of [
    [10, { type: 'acknowledge', channel: 'email' }],
    [20, { type: 'startInvestigation' }],
    [30, { type: 'communicateResolution', channel: 'email', summary: 'Replaced', outcome: 'upheld', rootCauseId }],
  ] as const) {
    const done = await invoke(page, 'cases.act', { caseId, action: { ...action, at: daysAgo(days, minutes) } });
    expect(done.ok, JSON.stringify(done.error)).toBe(true);
  }
}

test('an improvement action for a root cause, and the recurrence report (here: cannot tell yet), with its cases a click away', async ({ plaint }, testInfo) => {
  test.setTimeout(180_000);
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();

  // Settings → Root causes: an administrator adds a cause to a category.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-rootCauses').click();
  const product = page.getByTestId('root-cause-category-product');
  const addCause = page.getByTestId('add-root-cause-product');
  await addCause.getByLabel('Name (English)').fill('Leaking seal');
  await addCause.getByLabel('Name (Latvian)').fill('Noplūdis blīvējums');
  await addCause.getByRole('button', { name: 'Add a cause' }).click();
  await expect(product).toContainText('Leaking seal');
  // … and renames it (its id, and so the cases that have it, stay the same).
  await product.getByRole('button', { name: 'Rename: Leaking seal' }).click();
  const rename = product.locator('[data-testid^="rename-root-cause-"]');
  await rename.getByLabel('Name (English)').fill('Leaking cap seal');
  await rename.getByRole('button', { name: 'Save' }).click();
  await expect(rename).toHaveCount(0);
  await expect(product).toContainText('Leaking cap seal');

  // Two cases with the cause in the 30 days before completion, one after, one long before.
  await resolvedCase(page, 'Ada Before', 45, 'faulty-batch');
  await resolvedCase(page, 'Bea Before', 35, 'faulty-batch');
  await resolvedCase(page, 'Cy After', 10, 'faulty-batch');
  await resolvedCase(page, 'Dee Long Ago', 80, 'faulty-batch');

  // The improvement actions screen: a completed action addressing the cause.
  await page.getByTestId('nav-improvements').click();
  await expect(page.getByTestId('page-improvements')).toBeVisible();
  await page.getByTestId('improvement-new').click();
  const form = page.getByTestId('improvement-action-form');
  await form.getByLabel('Title').fill('Test every batch before dispatch');
  await form.getByLabel('Due').fill(daysAgo(20).slice(0, 10));
  await choose(page, form.getByLabel('Status'), 'Completed');
  await form.getByLabel('Completed on').fill(daysAgo(30).slice(0, 10));
  await choose(page, form.getByLabel('Root causes addressed'), 'Faulty batch');
  await page.keyboard.press('Escape');
  await form.getByLabel('Lessons learned').fill('Sample each batch at goods-in.');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(page.getByTestId('improvement-actions')).toContainText('Test every batch before dispatch');
  await expect(page.getByTestId('improvement-actions')).toContainText('Product → Faulty batch');
  expect(await seriousViolations(page), 'improvement actions').toEqual([]);

  // Reports: the recurrence report counts 2 before and 1 after, and says it cannot tell yet.
  await page.getByTestId('nav-reports').click();
  const report = page.getByTestId('recurrence-report');
  await expect(report).toContainText('Test every batch before dispatch');
  await expect(report).toContainText('Cannot tell yet: too few cases');
  const before = report.locator('[data-testid^="recurrence-before-"]');
  await expect(before).toHaveText('2');
  await expect(report.locator('[data-testid^="recurrence-after-"]')).toHaveText('1');
  await screenshot(page, testInfo, 'recurrence-en');
  expect(await seriousViolations(page), 'reports with the recurrence report').toEqual([]);
  await before.click();
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await expect(page.getByTestId('case-count')).toHaveText('2 cases');
  await expect(page.getByTestId('case-rows')).toContainText('Ada Before');
  await expect(page.getByTestId('case-rows')).toContainText('Bea Before');
});
