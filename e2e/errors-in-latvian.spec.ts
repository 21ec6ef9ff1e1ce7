/**
 * Errors in the user's language (issue 12): the main process refuses a bad new-complaint form with
 * codes, and a Latvian user reads every field error and the summary in Latvian, none in English.
 */
import { expect, test } from './support/fixtures';
import { choose } from './support/ui';

test('a bad form submitted in Latvian is refused in Latvian, at the fields', async ({ plaint }) => {
  const { page } = plaint;
  await choose(page, page.getByTestId('language-select'), 'Latviešu');
  await page.getByTestId('nav-new-case').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jauna sūdzība' })).toBeVisible();
  const form = page.getByTestId('page-new-case');
  // A phone complaint with no name, no summary and no phone number.
  await form.getByTestId('create-case').click();
  await expect(form.getByText('Obligāts').first()).toBeVisible();
  await expect(form.getByText('Lūdzu, izlabojiet iezīmētos laukus.')).toBeVisible();
  await expect(form.getByText('Required')).toHaveCount(0);
  await expect(form.getByText(/At most|Needed|Cannot be/)).toHaveCount(0);
});
