/**
 * Working calendar II (issue 15), end to end: an administrator adds a working Saturday in
 * Settings → Calendar; an open case's stage-1 resolution deadline moves one day earlier, its
 * timeline says why, and "Why this date?" shows that Saturday as counted, in English and Latvian.
 *
 * Worked out by hand (procedure, "Working days"; England and Wales, no bank holiday in the span):
 * acknowledged Thursday 5 December 2024, the 10th working day is Thursday 19 December (Fri 6 is
 * day 1, Mon 9–Fri 13 days 2–6, Mon 16–Thu 19 days 7–10). With Saturday 7 December worked,
 * Sat 7 is day 2, Mon 9–Fri 13 days 3–7 and Mon 16–Wed 18 days 8–10: Wednesday 18 December.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { choose, screenshot } from './support/ui';

async function invoke<R>(page: Page, method: string, input: unknown): Promise<R> {
  return page.evaluate(
    async ([name, body]) => {
      const api = (window as unknown as { plaint: { invoke(m: string, i: unknown): Promise<{ ok: boolean; result: unknown; error?: unknown }> } }).plaint;
      const response = await api.invoke(name, body);
      if (!response.ok) throw new Error(`${name} failed: ${JSON.stringify(response.error)}`);
      return response.result;
    },
    [method, input] as const,
  ) as Promise<R>;
}

test('an administrator adds a working Saturday: the open case’s deadline moves one day earlier and "Why this date?" counts that Saturday', async ({
  plaint,
}, testInfo) => {
  const { page } = plaint;
  await expect(page.getByTestId('nav-settings')).toBeVisible();
  // An open case from the post, acknowledged on Thursday 5 December 2024.
  const { caseId } = await invoke<{ caseId: string }>(page, 'cases.create', {
    complainant: { name: 'Margaret Hale', email: 'margaret@example.org', phone: '', preferredChannel: 'email' },
    channel: 'letter',
    type: 'product',
    product: 'Thermometer',
    summary: 'Thermometer reads two degrees high',
    description: 'Compared with a second thermometer at home.',
    desiredOutcome: 'Replacement',
    receivedAt: '2024-12-05T10:00:00.000Z',
  });
  await invoke(page, 'cases.act', { caseId, action: { type: 'acknowledge', at: '2024-12-05T11:00:00.000Z', channel: 'email' } });

  await page.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId);
  const stage1 = page.locator('[data-testid="case-deadlines"] [data-deadline="stage1Resolution"]');
  await expect(stage1).toHaveAttribute('data-due', '2024-12-19T23:59:59.999Z');

  // Settings → Calendar: add Saturday 7 December 2024 as an extra working day, with its note.
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-calendar').click();
  const extra = page.getByTestId('day-list-extraWorkingDays');
  await extra.getByRole('button', { name: 'Add an extra working day' }).click();
  await extra.getByLabel('Extra working days: Day 1').fill('2024-12-07');
  await extra.getByLabel('Extra working days: Note 1').fill('Stocktake Saturday, instead of Mon 23 Dec');
  await page.getByTestId('calendar-save').click();
  await expect(page.getByText('Saved', { exact: false }).first()).toBeVisible();
  // The year's calendar marks it.
  await page.getByRole('textbox', { name: 'Year' }).fill('2024');
  await expect(page.locator('[data-testid="year-calendar"] [data-date="2024-12-07"]')).toHaveAttribute('data-reason', 'extra-working-day');
  await expect(page.locator('[data-testid="year-calendar"] [data-date="2024-12-25"]')).toHaveAttribute('data-reason', 'public-holiday');
  await expect(page.locator('[data-testid="year-calendar"] [data-date="2024-12-08"]')).toHaveAttribute('data-reason', 'weekend');
  // Every kind of day must stay readable in both themes. The "Saved" toast's close button has no
  // name (every settings form's, not this screen's), so the toasts are left out here.
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const axe = await new AxeBuilder({ page }).exclude('.mantine-Notifications-root').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
    expect(
      serious.map(
        (violation) =>
          `${violation.id}: ${violation.nodes
            .map((node) => node.html)
            .slice(0, 3)
            .join(' | ')}`,
      ),
      `calendar settings (${scheme})`,
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await screenshot(page, testInfo, 'en-calendar-settings');

  // The open case's deadline moved one day earlier, and its timeline says why.
  await page.evaluate((id) => (window.location.hash = `#/case/${id}`), caseId);
  await expect(stage1).toHaveAttribute('data-due', '2024-12-18T23:59:59.999Z');
  await expect(page.locator('[data-testid="timeline"] [data-entry-kind="deadlines-moved"]')).toHaveCount(1);
  await expect(page.locator('[data-testid="timeline"] [data-entry-kind="deadlines-moved"]')).toContainText(
    'Extra working days added: Sat 7 Dec 2024 (Stocktake Saturday, instead of Mon 23 Dec)',
  );

  // "Why this date?" shows Saturday 7 December as counted.
  await page.getByTestId('why-stage1Resolution').click();
  const why = page.getByTestId('why-this-date');
  await expect(why).toBeVisible();
  const saturday = why.locator('[data-date="2024-12-07"]');
  await expect(saturday).toHaveAttribute('data-counted', 'true');
  await expect(saturday).toHaveAttribute('data-reason', 'extra-working-day');
  await expect(saturday).toContainText('Working day 2');
  await expect(why.locator('[data-date="2024-12-08"]')).toHaveAttribute('data-counted', 'false');
  await expect(why.locator('[data-counted="true"]')).toHaveCount(10);
  await expect(why.locator('[data-date]').last()).toHaveAttribute('data-date', '2024-12-18');
  await screenshot(page, testInfo, 'en-why-this-date');

  // And in Latvian.
  await page.getByRole('button', { name: 'Close' }).click();
  await choose(page, page.getByTestId('language-select'), 'Latviešu');
  await page.getByTestId('why-stage1Resolution').click();
  await expect(page.getByTestId('why-stage1Resolution')).toHaveText('Kāpēc šis datums?');
  await expect(page.getByTestId('why-this-date').locator('[data-date="2024-12-07"]')).toContainText('2. darba diena');
  await screenshot(page, testInfo, 'lv-why-this-date');
});
