/**
 * Settings → Sync (issue 13): "Prepare the server" sends the CouchDB administrator's name and
 * password once and lists what it did per database, in the user's language; a refusal is shown
 * translated; and the status warns when the server needs no login.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ServerPreparation, SyncStatus } from '@shared/domain/sync';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { latvianSettingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { PrepareServer } from './PrepareServer';
import { SyncStatusPanel } from './SyncStatusPanel';

afterEach(() => {
  delete window.plaint;
});

const prepared: ServerPreparation = {
  databases: [
    { database: 'plaint_cases', outcome: 'installed', version: 'a' },
    { database: 'plaint_staff', outcome: 'unchanged', version: 'b' },
  ],
};

describe('Prepare the server', () => {
  it("sends the administrator's credentials once and lists what was done, in Latvian", async () => {
    const sent: ApiCall[] = [];
    withApi(latvianSettingsSnapshot(), { 'sync.prepareServer': () => ({ ok: true, result: prepared }) }, sent);
    renderWithSettings(<PrepareServer />, 'lv');
    await userEvent.type(await screen.findByTestId('sync-prepare-username'), 'couchadmin');
    await userEvent.type(screen.getByTestId('sync-prepare-password'), 'secret');
    await userEvent.click(screen.getByTestId('sync-prepare-submit'));
    const result = await screen.findByTestId('sync-prepare-result');
    expect(result.textContent).toContain('plaint_cases: aizsardzība uzstādīta');
    expect(result.textContent).toContain('plaint_staff: jau aktuāla');
    expect(sent).toEqual([{ method: 'sync.prepareServer', input: { username: 'couchadmin', password: 'secret' } }]);
    // The password is not kept in the form.
    expect((screen.getByTestId('sync-prepare-password') as HTMLInputElement).value).toBe('');
  });

  it('shows a refusal translated', async () => {
    const message = 'only a CouchDB administrator may prepare the server';
    withApi(latvianSettingsSnapshot(), {
      'sync.prepareServer': () => ({ ok: false, error: { code: 'UNAVAILABLE', message, issues: [{ path: '', code: 'server_admin_needed', message }] } }),
    });
    renderWithSettings(<PrepareServer />);
    await userEvent.click(await screen.findByTestId('sync-prepare-submit'));
    expect((await screen.findByTestId('sync-prepare-error')).textContent).toContain('Enter the CouchDB administrator’s name and password');
  });
});

describe('the sync status warns when the server needs no login', () => {
  const status = (serverWarning: SyncStatus['serverWarning']): SyncStatus => ({
    state: 'up-to-date',
    pending: 0,
    lastSyncedAt: null,
    problem: null,
    nextRetryAt: null,
    notice: null,
    quarantined: 0,
    serverWarning,
  });

  it.each([
    ['no-login', 'en-GB', 'can read the team'],
    ['admin-party', 'lv', 'Serverim nav administratora'],
  ] as const)('%s (%s)', async (warning, language, text) => {
    withApi(latvianSettingsSnapshot(), { 'sync.status': () => ({ ok: true, result: status(warning) }) });
    renderWithSettings(<SyncStatusPanel />, language);
    expect((await screen.findByTestId('sync-server-warning')).textContent).toContain(text);
  });

  it('says nothing when the server asks for a login', async () => {
    withApi(latvianSettingsSnapshot(), { 'sync.status': () => ({ ok: true, result: status(null) }) });
    renderWithSettings(<SyncStatusPanel />);
    await screen.findByTestId('sync-state');
    expect(screen.queryByTestId('sync-server-warning')).toBeNull();
  });
});
