/**
 * Sign-in, roles and the lock (issue 13): a clerk signs in, logs letters, and is offered no case
 * details (the UI shows none, and the API refuses them with FORBIDDEN); wrong passwords are
 * throttled after five; the app locks after the idle time (the page's clock is moved on, no real
 * waiting) and unlocks with the same person's password.
 */
import { invoke } from './support/api';
import { ADMIN, expect, test } from './support/fixtures';

const CLERK = { name: 'Sam Whitby', login: 'sam', password: 'post room password' };

test('a clerk logs letters but is offered no case details, and the API refuses them', async ({ plaint }) => {
  const { page } = plaint;
  // The administrator adds the clerk's account and a case for the clerk to file post against.
  expect((await invoke(page, 'staff.save', { name: CLERK.name, login: CLERK.login, roles: ['clerk'], password: CLERK.password })).ok).toBe(true);
  const created = await invoke(page, 'cases.create', {
    complainant: { name: 'Edith Crawley', email: 'edith@example.org', preferredChannel: 'email' },
    channel: 'email',
    receivedAt: new Date(Date.now() - 86_400_000).toISOString(),
    type: 'service',
    summary: 'Late delivery',
  });
  const { caseId } = created.result as { caseId: string; reference: string };
  await plaint.signOut();
  await plaint.signIn(CLERK.login, CLERK.password);
  await expect(page.getByTestId('current-staff')).toHaveText(CLERK.name);

  // Only the post room and settings (for their own password); no cases, views, counts or quick search.
  await expect(page.getByTestId('nav-postRoom')).toBeVisible();
  for (const hidden of ['nav-cases', 'nav-new-case', 'nav-reports', 'view-all-open']) await expect(page.getByTestId(hidden)).toHaveCount(0);
  await expect(page.getByTestId('quick-search-open')).toHaveCount(0);

  // Logs a new complaint by letter: the case is created, and the batch shows its reference without a link.
  await page.getByTestId('nav-postRoom').click();
  await page.getByTestId('letter-kind').selectOption('new-complaint');
  const today = new Date();
  await page
    .getByTestId('letter-received-on')
    .fill(`${String(today.getDate()).padStart(2, '0')}/${String(today.getMonth() + 1).padStart(2, '0')}/${today.getFullYear()}`);
  await page.getByTestId('letter-sender').fill('Margaret Hale');
  await page.getByTestId('letter-summary').fill('Leaking bottle in parcel');
  await page.getByTestId('log-letter').click();
  await expect(page.getByTestId('batch-count')).toHaveText('1 letter in this batch');
  const row = page.getByTestId('batch-list').locator('tbody tr').first();
  await expect(row.getByTestId('case-reference')).toHaveText(/^[0-9A-Z]{4}-/);
  await expect(row.locator('a')).toHaveCount(0);

  // A case's address shows nothing of it.
  await page.goto(page.url().replace(/#.*$/, `#/case/${caseId}`));
  await expect(page.getByTestId('not-permitted')).toBeVisible();
  await expect(page.getByText('Late delivery')).toHaveCount(0);

  // The API refuses the case's details, notes and lists, and changes nothing.
  for (const [method, input] of [
    ['cases.get', { caseId }],
    ['cases.list', {}],
    ['cases.addNote', { caseId, text: 'Looked at it' }],
    ['settings.updateOrganisation', {}],
  ] as const) {
    expect(await invoke(page, method, input), method).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  }
  expect(((await invoke(page, 'post.list', {})).result as unknown[]).length).toBe(1);
});

test('wrong passwords are throttled after five, and the sign-in screen says for how long', async ({ plaint }) => {
  const { page } = plaint;
  await plaint.signOut();
  const attempt = async (password: string) => {
    await page.getByTestId('sign-in-login').fill(ADMIN.login);
    await page.getByTestId('sign-in-password').fill(password);
    await page.getByTestId('sign-in-submit').click();
  };
  for (let count = 1; count <= 5; count += 1) {
    await attempt(`wrong password ${count}`);
    await expect(page.getByTestId('sign-in-error')).toHaveText('The login or password is not right.');
    await expect(page.getByTestId('sign-in-submit')).toBeEnabled();
  }
  // Even the right password waits now.
  await attempt(ADMIN.password);
  await expect(page.getByTestId('sign-in-error')).toHaveText(/Too many wrong passwords\. Try again in \d+ seconds\./);
  await expect(page.getByTestId('current-staff')).toHaveCount(0);
  // Signed out: the API answers UNAUTHENTICATED to anything but app.* and session.*.
  expect(await invoke(page, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  expect((await invoke(page, 'app.info', {})).ok).toBe(true);
});

test('the app locks after the idle time and unlocks with the password', async ({ plaint }) => {
  const { page } = plaint;
  await page.clock.install();
  // Activity arms the idle timer (on the page's clock from now on).
  await page.getByTestId('nav-postRoom').click();
  await page.clock.fastForward('14:00');
  await expect(page.getByTestId('current-staff')).toBeVisible();
  await page.clock.fastForward('01:01');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByTestId('current-staff')).toHaveCount(0);
  expect(await invoke(page, 'cases.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });

  await page.getByTestId('unlock-password').fill('not it at all');
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('unlock-error')).toBeVisible();
  await page.getByTestId('unlock-password').fill(ADMIN.password);
  await page.getByTestId('unlock-submit').click();
  await expect(page.getByTestId('current-staff')).toBeVisible();
  expect((await invoke(page, 'cases.list', {})).ok).toBe(true);
});
