/**
 * Issue 18: what the window keeps for a session (the clerk's half-typed letter, the batch and Undo)
 * outlives a lock, which the same person lifts, and is forgotten at sign-out or when another person
 * signs in. The session gate decides, from the main process's session events.
 */
import { act, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiEventName } from '@shared/api/names';
import type { SessionState } from '@shared/identity/session-inputs';
import { renderWithProviders } from '../test-support/render';
import { SessionGate } from './SessionContext';
import { forgetOnSessionEnd } from './session-memory';

const signedIn = (accountId: string): SessionState => ({
  state: 'signed-in',
  viewer: { accountId, name: accountId, roles: ['clerk'], departments: [] },
  idleLockMinutes: 15,
  organisation: 'Welzo',
  awaitingDirectory: false,
});

afterEach(() => {
  delete window.plaint;
});

function startSession() {
  let emit: (channel: ApiEventName, payload: unknown) => void = () => undefined;
  window.plaint = createPlaintBridge({
    request: () => Promise.resolve({ ok: true, result: signedIn('carl') }),
    listen: (listener) => {
      emit = listener;
      return () => undefined;
    },
  });
  let forgotten = 0;
  const stop = forgetOnSessionEnd(() => (forgotten += 1));
  renderWithProviders(
    <SessionGate>
      <p>the app</p>
    </SessionGate>,
  );
  return {
    change: (state: SessionState) => act(() => emit('session.changed', state)),
    forgotten: () => forgotten,
    stop,
  };
}

describe('session memory (issue 18)', () => {
  it('survives a lock by the same person, and is forgotten at sign-out', async () => {
    const session = startSession();
    await screen.findByText('the app');
    session.change({ ...signedIn('carl'), state: 'locked' });
    session.change(signedIn('carl'));
    expect(session.forgotten()).toBe(0);
    session.change({ ...signedIn('carl'), state: 'signed-out', viewer: null });
    expect(session.forgotten()).toBe(1);
    session.stop();
  });

  it('is forgotten when another person signs in', async () => {
    const session = startSession();
    await screen.findByText('the app');
    session.change(signedIn('olga'));
    expect(session.forgotten()).toBe(1);
    session.stop();
  });
});
