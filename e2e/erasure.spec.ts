/**
 * Issue 14, Settings → Retention and erasure in the real renderer against the real main process:
 * an administrator finds a person's case, tries a reason that names the person (refused at the
 * field, nothing erased), then erases with a proper reason; the register shows who, why and how
 * many, and the case shows "Anonymised" with the rest of its record kept.
 */
import { api } from './support/api';
import { expect, test } from './support/fixtures';

test('an administrator erases a person on request; a reason naming them is refused first', async ({ plaint }) => {
  const { page } = plaint;
  const { caseId } = await api<{ caseId: string }>(page, 'cases.create', {
    complainant: { name: 'Ottilie Vanstone', email: 'ottilie@example.org', preferredChannel: 'email' },
    channel: 'email',
    type: 'product',
    summary: 'Ottilie says the kettle leaks',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-tab-retention').click();
  await expect(page.getByTestId('retention-years-upheld')).toHaveValue('6 years');
  await expect(page.getByTestId('erasure-register-empty')).toBeVisible();

  await page.getByTestId('erasure-search-email').fill('ottilie@example.org');
  await page.getByTestId('erasure-search').click();
  await page.getByTestId('erasure-case').check();
  await page.getByTestId('erasure-reason').fill('Ottilie Vanstone asked us to');
  await page.getByTestId('erasure-erase').click();
  await expect(page.getByText('The reason must not contain the personal data being erased')).toBeVisible();
  await expect(page.getByTestId('erasure-register-empty')).toBeVisible();

  await page.getByTestId('erasure-reason').fill('Erasure request, ticket 2027-004');
  await page.getByTestId('erasure-erase').click();
  await expect(page.getByTestId('erasure-register-line')).toContainText('Erasure request, ticket 2027-004');
  await expect(page.getByTestId('erasure-register-line')).toContainText('1 cases');
  await expect(page.getByTestId('erasure-register-line')).not.toContainText('Ottilie');

  const detail = await api<{ case: { complainant: { name: string; email: string }; type: string } }>(page, 'cases.get', { caseId });
  expect(detail.case.complainant).toMatchObject({ name: 'Anonymised', email: '' });
  expect(detail.case.type).toBe('product');
});
