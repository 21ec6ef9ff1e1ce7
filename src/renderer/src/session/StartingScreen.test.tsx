/**
 * P-7.2 (issue 14): while a profile is upgraded before it opens (a profile from before encryption
 * at rest encrypted in place, or a ChaCha20 one moved to AEGIS), the window shows each step and
 * how much of the copy is written as app.status reports them (not a frozen loader), in en-GB and
 * lv; once the database is open the session gate asks for the session again and shows the
 * sign-in. A ChaCha20 profile unlocked at the sign-in shows its steps there; a failed upgrade says
 * that the profile opened as it was.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiResponse } from '@shared/api/errors';
import type { ApiEventName } from '@shared/api/names';
import type { CipherUpgradeStep, DatabaseStatus, EncryptionStep, ProfileUpgradeStatus } from '@shared/api/types/app';
import type { SessionState } from '@shared/identity/session-inputs';
import { renderWithProviders } from '../test-support/render';
import { SessionGate } from './SessionContext';

const signedOut: SessionState = { state: 'signed-out', viewer: null, idleLockMinutes: 15, organisation: 'Welzo', awaitingDirectory: false };
const MB = 1_048_576;
const encrypting = (step: EncryptionStep | null, copied: { bytes: number; of: number } | null = null): DatabaseStatus => ({
  state: 'opening',
  file: null,
  message: null,
  upgrade: { kind: 'encrypt', step, copied, outcome: step === 'done' ? 'finished' : 'running' },
});
const locked = (upgrade?: ProfileUpgradeStatus): DatabaseStatus => ({
  state: 'locked',
  file: null,
  message: 'The database is locked until someone signs in.',
  ...(upgrade ? { upgrade } : {}),
});
const reciphering = (step: CipherUpgradeStep | null, copied: { bytes: number; of: number } | null = null): ProfileUpgradeStatus => ({
  kind: 'cipher',
  step,
  copied,
  outcome: 'running',
});

afterEach(() => {
  delete window.plaint;
});

/** The main process while it upgrades: session.current is unavailable until the database is open (or while it is locked, signed out). */
function encryptingProfile(first: DatabaseStatus = encrypting(null)) {
  let emit: (channel: ApiEventName, payload: unknown) => void = () => undefined;
  let database: DatabaseStatus = first;
  const unavailable: ApiResponse<unknown> = { ok: false, error: { code: 'UNAVAILABLE', message: 'The database is not available.', issues: [] } };
  window.plaint = createPlaintBridge({
    request: (method) => {
      if (method === 'app.info')
        return Promise.resolve({
          ok: true,
          result: {
            name: 'Plaint',
            version: '1',
            dataDirectory: '/p',
            logFile: '/p/main.log',
            host: 'electron',
            startedAt: '2026-12-07T09:00:00.000Z',
            database,
          },
        });
      if (method === 'session.current')
        return Promise.resolve(database.state === 'ready' || database.state === 'locked' ? { ok: true, result: signedOut } : unavailable);
      return Promise.resolve(unavailable);
    },
    listen: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  return {
    report: (next: DatabaseStatus) =>
      act(() => {
        database = next;
        emit('app.status', { database: next });
      }),
  };
}

const reached = () => [...screen.getByTestId('upgrade-steps').querySelectorAll('[data-reached="true"]')].map((item) => item.getAttribute('data-step'));

describe('the start screen while the database is encrypted in place (P-7.2)', () => {
  it('shows each step as it is reached, then the sign-in once the database is open', async () => {
    const profile = encryptingProfile();
    renderWithProviders(
      <SessionGate>
        <p>the app</p>
      </SessionGate>,
    );
    expect(await screen.findByRole('heading', { name: 'Encrypting the database' })).toBeTruthy();
    expect(reached()).toEqual([]);
    profile.report(encrypting('checked'));
    profile.report(encrypting('checked', { bytes: 3 * MB, of: 12 * MB }));
    expect(screen.getByTestId('upgrade-copied').textContent).toBe('Copying the database: 3 of 12 MB (25%)');
    profile.report(encrypting('copied', { bytes: 12 * MB, of: 12 * MB }));
    expect(reached()).toEqual(['checked', 'copied']);
    expect(screen.queryByTestId('upgrade-copied')).toBeNull();
    expect(screen.getByText(/Copy made and verified/)).toBeTruthy();
    profile.report(encrypting('done'));
    expect(reached()).toEqual(['checked', 'copied', 'encrypted', 'switched', 'done']);

    profile.report({ state: 'ready', file: '/p/plaint.sqlite', message: null });
    expect(await screen.findByTestId('sign-in-form')).toBeTruthy();
  });

  it('speaks Latvian to a Latvian reader', async () => {
    const profile = encryptingProfile();
    renderWithProviders(
      <SessionGate>
        <p>the app</p>
      </SessionGate>,
      undefined,
      'lv',
    );
    expect(await screen.findByRole('heading', { name: 'Datubāze tiek šifrēta' })).toBeTruthy();
    profile.report(encrypting('checked', { bytes: MB / 2, of: 2 * MB }));
    expect(screen.getByText(/Datubāze pārbaudīta/)).toBeTruthy();
    expect(screen.getByTestId('upgrade-copied').textContent).toBe('Datubāze tiek kopēta: 0,5 no 2 MB (25 %)');
  });
});

describe('a ChaCha20 profile moved to AEGIS, and a failed upgrade (P-7.2)', () => {
  it('at start: the start screen shows the cipher’s steps and the copy, then the sign-in', async () => {
    const profile = encryptingProfile({ state: 'opening', file: null, message: null });
    renderWithProviders(
      <SessionGate>
        <p>the app</p>
      </SessionGate>,
    );
    expect(await screen.findByLabelText('Loading')).toBeTruthy();
    profile.report({ state: 'opening', file: null, message: null, upgrade: reciphering(null) });
    expect(await screen.findByRole('heading', { name: 'Updating the database encryption' })).toBeTruthy();
    profile.report({ state: 'opening', file: null, message: null, upgrade: reciphering('checked', { bytes: 6 * MB, of: 8 * MB }) });
    expect(reached()).toEqual(['checked']);
    expect(screen.getByTestId('upgrade-copied').textContent).toBe('Copying the database: 6 of 8 MB (75%)');
    profile.report({ state: 'opening', file: null, message: null, upgrade: reciphering('rekeyed', { bytes: 8 * MB, of: 8 * MB }) });
    expect(reached()).toEqual(['checked', 'copied', 'rekeyed']);
    expect(screen.getByText(/Copy re-encrypted and verified/)).toBeTruthy();
    profile.report({ state: 'ready', file: '/p/plaint.sqlite', message: null });
    expect(await screen.findByTestId('sign-in-form')).toBeTruthy();
    expect(screen.queryByTestId('profile-upgrade')).toBeNull();
  });

  it('unlocked by a password: the sign-in screen shows the steps while the database is still locked, in Latvian too', async () => {
    const profile = encryptingProfile(locked());
    renderWithProviders(
      <SessionGate>
        <p>the app</p>
      </SessionGate>,
      undefined,
      'lv',
    );
    expect(await screen.findByTestId('sign-in-form')).toBeTruthy();
    expect(screen.queryByTestId('profile-upgrade')).toBeNull();
    profile.report(locked(reciphering('copied', { bytes: 2 * MB, of: 2 * MB })));
    expect(await screen.findByRole('heading', { name: 'Tiek atjaunināta datubāzes šifrēšana' })).toBeTruthy();
    expect(reached()).toEqual(['checked', 'copied']);
    expect(screen.getByText(/Kopija izveidota/)).toBeTruthy();
    expect(screen.getByTestId('sign-in-form')).toBeTruthy();
  });

  it.each([
    ['encrypt', 'The database could not be encrypted. Plaint opened it as it was, unencrypted'],
    ['cipher', 'The database could not be moved to the new cipher. Plaint opened it as it was, still encrypted'],
  ] as const)('a failed "%s" upgrade: the sign-in screen says the profile opened as it was', async (kind, words) => {
    encryptingProfile({
      state: 'ready',
      file: '/p/plaint.sqlite',
      message: null,
      upgrade: kind === 'encrypt' ? { kind, step: 'checked', copied: null, outcome: 'failed' } : { kind, step: 'copied', copied: null, outcome: 'failed' },
    });
    renderWithProviders(
      <SessionGate>
        <p>the app</p>
      </SessionGate>,
    );
    expect(await screen.findByTestId('sign-in-form')).toBeTruthy();
    const alert = await screen.findByTestId('upgrade-failed');
    expect(alert.textContent).toContain(words);
    expect(alert.getAttribute('data-kind')).toBe(kind);
  });
});
