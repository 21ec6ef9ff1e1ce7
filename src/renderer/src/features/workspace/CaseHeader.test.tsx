/**
 * Issue 18, "actual due dates are hidden": the case header shows each running deadline's date and
 * time as text beside its countdown (office time zone), and for a stage-2 acknowledgement both
 * its 10-working-day limit and its 5-working-day target (P-4.3).
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '../../../../shared/api/bridge';
import type { CaseDetail } from '../../../../shared/domain/views';
import { settingsSnapshot } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
import { CaseHeader } from './CaseHeader';

const snapshot = settingsSnapshot();

afterEach(() => {
  delete window.plaint;
});

const detail = {
  case: {
    id: 'case-1',
    reference: 'MSQ8-01RT-4',
    status: 'escalation-requested',
    stage: 2,
    summary: 'Monitor stopped working',
    assignee: null,
    restricted: false,
    restrictedTo: [],
    extensions: [],
    deadlines: [{ kind: 'escalationAcknowledgement', startedAt: '2026-12-03T10:00:00.000Z', dueAt: '2026-12-17T23:59:59.999Z', warnAt: '2026-12-10T23:59:59.999Z', metAt: null, breachedAt: null, provisional: false, extensionId: null }],
  },
  timeline: [],
} as unknown as CaseDetail;

describe('the case header’s deadlines (issue 18)', () => {
  it('show the stage-2 acknowledgement’s limit and its target as text', async () => {
    window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
    renderWithSettings(<CaseHeader detail={detail} onChanged={() => undefined} />);
    const due = await screen.findByTestId('due-escalationAcknowledgement');
    expect(due.textContent).toBe('Due 17 Dec 2026, 23:59; aim to acknowledge by 10 Dec 2026, 23:59');
    expect(due.closest('[role="tooltip"]')).toBeNull();
  });
});
