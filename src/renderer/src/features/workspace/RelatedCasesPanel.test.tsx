/**
 * Issue 18: "Related cases" lists the other cases of the complainant the main process found (with
 * how they match), links each to its case, and links or unlinks one by hand; a caseworker without
 * `cases.link` (a reading administrator) is not offered the button.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { RelatedCase } from '@shared/domain/views';
import type { Viewer } from '@shared/identity/viewer';
import { SessionGate } from '../../session/SessionContext';
import { SettingsProvider } from '../../settings/SettingsContext';
import { answerEvery } from '../../test-support/fake-api';
import { settingsSnapshot, signedIn } from '../../test-support/fixtures';
import { renderWithProviders } from '../../test-support/render';
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
  acknowledgementUndelivered: false,
  restricted: false,
  updatedAt: '2026-10-02T09:00:00.000Z',
  linked: false,
  matchedBy: ['email', 'phone'],
};

afterEach(() => {
  delete window.plaint;
});

function renderPanel(viewer: Viewer) {
  const session = signedIn(viewer);
  const calls = answerEvery({
    'session.current': session,
    'session.activity': session,
    'settings.get': settingsSnapshot(),
    'cases.related': [other],
    'cases.link': [{ ...other, linked: true }],
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
  it("lists the same complainant's other cases with how they match, each a link to its case, and links one by hand", async () => {
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
