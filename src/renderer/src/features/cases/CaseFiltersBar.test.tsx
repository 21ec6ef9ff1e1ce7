/** The filters bar shows the list's filters in words (translated statuses, "Unassigned"), and resets them. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerEvery } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { CaseFiltersBar } from './CaseFiltersBar';

const snapshot = settingsSnapshot({
  complaintTypes: [{ id: 'billing', label: { 'en-GB': 'Billing', lv: 'Rēķini' }, retired: false }],
  staff: [
    {
      id: 'ann',
      name: 'Ann Lee',
      email: '',
      login: 'ann',
      roles: ['caseworker'],
      departments: [],
      active: true,
      createdAt: '2026-01-01T00:00:00.000Z',
      hasPassword: true,
    },
  ],
});

afterEach(() => {
  delete window.plaint;
});

function renderBar(filters: Parameters<typeof CaseFiltersBar>[0]['filters']) {
  answerEvery({ 'settings.get': snapshot });
  const onChange = vi.fn();
  const onReset = vi.fn();
  renderWithSettings(<CaseFiltersBar filters={filters} onChange={onChange} onReset={onReset} />);
  return { onChange, onReset };
}

describe('the filters bar', () => {
  it('shows the filters in words: statuses, stage, type, and the unassigned and named assignees', async () => {
    renderBar({ statuses: ['received'], stages: [2], types: ['billing'], assigneeIds: ['', 'ann'] });
    const bar = await screen.findByTestId('case-filters');
    const pills = [...bar.querySelectorAll('.mantine-Pill-label')].map((pill) => pill.textContent);
    expect(pills).toEqual(['Received', 'Stage 2', 'Billing', 'Unassigned', 'Ann Lee']);
  });

  it('a date typed in is a filter; "Reset filters" asks for the view as it was', async () => {
    const user = userEvent.setup();
    const { onChange, onReset } = renderBar({ open: true });
    await user.type(await screen.findByLabelText('Received from'), '2026-11-01');
    expect(onChange).toHaveBeenLastCalledWith({ open: true, receivedFrom: '2026-11-01' });
    await user.click(screen.getByRole('button', { name: 'Reset filters' }));
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});
