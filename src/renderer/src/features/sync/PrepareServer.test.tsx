/**
 * Settings → Sync (issue 13): "Prepare the server" sends the CouchDB administrator's name and
 * password once and lists what it did per database, in the user's language; a refusal is shown
 * translated; and the status warns when the server needs no login.
 */
import { MantineProvider } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '../../../../shared/api/bridge';
import type { ApiResponse } from '../../../../shared/api/errors';
import type { ServerPreparation, SyncStatus } from '../../../../shared/domain/sync';
import { createQueryClient } from '../../api/query-client';
import { theme } from '../../app/theme';
import { createI18n, type Language } from '../../i18n/i18n';
import { SettingsProvider } from '../../settings/SettingsContext';
import type { SettingsSnapshot } from '../../../../shared/api/types/settings';
import { DEFAULT_SLA_POLICY } from '../../../../shared/sla';
import { PrepareServer } from './PrepareServer';
import { SyncStatusPanel } from './SyncStatusPanel';

afterEach(() => {
  delete window.plaint;
});

const snapshot: SettingsSnapshot = {
  organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'LV', email: '', phone: '', independentAdvice: { 'en-GB': '', lv: '' } },
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: { region: 'LV', timeZone: 'Europe/Riga', closures: [], extraWorkingDays: [], workWeek: [1, 2, 3, 4, 5], dayNotes: {} },
  complaintTypes: [],
  departments: [],
  rootCauses: [],
  staff: [],
  security: { idleLockMinutes: 15 },
  deviceCode: '7KQ2',
};

function withApi(answers: Record<string, (input: unknown) => ApiResponse<unknown>>, sent: { method: string; input: unknown }[] = []): void {
  window.plaint = {
    invoke: (method: string, input: unknown) => {
      if (method === 'settings.get') return Promise.resolve({ ok: true, result: snapshot });
      sent.push({ method, input });
      const answer = answers[method];
      return Promise.resolve(answer ? answer(input) : { ok: false, error: { code: 'INTERNAL', message: 'not in this test', issues: [] } });
    },
    subscribe: () => () => undefined,
  } as unknown as PlaintBridge;
}

function show(element: ReactNode, language: Language = 'en-GB'): void {
  render(
    <QueryClientProvider client={createQueryClient()}>
      <I18nextProvider i18n={createI18n(language)}>
        <MantineProvider theme={theme}>
          <SettingsProvider fallback={null}>{element}</SettingsProvider>
        </MantineProvider>
      </I18nextProvider>
    </QueryClientProvider>,
  );
}

const prepared: ServerPreparation = {
  databases: [
    { database: 'plaint_cases', outcome: 'installed', version: 'a' },
    { database: 'plaint_staff', outcome: 'unchanged', version: 'b' },
  ],
};

describe('Prepare the server', () => {
  it("sends the administrator's credentials once and lists what was done, in Latvian", async () => {
    const sent: { method: string; input: unknown }[] = [];
    withApi({ 'sync.prepareServer': () => ({ ok: true, result: prepared }) }, sent);
    show(<PrepareServer />, 'lv');
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
    withApi({ 'sync.prepareServer': () => ({ ok: false, error: { code: 'UNAVAILABLE', message, issues: [{ path: '', code: 'server_admin_needed', message }] } }) });
    show(<PrepareServer />);
    await userEvent.click(await screen.findByTestId('sync-prepare-submit'));
    expect((await screen.findByTestId('sync-prepare-error')).textContent).toContain('Enter the CouchDB administrator’s name and password');
  });
});

describe('the sync status warns when the server needs no login', () => {
  const status = (serverWarning: SyncStatus['serverWarning']): SyncStatus => ({ state: 'up-to-date', pending: 0, lastSyncedAt: null, problem: null, nextRetryAt: null, notice: null, quarantined: 0, serverWarning });

  it.each([
    ['no-login', 'en-GB', 'can read the team'],
    ['admin-party', 'lv', 'Serverim nav administratora'],
  ] as const)('%s (%s)', async (warning, language, text) => {
    withApi({ 'sync.status': () => ({ ok: true, result: status(warning) }) });
    show(<SyncStatusPanel />, language);
    expect((await screen.findByTestId('sync-server-warning')).textContent).toContain(text);
  });

  it('says nothing when the server asks for a login', async () => {
    withApi({ 'sync.status': () => ({ ok: true, result: status(null) }) });
    show(<SyncStatusPanel />);
    await screen.findByTestId('sync-state');
    expect(screen.queryByTestId('sync-server-warning')).toBeNull();
  });
});
