/**
 * Issue 14, Settings → Backups in the real renderer against the real main process: an
 * administrator picks a folder, backs up now, and sees the generation as the last result and in
 * the list; a folder that does not exist is refused in words and the saved folder stays.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './support/fixtures';

test('an administrator backs up now to a folder they picked, and a missing folder is refused', async ({ plaint }) => {
  const { page } = plaint;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-e2e-backups-'));
  try {
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('settings-tab-backups').click();
    await expect(page.getByTestId('backup-last')).toContainText('No backup has been taken');
    await page.getByTestId('backup-folder').fill(folder);
    await page.getByTestId('backup-keep').fill('3');
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-now')).toBeEnabled();
    await page.getByTestId('backup-now').click();
    await expect(page.getByTestId('backup-last')).toContainText('plaint-backup-');
    await expect(page.getByTestId('backup-generation')).toHaveCount(1);
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('plaint-backup-'))).toHaveLength(1);

    await page.getByTestId('backup-folder').fill(path.join(folder, 'missing'));
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-error')).toContainText('does not exist');
    await expect(page.getByTestId('backup-generation')).toHaveCount(1);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});
