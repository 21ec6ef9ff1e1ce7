/**
 * The session as the window knows it: asked of the main process (`session.current`) and told
 * when it changes (`session.changed`). The main process alone decides who is signed in; this only
 * shows the first-start, sign-in or lock screen, or the app, and what the permission table
 * (shared/identity/permissions.ts) lets the person do.
 *
 * Idle lock: user input tells the main process the person is there (at most once a minute); with
 * no input for the team's idle time, the window asks the main process to lock. The main process
 * also locks by its own clock when a call comes in after the idle time, and on OS lock or sleep.
 */
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import type { ApiMethodName } from '@shared/api/names';
import { can } from '@shared/identity/permissions';
import type { SessionState } from '@shared/identity/session-inputs';
import type { Viewer } from '@shared/identity/viewer';
import { call, hasBridge, subscribe } from '../api/client';
import { FirstStartScreen } from './FirstStartScreen';
import { StartingScreen } from './StartingScreen';
import { forgetSessionMemory } from './session-memory';
import { LockScreen, SignInScreen } from './SignInScreen';

export interface SessionContextValue {
  readonly session: SessionState;
  readonly viewer: Viewer;
  /** The permission table's answer for the signed-in person. */
  can(method: ApiMethodName): boolean;
  update(state: SessionState): void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** At most one activity report a minute. */
const ACTIVITY_EVERY_MS = 60_000;
const INPUT_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

function useIdleLock(session: SessionState | null, update: (state: SessionState) => void): void {
  const lastReport = useRef(0);
  const signedIn = session?.state === 'signed-in';
  const minutes = session?.idleLockMinutes ?? 15;
  useEffect(() => {
    if (!signedIn) return undefined;
    let timer = 0;
    const arm = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => void call('session.lock', {}).then(update, () => undefined), minutes * 60_000);
    };
    const onInput = () => {
      arm();
      const now = Date.now();
      if (now - lastReport.current < ACTIVITY_EVERY_MS) return;
      lastReport.current = now;
      void call('session.activity', {}).then(
        (state) => state.state !== 'signed-in' && update(state),
        () => undefined,
      );
    };
    arm();
    for (const event of INPUT_EVENTS) window.addEventListener(event, onInput, { passive: true, capture: true });
    return () => {
      window.clearTimeout(timer);
      for (const event of INPUT_EVENTS) window.removeEventListener(event, onInput, { capture: true });
    };
  }, [signedIn, minutes, update]);
}

export function SessionGate({ children }: { readonly children: ReactNode }) {
  const [session, setSession] = useState<SessionState | null>(null);
  const client = useQueryClient();
  const shownFor = useRef<string | null>(null);
  const memoryFor = useRef<string | null>(null);
  const update = useCallback(
    (next: SessionState) => {
      // Issue 18: what was typed in this session (session-memory.ts) outlives a lock, which the same
      // person lifts, but not a sign-out or another person signing in.
      const owner = next.state === 'signed-in' || next.state === 'locked' ? (next.viewer?.accountId ?? null) : null;
      if (owner !== memoryFor.current) {
        if (memoryFor.current !== null) forgetSessionMemory();
        memoryFor.current = owner;
      }
      // Another person, or nobody: nothing the last one read stays in the window's cache.
      const who = next.state === 'signed-in' ? (next.viewer?.accountId ?? null) : null;
      if (who !== shownFor.current) {
        if (shownFor.current !== null || who !== null) client.clear();
        shownFor.current = who;
      }
      setSession(next);
    },
    [client],
  );
  useEffect(() => {
    if (!hasBridge()) return undefined;
    let live = true;
    const load = () =>
      void call('session.current', {}).then(
        (state) => live && update(state),
        () => undefined,
      );
    load();
    const stop = subscribe('session.changed', (state) => live && update(state));
    // The database opened (or was encrypted in place and opened) after the window asked: ask again.
    const stopStatus = subscribe('app.status', () => live && load());
    return () => {
      live = false;
      stop();
      stopStatus();
    };
  }, [update]);
  useIdleLock(session, update);
  if (!session) return <StartingScreen />;
  if (session.state === 'setup-needed' && !session.awaitingDirectory) return <FirstStartScreen session={session} onDone={update} />;
  if (session.state === 'signed-out' || session.state === 'setup-needed' || !session.viewer) return <SignInScreen session={session} onDone={update} />;
  if (session.state === 'locked') return <LockScreen session={session} viewer={session.viewer} onDone={update} />;
  const viewer = session.viewer;
  const value: SessionContextValue = { session, viewer, can: (method) => can(viewer, method), update };
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs a SessionGate');
  return value;
}

/** The permission table for the signed-in person (renderer tests without a session: everything). */
export function useCan(): (method: ApiMethodName) => boolean {
  const value = useContext(SessionContext);
  return value ? value.can : () => true;
}

/** The signed-in person, or null outside a session (renderer tests). */
export function useViewer(): Viewer | null {
  return useContext(SessionContext)?.viewer ?? null;
}
