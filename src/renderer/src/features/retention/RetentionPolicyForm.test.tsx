/**
 * Settings → Retention, the policy form (issue 14, P-7.2; saved through useSaveForm, issue 12):
 * the years per outcome are sent as typed and the saved policy is shown; a refusal of one outcome's
 * years is shown at that field and nothing else changes.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RetentionView } from '@shared/domain/retention';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { RetentionPolicyForm } from './RetentionPolicyForm';

afterEach(() => {
  delete window.plaint;
});

const view: RetentionView = { policy: { years: { upheld: 6, 'partly-upheld': 6, 'not-upheld': 6, none: 6 } }, due: [], lastCheck: null };

describe('the retention policy form (P-7.2)', () => {
  it('sends the years as typed and hands back the saved view', async () => {
    const sent: ApiCall[] = [];
    const saved: RetentionView = { ...view, policy: { years: { ...view.policy.years, upheld: 8 } } };
    withApi(settingsSnapshot(), { 'retention.setPolicy': () => ({ ok: true, result: saved }) }, sent);
    const onChanged = vi.fn();
    renderWithSettings(<RetentionPolicyForm view={view} onChanged={onChanged} />);
    const upheld = await screen.findByTestId('retention-years-upheld');
    await userEvent.clear(upheld);
    await userEvent.type(upheld, '8');
    await userEvent.click(screen.getByTestId('retention-policy-save'));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith(saved));
    expect(sent).toEqual([{ method: 'retention.setPolicy', input: { years: { upheld: 8, 'partly-upheld': 6, 'not-upheld': 6, none: 6 } } }]);
  });

  it('shows a refusal at the outcome it concerns and hands back nothing', async () => {
    withApi(settingsSnapshot(), {
      'retention.setPolicy': () => ({
        ok: false,
        error: {
          code: 'VALIDATION_FAILED',
          message: 'too short',
          issues: [{ path: 'years.none', code: 'too_small', message: 'too short', params: { minimum: 1 } }],
        },
      }),
    });
    const onChanged = vi.fn();
    renderWithSettings(<RetentionPolicyForm view={view} onChanged={onChanged} />);
    await userEvent.click(await screen.findByTestId('retention-policy-save'));
    const field = screen.getByTestId('retention-years-none');
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByText('At least 1')).toBeTruthy();
    expect(screen.getByTestId('retention-years-upheld').getAttribute('aria-invalid')).not.toBe('true');
    expect(onChanged).not.toHaveBeenCalled();
  });
});
