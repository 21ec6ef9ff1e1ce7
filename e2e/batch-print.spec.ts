/**
 * Issue 18, end to end: two acknowledgement letters wait to be posted. On the Outgoing tab the
 * clerk chooses both, prints them as one document (one letter per A4 page under print media) and
 * as address labels, then marks both posted in one go: the list empties and both cases are
 * acknowledged by the posting (P-3.2). axe stays clean with the batch bar on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { api } from './support/api';
import { expect, test } from './support/fixtures';

interface Printed {
  readonly letters: number;
  readonly labels: string[];
  /** Under print media: whether the app is hidden and each printed letter starts a page. */
  readonly appHidden: boolean;
  readonly pageBreaks: string[];
}

test('a clerk prints the letters to post and their labels, then marks them all posted at once', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const cases: { caseId: string; reference: string }[] = [];
  for (const name of ['Margaret Hale', 'John Thornton']) {
    const created = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
      complainant: { name, email: '', preferredChannel: 'letter', address: { lines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' } },
      channel: 'letter',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      type: 'service',
      summary: 'Late delivery',
    });
    const { text } = await api<{ text: string }>(page, 'post.draftLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB' });
    await api(page, 'post.finaliseLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB', text });
    cases.push(created);
  }

  // The print dialog is replaced by a recorder of what it would print, read under print media.
  await page.evaluate(() => {
    const recorded: unknown[] = [];
    (window as unknown as { printed: unknown[] }).printed = recorded;
    window.print = () => {
      const root = document.querySelector('.plaint-print-root');
      const letters = [...(root?.querySelectorAll('[data-testid="printed-letter"]') ?? [])];
      const app = document.getElementById('root');
      recorded.push({
        letters: letters.length,
        labels: [...(root?.querySelectorAll('[data-testid="address-label"]') ?? [])].map((node) => node.textContent ?? '').sort(),
        appHidden: app ? getComputedStyle(app).display === 'none' : false,
        pageBreaks: letters.map((letter) => getComputedStyle(letter).breakAfter),
      });
    };
  });
  await page.getByTestId('nav-postRoom').click();
  await page.getByTestId('post-tab-outgoing').click();
  await page.getByTestId('choose-all-letters').click();
  await expect(page.getByTestId('batch-actions')).toContainText('2 letters chosen');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );

  // As the print dialog sees the page: only what is printed shows (the buttons are pressed by event, as print media hides them).
  await page.emulateMedia({ media: 'print' });
  await page.getByTestId('print-letters').dispatchEvent('click');
  await page.getByTestId('print-labels').dispatchEvent('click');
  await page.emulateMedia({ media: 'screen' });
  const printed = await page.evaluate(() => (window as unknown as { printed: Printed[] }).printed);
  expect(printed).toEqual([
    { letters: 2, labels: [], appHidden: true, pageBreaks: ['page', 'auto'] },
    {
      letters: 0,
      labels: ['John Thornton\n12 Milton Road\nManchester\nM1 1AE', 'Margaret Hale\n12 Milton Road\nManchester\nM1 1AE'],
      appHidden: true,
      pageBreaks: [],
    },
  ]);

  await page.getByRole('button', { name: 'Mark 2 letters posted' }).click();
  await expect(page.getByTestId('awaiting-posting')).toHaveCount(0);
  for (const { caseId } of cases) expect((await api<{ case: { status: string } }>(page, 'cases.get', { caseId })).case.status).toBe('acknowledged');
});
