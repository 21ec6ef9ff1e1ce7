/**
 * Issue 18, "actual due dates are hidden": a deadline's countdown comes with its date and time as
 * text on screen (office time zone, the language's format), so keyboard and screen-reader users get
 * it too, not only a mouse hovering a tooltip; the stage-2 acknowledgement shows its 5-working-day
 * target while that is ahead (P-4.3), then its 10-day limit.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '@shared/api/bridge';
import { settingsSnapshot } from '../test-support/fixtures';
import { renderWithSettings } from '../test-support/render';
import { DeadlineBadge } from './DeadlineBadge';

const snapshot = settingsSnapshot();

afterEach(() => {
  delete window.plaint;
});

function renderBadge(deadline: Parameters<typeof DeadlineBadge>[0]['deadline'], now: Date) {
  window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
  renderWithSettings(<DeadlineBadge deadline={deadline} now={now} withDue />);
}

describe('a deadline badge in the case list (issue 18)', () => {
  it('shows the due date and time in the office time zone as visible text beside the countdown', async () => {
    // The procedure's worked example: 10th working day is Tuesday 5 January 2027, 23:59:59 London.
    renderBadge({ kind: 'stage1Resolution', dueAt: '2027-01-05T23:59:59.999Z', warnAt: '2027-01-04T23:59:59.999Z' }, new Date('2026-12-18T10:00:00Z'));
    const due = await screen.findByTestId('deadline-due-at');
    expect(due.closest('[role="tooltip"]')).toBeNull();
    expect(due.textContent).toBe('Due 05/01/2027 23:59');
  });

  it('shows the office wall-clock time, not UTC, in summer time', async () => {
    renderBadge({ kind: 'acknowledgement', dueAt: '2026-07-02T13:30:00.000Z', warnAt: '2026-07-02T09:30:00.000Z' }, new Date('2026-07-01T10:00:00Z'));
    expect((await screen.findByTestId('deadline-due-at')).textContent).toBe('Due 02/07/2026 14:30');
  });

  it('shows the stage-2 acknowledgement target while it is ahead, then the limit (P-4.3)', async () => {
    const deadline = { kind: 'escalationAcknowledgement' as const, dueAt: '2026-12-17T23:59:59.999Z', warnAt: '2026-12-10T23:59:59.999Z' };
    renderBadge(deadline, new Date('2026-12-07T10:00:00Z'));
    expect((await screen.findByTestId('deadline-due-at')).textContent).toBe('Aim by 10/12/2026 23:59');
  });

  it('after the target has passed, shows the limit', async () => {
    const deadline = { kind: 'escalationAcknowledgement' as const, dueAt: '2026-12-17T23:59:59.999Z', warnAt: '2026-12-10T23:59:59.999Z' };
    renderBadge(deadline, new Date('2026-12-14T10:00:00Z'));
    expect((await screen.findByTestId('deadline-due-at')).textContent).toBe('Due 17/12/2026 23:59');
  });
});
