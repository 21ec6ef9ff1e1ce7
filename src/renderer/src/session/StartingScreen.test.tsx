/**
 * P-7.2 (issue 14): while a profile from before encryption at rest is encrypted in place, the
 * window shows each step as app.status reports it (not a frozen loader), in en-GB and lv; once the
 * database is open the session gate asks for the session again and shows the sign-in.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiResponse } from '@shared/api/errors';
import type { ApiEventName } from '@shared/api/names';
import type { DatabaseStatus, EncryptionStep } from '@shared/api/types/app';
import type { SessionState } from '@shared/identity/session-inputs';
import { renderWithProviders } from '../test-support/render';
import { SessionGate } from './SessionContext';

const signedOut: SessionState = { state: 'signed-out', viewer: null, idleLockMinutes: 15, organisation: 'Welzo', awaitingDirectory: false };
const encrypting = (step: EncryptionStep | null): DatabaseStatus => ({ state: 'opening', file: null, message: null, encryption: { step } });

afterEach(() => {
  delete window.plaint;
});

/** The main process while it encrypts: session.current is unavailable until the database is open. */
function encryptingProfile() {
  let emit: (channel: ApiEventName, payload: unknown) => void = () => undefined;
  let database: DatabaseStatus = encrypting(null);
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
      if (method === 'session.current') return Promise.resolve(database.state === 'ready' ? { ok: true, result: signedOut } : unavailable);
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

const reached = () => [...screen.getByTestId('encryption-steps').querySelectorAll('[data-reached="true"]')].map((item) => item.getAttribute('data-step'));

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
    profile.report(encrypting('copied'));
    expect(reached()).toEqual(['checked', 'copied']);
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
    profile.report(encrypting('checked'));
    expect(screen.getByText(/Datubāze pārbaudīta/)).toBeTruthy();
  });
});
