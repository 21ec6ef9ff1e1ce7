/**
 * The sync and e-mail connection forms share one behaviour (issue 12, useConnectionForm and
 * SavedPasswordInput): the saved password is never shown back, only said to be saved and where
 * it is kept; saving with the field empty keeps it (no password is sent); a typed one is sent
 * once and the field empties; a refusal is shown at its field.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailSettingsView } from '@shared/domain/mail';
import type { SyncSettingsView } from '@shared/domain/sync';
import { MailSettings } from '../mail/MailSettings';
import { SyncSettings } from '../sync/SyncSettings';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';

afterEach(() => {
  delete window.plaint;
});

const sync: SyncSettingsView = {
  enabled: true,
  serverUrl: 'https://couch.example',
  database: 'team',
  username: 'plaint',
  hasPassword: true,
  passwordStorage: 'os-keychain',
};
const mail: MailSettingsView = {
  enabled: true,
  imap: { host: 'imap.example', port: 993, security: 'tls', username: 'care@example', inbox: 'INBOX', processedFolder: 'Plaint', sentFolder: 'Sent' },
  smtp: { host: 'smtp.example', port: 465, security: 'tls', from: 'care@example' },
  hasPassword: false,
  passwordStorage: 'memory',
};
const configures = (sent: readonly ApiCall[], method: string) => sent.filter((call) => call.method === method).map((call) => call.input);

describe('Settings → Sync, the connection form', () => {
  it('says the password is saved and kept in the keychain; an empty field keeps it, a typed one is sent once and cleared', async () => {
    const sent: ApiCall[] = [];
    withApi(settingsSnapshot(), { 'sync.settings': () => ({ ok: true, result: sync }), 'sync.configure': () => ({ ok: true, result: sync }) }, sent);
    renderWithSettings(<SyncSettings />);
    const password = await screen.findByTestId<HTMLInputElement>('sync-password');
    expect(password.placeholder).toBe('Saved (leave empty to keep it)');
    expect(screen.getByText("Kept encrypted by the operating system's keychain.")).toBeTruthy();

    await userEvent.click(screen.getByTestId('sync-save'));
    await waitFor(() => expect(configures(sent, 'sync.configure')).toHaveLength(1));
    expect(configures(sent, 'sync.configure')[0]).toEqual({
      enabled: true,
      serverUrl: 'https://couch.example',
      database: 'team',
      username: 'plaint',
      password: undefined,
    });

    await userEvent.type(await screen.findByTestId('sync-password'), 'new secret');
    await userEvent.click(screen.getByTestId('sync-save'));
    await waitFor(() => expect(configures(sent, 'sync.configure')).toHaveLength(2));
    expect(configures(sent, 'sync.configure')[1]).toMatchObject({ password: 'new secret' });
    await waitFor(async () => expect((await screen.findByTestId<HTMLInputElement>('sync-password')).value).toBe(''));
  });

  it('shows a refused field at that field and keeps what was typed', async () => {
    const message = 'Use https:// for the team server';
    withApi(settingsSnapshot(), {
      'sync.settings': () => ({ ok: true, result: sync }),
      'sync.configure': () => ({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message, issues: [{ path: 'serverUrl', code: 'insecure_server_address', message }] },
      }),
    });
    renderWithSettings(<SyncSettings />);
    await userEvent.type(await screen.findByTestId('sync-password'), 'typed');
    await userEvent.click(screen.getByTestId('sync-save'));
    expect(await screen.findByText(/Use https:\/\/ for the team server: plain http:\/\/ is allowed only to this computer/)).toBeTruthy();
    expect(screen.getByTestId<HTMLInputElement>('sync-password').value).toBe('typed');
  });
});

describe('Settings → E-mail, the connection form', () => {
  it('with no saved password says it is kept in memory only, and sends no password when none is typed', async () => {
    const sent: ApiCall[] = [];
    withApi(settingsSnapshot(), { 'mail.settings': () => ({ ok: true, result: mail }), 'mail.configure': () => ({ ok: true, result: mail }) }, sent);
    renderWithSettings(<MailSettings />);
    const password = await screen.findByTestId<HTMLInputElement>('mail-password');
    expect(password.placeholder).toBe('');
    expect(screen.getByText('No keychain on this system: the password is kept only until Plaint closes.')).toBeTruthy();
    await userEvent.click(screen.getByTestId('mail-save'));
    await waitFor(() => expect(configures(sent, 'mail.configure')).toHaveLength(1));
    expect(configures(sent, 'mail.configure')[0]).toEqual({ enabled: true, imap: mail.imap, smtp: mail.smtp, password: undefined });
  });
});
