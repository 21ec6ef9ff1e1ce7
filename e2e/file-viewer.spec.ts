/**
 * Issue 18, end to end: a generated letter opens in the app. From the case's letters the PDF is
 * drawn by pdf.js in the built renderer under its CSP (worker from the app's own files), zooms,
 * and still downloads from the viewer. axe stays clean with the viewer open.
 */
import AxeBuilder from '@axe-core/playwright';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

test('a letter PDF opens in the in-app viewer, zooms and downloads', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const created = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    complainant: {
      name: 'Margaret Hale',
      email: '',
      preferredChannel: 'letter',
      address: { lines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' },
    },
    channel: 'letter',
    receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
    type: 'service',
    summary: 'Late delivery',
  });
  const { text } = await api<{ text: string }>(page, 'post.draftLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB' });
  await api(page, 'post.finaliseLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB', text });

  // Opened from the list: its row clicked while the search re-renders the list (issue 18).
  await page.getByTestId('view-all-open').click();
  await page.getByTestId('case-search').fill(created.reference);
  await page.locator(`[data-testid="case-rows"] [role="row"][data-case-id="${created.caseId}"]`).click();
  await page.getByTestId('letters-panel').getByTestId('open-file').first().click();
  const pageOne = page.getByRole('img', { name: /^Page 1 of \d+$/ });
  await expect(pageOne).toBeVisible();
  // Drawn, not blank: pdf.js gave the canvas the page's size and painted dark pixels of text on it.
  await expect
    .poll(() =>
      pageOne.evaluate((canvas) => {
        const element = canvas as HTMLCanvasElement;
        const pixels = element.getContext('2d')?.getImageData(0, 0, element.width, element.height).data ?? new Uint8ClampedArray();
        let dark = 0;
        for (let index = 0; index < pixels.length; index += 4) if ((pixels[index] ?? 255) < 100 && (pixels[index + 3] ?? 0) > 0) dark += 1;
        return element.width > 500 && dark > 100;
      }),
    )
    .toBe(true);
  const before = await pageOne.boundingBox();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect(page.getByTestId('zoom-level')).toHaveText('125 %');
  await expect.poll(async () => (await pageOne.boundingBox())?.width ?? 0).toBeGreaterThan((before?.width ?? 0) * 1.1);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );

  const downloading = page.waitForEvent('download');
  await page.getByTestId('file-download').click();
  expect((await downloading).suggestedFilename()).toMatch(/\.pdf$/);
});
