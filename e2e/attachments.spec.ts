/**
 * Issue 18, end to end: a complaint that came by the web form is logged with the customer's photo
 * attached; the case's first timeline entry lists the photo, which opens in the app's viewer. A
 * note with a file that is not a photo or PDF is refused at the picker and nothing is added.
 * axe stays clean with the picker and the viewer on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { PNG } from '../src/main/files/test-support/scan-files';
import { expect, test } from './support/fixtures';
import { choose } from './support/ui';

test('a web-form complaint keeps its photo as a case file that opens in the viewer; a bad file on a note adds nothing', async ({ plaint }) => {
  const { page } = plaint;
  await page.getByTestId('nav-new-case').click();
  const form = page.getByTestId('page-new-case');
  await form.getByLabel('Name', { exact: false }).first().fill('Rūta Kalniņa');
  await form.getByLabel('E-mail', { exact: false }).first().fill('ruta.kalnina@example.lv');
  await choose(page, form.getByLabel('Channel of receipt', { exact: false }), 'Web form');
  await form.getByLabel('Summary', { exact: false }).fill('Cracked screen on delivery');
  await form.getByTestId('attachments-input').setInputFiles({ name: 'cracked-screen.png', mimeType: 'image/png', buffer: PNG });
  await expect(form.getByText('cracked-screen.png')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );
  await form.getByTestId('create-case').click();

  await expect(page.getByTestId('page-case')).toBeVisible();
  const timeline = page.getByTestId('timeline');
  await timeline.getByRole('button', { name: 'View cracked-screen.png' }).click();
  await expect(page.getByTestId('image-view')).toBeVisible();
  await expect(page.getByRole('img', { name: 'cracked-screen.png' })).toBeVisible();
  await page.keyboard.press('Escape');

  // A text file named .pdf: refused as a scan would be, and the note is not added.
  const notes = timeline.locator('[data-entry-kind="note"]');
  await page.getByTestId('note-text').fill('The customer sent their notes');
  await page.getByTestId('attachments-input').setInputFiles({ name: 'notes.pdf', mimeType: 'application/pdf', buffer: Buffer.from('plain text, not a PDF') });
  await page.getByTestId('note-save').click();
  await expect(page.getByRole('alert').filter({ hasText: 'notes.pdf' })).toBeVisible();
  await expect(notes).toHaveCount(0);
});
