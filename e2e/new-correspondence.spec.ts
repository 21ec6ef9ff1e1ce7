/**
 * Issue 18, end to end: a clerk logs a letter about a closed case of the administrator's. The
 * case list marks it (updated since they last looked), the workspace says so and raises "new
 * correspondence on a closed case"; the administrator (a manager) decides "no action" with a
 * reason, which the timeline records. axe stays clean with the decision form on screen.
 */
import AxeBuilder from '@axe-core/playwright';
import { api } from './support/api';
import { ADMIN, expect, test } from './support/fixtures';

test('post logged on a closed case is marked for its assignee and waits for their decision', async ({ plaint }) => {
  const { page } = plaint;
  await expect(page.getByTestId('page-cases')).toBeVisible();
  const staff = (await api<{ staff: { id: string; login: string }[] }>(page, 'settings.get', {})).staff;
  const adminId = staff.find((member) => member.login === ADMIN.login)!.id;
  const hour = 3_600_000;
  const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * hour).toISOString();
  const created = await api<{ caseId: string; reference: string }>(page, 'cases.create', {
    complainant: {
      kind: 'customer',
      name: 'Ilze Ozola',
      email: 'ilze@example.lv',
      phone: '',
      address: null,
      preferredChannel: 'email',
      customerNumber: '',
      orderNumber: '',
    },
    channel: 'telephone',
    receivedAt: at(5),
    type: 'service',
    product: '',
    summary: 'Late delivery',
    description: '',
    desiredOutcome: '',
    assigneeId: adminId,
    departments: [],
    relatedCaseIds: [],
  });
  for (const action of [
    { type: 'acknowledge', at: at(4), channel: 'email' },
    { type: 'startInvestigation', at: at(4) },
    { type: 'communicateResolution', rootCauseId: 'courier-handling', at: at(3), channel: 'email', summary: 'Refund agreed', outcome: 'upheld', redress: [] },
    { type: 'close', at: at(2) },
  ]) {
    await api(page, 'cases.act', { caseId: created.caseId, action });
  }

  // The clerk logs the letter; then the administrator is back.
  await api(page, 'staff.save', { name: 'Colin Clerk', login: 'colin', roles: ['clerk'], departments: [], password: 'clerk test password' });
  await api(page, 'session.signOut', {});
  await api(page, 'session.signIn', { login: 'colin', password: 'clerk test password' });
  const today = await page.evaluate(() => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' }));
  await api(page, 'post.logIncoming', {
    receivedOn: today,
    sender: { name: 'Ilze Ozola', addressLines: [], postcode: '', country: 'LV' },
    referenceQuoted: created.reference,
    kind: 'correspondence',
    summary: 'The parcel never came',
  });
  await api(page, 'session.signOut', {});
  await plaint.signIn(ADMIN.login, ADMIN.password);

  await page.getByTestId('nav-cases').click();
  await page.getByTestId('view-closed').click();
  await page.getByTestId('case-search').fill(created.reference);
  const row = page.locator(`[data-testid="case-rows"] [role="row"][data-case-id="${created.caseId}"]`);
  await expect(row.getByTestId('unread-marker')).toBeVisible();
  await row.click();
  await expect(page.getByTestId('page-case')).toBeVisible();
  await expect(page.getByTestId('unread-marker')).toHaveText('New correspondence since you last looked');
  const notice = page.getByTestId('closed-case-correspondence');
  await expect(notice).toContainText('The parcel never came');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual(
    [],
  );

  await page.getByTestId('correspondence-submit').click();
  await expect(notice.getByText('Required').first()).toBeVisible();
  await page.getByTestId('correspondence-decision').click();
  await page.getByRole('option', { name: 'No action' }).click();
  await page.getByTestId('correspondence-reason').fill('Already refunded; told by phone');
  await page.getByTestId('correspondence-submit').click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByText('New correspondence on the closed case: no action. Reason: Already refunded; told by phone')).toBeVisible();

  // The notification centre told it, its time shown whole beside the long title (issue 18: not "2 SECOND…").
  await page.getByTestId('notifications-open').click();
  const item = page.getByTestId('notification-list').getByText(`New correspondence on a closed case: ${created.reference}`);
  await expect(item).toBeVisible();
  const time = page.getByTestId('notification-list').locator('.mantine-Badge-root').first();
  await expect(time).toBeVisible();
  expect(await time.evaluate((badge) => [...badge.querySelectorAll('*'), badge].every((element) => element.scrollWidth <= element.clientWidth + 1))).toBe(true);
  await page.keyboard.press('Escape');

  // Opened, so no longer marked in the list.
  await page.getByTestId('back-to-list').click();
  await page.getByTestId('case-search').fill(created.reference);
  await expect(row).toBeVisible();
  await expect(row.getByTestId('unread-marker')).toHaveCount(0);
});
