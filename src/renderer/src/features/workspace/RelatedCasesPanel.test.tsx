/**
 * Issue 18: "Related cases" lists the other cases of the complainant the main process found (with
 * how they match), links each to its case, and links or unlinks one by hand; a caseworker without
 * `cases.link` (a reading administrator) is not offered the button.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '../../../../shared/api/bridge';
import type { ApiMethodName } from '../../../../shared/api/names';
import type { SettingsSnapshot } from '../../../../shared/api/types/settings';
import type { RelatedCase } from '../../../../shared/domain/views';
import type { SessionState } from '../../../../shared/identity/session-inputs';
import type { Viewer } from '../../../../shared/identity/viewer';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../shared/sla';
import { SessionGate } from '../../session/SessionContext';
import { SettingsProvider } from '../../settings/SettingsContext';
import { renderWithProviders } from '../../test/render';
import { RelatedCasesPanel } from './RelatedCasesPanel';

const other: RelatedCase = {
  id: 'case-2',
  reference: 'AB12-0002-X',
  complainantName: 'Anna Ozoliņa',
  type: 'billing',
  channel: 'email',
  stage: 1,
  status: 'closed',
  assignee: null,
  receivedAt: '2026-10-01T09:00:00.000Z',
  nextDeadline: null,
  openInquiries: 0,
  extensionWithoutNotice: false,
  restricted: false,
  updatedAt: '2026-10-02T09:00:00.000Z',
  linked: false,
  matchedBy: ['email', 'phone'],
};

const snapshot: SettingsSnapshot = {
  organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'GB', email: '', phone: '', independentAdvice: { 'en-GB': '', lv: '' } },
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: { ...DEFAULT_CALENDAR, closures: [], extraWorkingDays: [], workWeek: [1, 2, 3, 4, 5], dayNotes: {} },
  complaintTypes: [],
  rootCauses: [],
  departments: [],
  staff: [],
  security: { idleLockMinutes: 15 },
  deviceCode: '7KQ2',
};

afterEach(() => {
  delete window.plaint;
});

function renderPanel(viewer: Viewer) {
  const calls: { method: ApiMethodName; input: unknown }[] = [];
  const session: SessionState = { state: 'signed-in', viewer, idleLockMinutes: 15, organisation: 'Welzo', awaitingDirectory: false };
  const answers: Partial<Record<ApiMethodName, unknown>> = { 'session.current': session, 'session.activity': session, 'settings.get': snapshot, 'cases.related': [other], 'cases.link': [{ ...other, linked: true }] };
  window.plaint = createPlaintBridge({
    request: (method, input) => {
      calls.push({ method, input });
      return Promise.resolve({ ok: true, result: answers[method] });
    },
    listen: () => () => undefined,
  });
  renderWithProviders(
    <SessionGate>
      <SettingsProvider fallback={null}>
        <RelatedCasesPanel caseId="case-1" />
      </SettingsProvider>
    </SessionGate>,
  );
  return calls;
}

describe('Related cases (issue 18)', () => {
  it('lists the same complainant\'s other cases with how they match, each a link to its case, and links one by hand', async () => {
    const calls = renderPanel({ accountId: 'cas', name: 'Cas', roles: ['caseworker'], departments: [] });
    const row = await screen.findByTestId('related-AB12-0002-X');
    expect(within(row).getByRole('link', { name: 'AB12-0002-X' }).getAttribute('href')).toBe('/case/case-2');
    expect(within(row).getByText('same e-mail')).toBeTruthy();
    expect(within(row).getByText('same telephone')).toBeTruthy();
    await userEvent.setup().click(within(row).getByRole('button', { name: 'Link AB12-0002-X to this case' }));
    expect(calls).toContainEqual({ method: 'cases.link', input: { caseId: 'case-1', otherCaseId: 'case-2', linked: true } });
    expect(await within(row).findByText('Linked')).toBeTruthy();
    expect(within(row).getByRole('button', { name: 'Unlink AB12-0002-X from this case' })).toBeTruthy();
  });

  it('offers no link button to someone who may only read cases', async () => {
    renderPanel({ accountId: 'adm', name: 'Admin', roles: ['administrator'], departments: [] });
    const row = await screen.findByTestId('related-AB12-0002-X');
    expect(within(row).queryByRole('button')).toBeNull();
  });
});
