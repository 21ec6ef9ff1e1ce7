/**
 * P-7.2 (issue 14): while the database is locked, the sign-in screen offers "Unlock with the
 * recovery key". A wrong key is told in the reader's language (en-GB and lv) and the screen stays;
 * a right one opens the database and returns to the sign-in with word that it is open. An open
 * database does not offer it.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '@shared/api/errors';
import type { DatabaseStatus } from '@shared/api/types/app';
import type { SessionState } from '@shared/identity/session-inputs';
import { withApi, type ApiCall } from '../test-support/fake-api';
import { settingsSnapshot } from '../test-support/fixtures';
import { renderWithProviders } from '../test-support/render';
import { SignInScreen } from './SignInScreen';

const KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';
const signedOut: SessionState = { state: 'signed-out', viewer: null, idleLockMinutes: 15, organisation: 'Welzo', awaitingDirectory: false };

afterEach(() => {
  delete window.plaint;
});

function serve(database: DatabaseStatus['state']): ApiCall[] {
  const sent: ApiCall[] = [];
  const info = {
    name: 'Plaint',
    version: '0.0.0-test',
    dataDirectory: 'profile',
    logFile: 'profile/main.log',
    host: 'harness',
    startedAt: '2026-12-07T09:00:00.000Z',
    database: { state: database, file: null, message: null },
  };
  const wrongKey: ApiResponse<unknown> = {
    ok: false,
    error: {
      code: 'UNAUTHENTICATED',
      message: 'This recovery key does not open this database',
      issues: [{ path: 'recoveryKey', code: 'wrong_recovery_key', message: 'This recovery key does not open this database' }],
    },
  };
  withApi(
    settingsSnapshot(),
    {
      'app.info': () => ({ ok: true, result: info }),
      'session.unlockWithRecoveryKey': (input) => ((input as { recoveryKey: string }).recoveryKey === KEY ? { ok: true, result: signedOut } : wrongKey),
    },
    sent,
  );
  return sent;
}

describe('unlocking with the recovery key at sign-in (P-7.2)', () => {
  it('is offered while the database is locked; a wrong key is refused in words, the right one opens it', async () => {
    const sent = serve('locked');
    const done: SessionState[] = [];
    renderWithProviders(<SignInScreen session={signedOut} onDone={(state) => done.push(state)} />);
    await userEvent.click(await screen.findByRole('button', { name: 'Unlock with the recovery key' }));

    await userEvent.type(screen.getByLabelText(/Recovery key/), '0000-0000-0000-0000-0000-0000-0000-0000');
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByRole('alert')).textContent).toContain('This recovery key does not open this database. Nothing was changed.');
    expect(done).toEqual([]);

    await userEvent.clear(screen.getByLabelText(/Recovery key/));
    await userEvent.type(screen.getByLabelText(/Recovery key/), KEY);
    await userEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    expect((await screen.findByTestId('recovery-opened')).textContent).toContain('The database is open');
    expect(done).toEqual([signedOut]);
    expect(screen.queryByTestId('sign-in-form')).not.toBeNull();
    expect(screen.queryByRole('button', { name: 'Unlock with the recovery key' })).toBeNull();
    expect(sent.filter((call) => call.method === 'session.unlockWithRecoveryKey').map((call) => call.input)).toEqual([
      { recoveryKey: '0000-0000-0000-0000-0000-0000-0000-0000' },
      { recoveryKey: KEY },
    ]);
  });

  it('speaks Latvian to a Latvian reader', async () => {
    serve('locked');
    renderWithProviders(<SignInScreen session={signedOut} onDone={() => undefined} />, undefined, 'lv');
    await userEvent.click(await screen.findByRole('button', { name: 'Atbloķēt ar atkopšanas atslēgu' }));
    await userEvent.type(screen.getByLabelText(/Atkopšanas atslēga/), 'nav-atslega');
    await userEvent.click(screen.getByRole('button', { name: 'Atbloķēt' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Šī atkopšanas atslēga neatver šo datubāzi.');
  });

  it('is not offered when the database is open', async () => {
    const sent = serve('ready');
    renderWithProviders(<SignInScreen session={signedOut} onDone={() => undefined} />);
    await screen.findByTestId('sign-in-form');
    await expect.poll(() => sent.some((call) => call.method === 'app.info')).toBe(true);
    expect(screen.queryByRole('button', { name: 'Unlock with the recovery key' })).toBeNull();
  });
});
