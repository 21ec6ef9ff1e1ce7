/**
 * Issue 18: the keyboard-shortcut help sheet opens with `?` (never while typing in a field) and
 * lists the real shortcuts; Ctrl+K keeps every character typed at once after it and always opens
 * empty, never with the last query.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './support/fixtures';

test('? opens the shortcut sheet, except while typing in a field; it is accessible and Esc closes it', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await page.getByTestId('case-search').fill('');
  await page.keyboard.type('a?');
  await expect(page.getByTestId('case-search')).toHaveValue('a?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);

  await page.getByTestId('case-search').fill('');
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet.getByTestId('shortcut-quickSearch')).toContainText('Find a case by reference or name');
  await expect(sheet.getByTestId('shortcut-help')).toContainText('except while typing in a field');
  await expect(sheet.getByTestId('shortcut-registerLog')).toContainText('Log the letter');
  const results = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );
  await page.keyboard.press('Escape');
  await expect(sheet).toHaveCount(0);
});

test('Ctrl+K keeps the first character typed at once, and opens empty every time', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  for (const word of ['Smith', 'Ozols', 'Brown', 'Kalns', 'Jones']) {
    await page.getByRole('heading', { level: 1 }).click();
    // Typed straight after the shortcut, while the dialog is still opening.
    await page.keyboard.press('Control+K');
    await page.keyboard.type(word);
    await expect(page.getByTestId('quick-search-input')).toHaveValue(word);
    await expect(page.getByTestId('quick-search-input')).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('quick-search-input')).toHaveCount(0);
  }
  // Reopened with the button: empty as well.
  await page.getByTestId('quick-search-open').click();
  await expect(page.getByTestId('quick-search-input')).toHaveValue('');
});
