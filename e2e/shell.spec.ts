/**
 * Foundation acceptance: the shell opens, every section is reachable, and the About panel shows
 * `app.info` coming from the real main-process services.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';

const pkg = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '..', 'package.json'), 'utf8')) as { version: string };

test('the shell navigates every section and shows app.info from the main process', async ({ plaint }, testInfo) => {
  const { page } = plaint;
  await expect(page.getByRole('heading', { name: 'Plaint', level: 2 })).toBeVisible();
  // A ready database shows no badge (problems only, issue 18); the status area says it is ready.
  await expect(page.getByTestId('status-area')).toHaveAttribute('data-database', 'ready');
  await expect(page.getByTestId('status-database')).toHaveCount(0);

  for (const [nav, pageId, heading] of [
    ['nav-cases', 'page-cases', 'All open'],
    ['nav-new-case', 'page-new-case', 'New complaint'],
    ['nav-postRoom', 'page-postRoom', 'Post room'],
    ['nav-reports', 'page-reports', 'Reports'],
    ['nav-settings', 'page-settings', 'Settings'],
  ] as const) {
    await page.getByTestId(nav).click();
    await expect(page.getByTestId(pageId)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  }

  await page.getByTestId('settings-tab-about').click();
  await expect(page.getByTestId('about-version')).toHaveText(pkg.version);
  await expect(page.getByTestId('about-data-directory')).toHaveText(fs.realpathSync(plaint.dataDirectory));
  const shot = testInfo.outputPath('shell-settings.png');
  await page.screenshot({ path: shot, fullPage: true });
  await testInfo.attach('shell-settings', { path: shot, contentType: 'image/png' });
});

test('the renderer has no Node and exactly one API global with invoke and subscribe', async ({ plaint }) => {
  const surface = await plaint.page.evaluate(() => {
    const api = (window as unknown as { plaint: Record<string, unknown> }).plaint;
    return {
      keys: Object.keys(api).sort(),
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
    };
  });
  expect(surface).toEqual({ keys: ['invoke', 'subscribe'], require: 'undefined', process: 'undefined' });
});
