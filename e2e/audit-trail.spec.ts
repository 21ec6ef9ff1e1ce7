/**
 * Issue 18, end to end: a manager (the seed administrator holds every role) opens the audit
 * trail from the navigation, narrows it to notes, sees who wrote what on which case, and opens the
 * case from its row. axe stays clean on the page.
 */
import AxeBuilder from '@axe-core/playwright';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

test('a manager reads the audit trail across cases, filters it by kind and opens a case from it', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const created = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    complainant: { name: 'Olga Audit', email: 'olga@example.com', preferredChannel: 'email' },
    channel: 'email',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    type: 'service',
    summary: 'Wrong item sent',
  });
  await api(page, 'cases.addNote', { caseId: created.caseId, text: 'Asked the warehouse for photos' });

  await page.getByTestId('nav-audit').click();
  await expect(page.getByTestId('page-audit')).toBeVisible();
  await expect(page.getByTestId('audit-rows')).toContainText(created.reference);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );

  await page.getByTestId('audit-kinds').click();
  await page.getByRole('option', { name: 'Notes' }).click();
  await page.keyboard.press('Escape');
  const rows = page.getByTestId('audit-rows').locator('tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('Asked the warehouse for photos');
  await expect(rows.first()).toContainText('Administrator');
  await rows.first().getByRole('link', { name: created.reference }).click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await expect(page.getByText('Wrong item sent').first()).toBeVisible();
});
