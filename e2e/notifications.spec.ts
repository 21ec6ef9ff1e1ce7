/**
 * The deadline notifier in the harness: with breached cases on file, the in-app notification
 * centre shows one summary (not a flood), and clicking it opens the Breached view.
 */
import { expect, test } from './support/fixtures';

test.use({ harnessArgs: ['--seed-demo', '300'] });

test('breaches become one in-app summary that opens the Breached view', async ({ plaint }) => {
  const { page } = plaint;
  const bell = page.getByTestId('notifications-open');
  await expect(bell).toHaveAccessibleName(/Notifications: [1-9]\d* unread/, { timeout: 30_000 });
  await bell.click();
  const summary = page.getByTestId('notification-list').getByText(/^\d+ deadlines breached$/);
  await expect(summary).toBeVisible();
  await summary.click();
  await expect(page.getByTestId('case-list-title')).toHaveText('Breached');
  await expect(page.getByTestId('case-count')).toHaveText(/[1-9]\d* cases?/);
  // Opening the summary read it. Deadlines already breached are never also told as "due soon"
  // (issue 18), so whatever else is unread is what is really due soon: mark it all read.
  await bell.click();
  await expect(page.getByTestId('notification-list')).toBeVisible();
  const markAll = page.getByRole('button', { name: 'Mark all read' });
  if (await markAll.isVisible()) await markAll.click();
  await expect(bell).toHaveAccessibleName('Notifications: 0 unread');
});
