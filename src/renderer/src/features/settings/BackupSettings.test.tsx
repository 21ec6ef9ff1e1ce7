/**
 * Settings → Backups (issue 14): the last result in words (a failure translated, with the
 * folder), the generations in the folder, "Back up now" shows the new generation, and a folder
 * the main process refuses is said in the user's language.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupView } from '@shared/domain/backup';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { latvianSettingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { BackupSettings } from './BackupSettings';

afterEach(() => {
  delete window.plaint;
});

const failed: BackupView = {
  settings: { folder: '/media/usb/plaint', keep: 7, daily: true },
  last: {
    at: '2026-12-06T09:00:00.000Z',
    trigger: 'daily',
    generation: null,
    error: { code: 'backup_folder_missing', params: { path: '/media/usb/plaint' }, message: 'The backup folder /media/usb/plaint does not exist.' },
  },
  running: false,
  generations: [{ name: 'plaint-backup-20261205T090000000Z', createdAt: '2026-12-05T09:00:00.000Z', bytes: 3_355_443, appVersion: '1.0.0', documents: 1234 }],
};

const done: BackupView = {
  ...failed,
  last: { at: '2026-12-07T09:00:00.000Z', trigger: 'manual', generation: 'plaint-backup-20261207T090000000Z', error: null },
  generations: [
    { name: 'plaint-backup-20261207T090000000Z', createdAt: '2026-12-07T09:00:00.000Z', bytes: 3_145_728, appVersion: '1.0.0', documents: 1240 },
    ...failed.generations,
  ],
};

describe('Settings → Backups', () => {
  it('shows why the last backup failed, in Latvian, and the generations in the folder', async () => {
    withApi(latvianSettingsSnapshot(), { 'backup.status': () => ({ ok: true, result: failed }) });
    renderWithSettings(<BackupSettings />, 'lv');
    expect((await screen.findByTestId('backup-last')).textContent).toContain('Mape /media/usb/plaint neeksistē.');
    expect(screen.getAllByTestId('backup-generation').map((row) => row.textContent)).toEqual([expect.stringContaining('plaint-backup-20261205T090000000Z')]);
    // Issue 18 (Latvian): decimals in the language's form, "3,2 MB", not "3.2 MB".
    expect(screen.getByTestId('backup-generation').textContent).toContain('3,2 MB');
    expect((screen.getByTestId('backup-folder') as HTMLInputElement).value).toBe('/media/usb/plaint');
  });

  it('backs up now and shows the new generation as the last result', async () => {
    const sent: ApiCall[] = [];
    withApi(latvianSettingsSnapshot(), { 'backup.status': () => ({ ok: true, result: failed }), 'backup.now': () => ({ ok: true, result: done }) }, sent);
    renderWithSettings(<BackupSettings />);
    await userEvent.click(await screen.findByTestId('backup-now'));
    expect((await screen.findByText(/plaint-backup-20261207T090000000Z\./)).getAttribute('data-testid')).toBe('backup-last');
    expect(screen.getAllByTestId('backup-generation')).toHaveLength(2);
    expect(sent.map((entry) => entry.method)).toContain('backup.now');
  });

  it('says why a folder was refused, and keeps what the administrator typed', async () => {
    const message = '/etc/hosts is a file, not a folder.';
    withApi(latvianSettingsSnapshot(), {
      'backup.status': () => ({ ok: true, result: failed }),
      'backup.configure': () => ({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message, issues: [{ path: '', code: 'backup_folder_not_folder', message, params: { path: '/etc/hosts' } }] },
      }),
    });
    renderWithSettings(<BackupSettings />);
    const folder = await screen.findByTestId('backup-folder');
    await userEvent.clear(folder);
    await userEvent.type(folder, '/etc/hosts');
    await userEvent.click(screen.getByTestId('backup-save'));
    expect((await screen.findByTestId('backup-error')).textContent).toContain('/etc/hosts is a file, not a folder.');
    expect((screen.getByTestId('backup-folder') as HTMLInputElement).value).toBe('/etc/hosts');
  });
});
