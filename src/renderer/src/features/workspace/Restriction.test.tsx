/**
 * P-7.1 in the case workspace: a manager restricts a case to named people with a reason, or lifts
 * the restriction with a reason; a caseworker is not offered either (the permission table); a
 * missing reason is caught before anything is sent; a restricted case shows its badge.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Viewer } from '@shared/identity/viewer';
import { RestrictedBadge } from '../../common/RestrictedBadge';
import { SessionGate } from '../../session/SessionContext';
import { SettingsProvider } from '../../settings/SettingsContext';
import { answerEvery } from '../../test-support/fake-api';
import { settingsSnapshot, signedIn } from '../../test-support/fixtures';
import { renderWithProviders } from '../../test-support/render';
import { RestrictionControl } from './Restriction';

const account = (id: string, name: string, active = true) => ({
  id,
  name,
  email: '',
  login: id,
  roles: ['caseworker' as const],
  departments: [],
  active,
  createdAt: '2026-01-01T00:00:00.000Z',
  hasPassword: true,
});

const snapshot = settingsSnapshot({ staff: [account('mara', 'Māra Manager'), account('olga', 'Olga Other'), account('gone', 'Gone Away', false)] });

const manager: Viewer = { accountId: 'mara', name: 'Māra Manager', roles: ['manager'], departments: [] };
const caseworker: Viewer = { accountId: 'olga', name: 'Olga Other', roles: ['caseworker'], departments: ['Billing'] };

afterEach(() => {
  delete window.plaint;
});

function renderControl(viewer: Viewer, record: { id: string; restricted: boolean; restrictedTo: string[] }) {
  const session = signedIn(viewer);
  const calls = answerEvery({
    'session.current': session,
    'settings.get': snapshot,
    'cases.restrict': { case: { ...record, restricted: true } },
    'session.activity': session,
  });
  const onChanged = vi.fn();
  renderWithProviders(
    <SessionGate>
      <SettingsProvider fallback={null}>
        <span data-testid="signed-in" />
        <RestrictionControl record={record} onChanged={onChanged} />
      </SettingsProvider>
    </SessionGate>,
  );
  const restricts = () => calls.filter((call) => call.method === 'cases.restrict').map((call) => call.input);
  return { onChanged, restricts };
}

describe('restricting a case (P-7.1)', () => {
  it('a manager names people and gives a reason; the restriction is sent once and the case shown as saved', async () => {
    const user = userEvent.setup({ delay: null });
    const { onChanged, restricts } = renderControl(manager, { id: 'case-1', restricted: false, restrictedTo: [] });
    await user.click(await screen.findByRole('button', { name: 'Restrict access…' }));
    const form = await screen.findByTestId('restriction-form');
    await user.click(within(form).getByLabelText('Who else may see it'));
    // Active colleagues only, never the manager (always named) nor a deactivated account.
    const options = (await screen.findAllByRole('option', { hidden: true })).map((option) => option.textContent);
    expect(options).toEqual(['Olga Other']);
    await user.click(screen.getByRole('option', { name: 'Olga Other', hidden: true }));
    await user.type(within(form).getByRole('textbox', { name: /Reason/ }), 'A complaint about a member of staff');
    await user.click(within(form).getByRole('button', { name: 'Restrict' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(restricts()).toEqual([{ caseId: 'case-1', restrictedTo: ['olga'], reason: 'A complaint about a member of staff' }]);
  });

  it('a reason is required: nothing is sent without one', async () => {
    const user = userEvent.setup({ delay: null });
    const { restricts } = renderControl(manager, { id: 'case-1', restricted: false, restrictedTo: [] });
    await user.click(await screen.findByRole('button', { name: 'Restrict access…' }));
    const form = await screen.findByTestId('restriction-form');
    await user.click(within(form).getByRole('button', { name: 'Restrict' }));
    expect(await within(form).findByText('Required')).toBeTruthy();
    expect(restricts()).toEqual([]);
  });

  it('a manager lifts the restriction of a restricted case, with a reason', async () => {
    const user = userEvent.setup({ delay: null });
    const { onChanged, restricts } = renderControl(manager, { id: 'case-2', restricted: true, restrictedTo: ['mara', 'olga'] });
    expect(await screen.findByRole('button', { name: 'Change restriction…' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Lift restriction…' }));
    const form = await screen.findByTestId('restriction-form');
    await user.type(within(form).getByRole('textbox', { name: /Reason/ }), 'Not about staff after all');
    await user.click(within(form).getByRole('button', { name: 'Lift the restriction' }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledTimes(1));
    expect(restricts()).toEqual([{ caseId: 'case-2', restrictedTo: null, reason: 'Not about staff after all' }]);
  });

  it('a caseworker is not offered to restrict or lift (the permission table)', async () => {
    renderControl(caseworker, { id: 'case-3', restricted: true, restrictedTo: ['olga', 'mara'] });
    // Signed in and with the settings loaded, the control is still absent.
    expect(await screen.findByTestId('signed-in')).toBeTruthy();
    expect(screen.queryByTestId('restriction-control')).toBeNull();
  });
});

describe('the restricted badge', () => {
  it('marks a restricted case, and nothing else', () => {
    renderWithProviders(
      <>
        <RestrictedBadge restricted />
        <RestrictedBadge restricted={false} />
      </>,
    );
    expect(screen.getAllByTestId('restricted-badge').map((badge) => badge.textContent)).toEqual(['Restricted']);
  });
});
