/**
 * Saved case views belong to the person and live in the main process's database (issue 12): one
 * saved from the list is still there after the app restarts (a fresh window, nothing in its
 * storage), a bad name is refused at the field, and views that earlier versions kept in the
 * window's localStorage are moved into the database once and cleared from the window.
 */
import { expect, test } from './support/fixtures';

const customViews = '[data-testid^="view-custom-"]';

test('a view saved from the list survives a restart and can be deleted; a bad name is refused at the field', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await page.getByTestId('case-search').fill('refund');
  await page.getByTestId('save-view').click();

  const name = page.getByTestId('view-name');
  await name.fill('x'.repeat(81));
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('At most 80 characters')).toBeVisible();
  await expect(page.locator(customViews)).toHaveCount(0);

  await name.fill('Refunds');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByTestId('case-list-title')).toHaveText('Refunds');
  await expect(page.locator(customViews)).toHaveText([/Refunds/]);

  await plaint.restart();
  const after = plaint.page;
  await expect(after.locator(customViews)).toHaveText([/Refunds/]);
  await after.locator(customViews).click();
  await expect(after.getByTestId('case-search')).toHaveValue('refund');
  await after.getByTestId('delete-view').click();
  await expect(after.getByTestId('case-list-title')).toHaveText('All open');
  await expect(after.locator(customViews)).toHaveCount(0);
});

test('views kept in the window by an earlier version move into the database once', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const legacy = [
    { id: 'custom-lz3k9w1x', name: 'Old breached', filters: { deadline: 'breached' }, sort: { field: 'nextDueAt', direction: 'asc' }, search: '' },
    { id: 'custom-broken', name: 'Not a view', filters: { colour: 'red' }, sort: { field: 'nextDueAt', direction: 'asc' } },
  ];
  await page.evaluate((views) => window.localStorage.setItem('plaint.caseViews', JSON.stringify(views)), legacy);
  await page.reload();

  await expect(page.getByTestId('view-custom-lz3k9w1x')).toContainText('Old breached');
  await expect.poll(() => page.evaluate(() => window.localStorage.getItem('plaint.caseViews'))).toBeNull();
  await expect(page.locator(customViews)).toHaveCount(1);

  // In the database now: a fresh window (a restarted app has empty storage) still lists it.
  await plaint.restart();
  await expect(plaint.page.getByTestId('view-custom-lz3k9w1x')).toContainText('Old breached');
});

test('"Back to the list" returns to the list as it was left: its search kept (issue 18)', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  await page.evaluate(() =>
    (window as unknown as { plaint: { invoke(m: string, i: unknown): Promise<unknown> } }).plaint.invoke('cases.create', {
      channel: 'telephone',
      receivedAt: new Date(Date.now() - 3_600_000).toISOString(),
      complainant: { name: 'Anna Bērziņa', preferredChannel: 'telephone', phone: '+371 2000 0000' },
      type: 'product',
      summary: 'Blood pressure monitor stopped working',
    }),
  );
  await page.getByTestId('case-search').fill('monitor');
  const row = page.locator('[data-testid="case-rows"] [role="row"][data-case-id]').first();
  // Clicked once the searched list has loaded its row (a row still loading does not open).
  await expect(row).toContainText('Anna Bērziņa');
  await expect(page.getByTestId('case-count')).toContainText('1');
  await row.click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await page.getByTestId('back-to-list').click();
  await expect(page.getByTestId('case-search')).toHaveValue('monitor');
});
