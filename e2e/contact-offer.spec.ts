/**
 * Issue 18, end to end: a clerk types a letter from someone who already has an open case, with a
 * new address. The register offers to update that case's contact details (naming which differ);
 * the clerk confirms; the case, opened, has the new address and says on its
 * timeline that it was updated from a letter. axe stays clean with the offer on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

test('a letter from a known complainant with a new address offers, and on confirmation makes, the update on their case', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const created = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    complainant: {
      name: 'Mary Jones',
      email: 'mary.jones@example.com',
      phone: '',
      address: { lines: ['1 Old Street', 'Leeds'], postcode: 'LS1 1AA', country: 'GB' },
      preferredChannel: 'letter',
    },
    channel: 'letter',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    type: 'service',
    summary: 'Late delivery',
  });

  await page.getByTestId('nav-postRoom').click();
  await page.getByTestId('letter-sender').fill('Mary Jones');
  await page.getByTestId('letter-address').fill('9 New Road\nYork');
  await page.getByTestId('letter-postcode').fill('YO1 7HH');
  await page.getByTestId('letter-email').fill('mary.jones@example.com');
  const offer = page.getByTestId('contact-offer');
  await expect(offer).toContainText(`The sender already has case ${created.reference} (Mary Jones)`);
  await expect(offer).toContainText('These details differ from the case’s: address.');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );

  // Nothing was written while it was only offered.
  expect(
    (await api<{ case: { complainant: { address: { lines: string[] } } } }>(page, 'cases.get', { caseId: created.caseId })).case.complainant.address.lines,
  ).toEqual(['1 Old Street', 'Leeds']);
  await offer.getByRole('button', { name: `Update case ${created.reference}` }).click();
  await expect(offer).toHaveCount(0);

  // The case opened from the list, its row clicked while the search re-renders the list (issue 18).
  await page.getByTestId('nav-cases').click();
  await page.getByTestId('view-all-open').click();
  await page.getByTestId('case-search').fill('Mary Jones');
  await page.locator(`[data-testid="case-rows"] [role="row"][data-case-id="${created.caseId}"]`).click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await expect(page.getByText('Contact details updated from a letter from the complainant (address).')).toBeVisible();
  await expect(page.getByText('9 New Road').first()).toBeVisible();
});
