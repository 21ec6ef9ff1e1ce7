/** A section edited in place (the complainant, the case's details): read with "Edit", edited with the refusal, Cancel and Save. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { renderWithProviders } from '../test-support/render';
import { EditableSection } from './EditableSection';

function renderSection(editing: boolean, general: string | null = null) {
  const handlers = { onEdit: vi.fn(), onCancel: vi.fn(), onSubmit: vi.fn((event?: { preventDefault: () => void }) => event?.preventDefault()) };
  renderWithProviders(
    <EditableSection title="Details" data-testid="section" editing={editing} general={general} fields={<input aria-label="Summary" />} {...handlers}>
      <p>As read</p>
    </EditableSection>,
  );
  return handlers;
}

describe('an editable section', () => {
  it('while read: its heading, what it says, and Edit', async () => {
    const { onEdit } = renderSection(false);
    expect(screen.getByRole('heading', { level: 2, name: 'Details' })).toBeTruthy();
    expect(screen.getByText('As read')).toBeTruthy();
    expect(screen.queryByLabelText('Summary')).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    expect(onEdit).toHaveBeenCalledTimes(1);
  });

  it('while edited: the refusal, the fields, Cancel and Save, and no Edit', async () => {
    const { onCancel, onSubmit } = renderSection(true, 'Check the highlighted fields');
    expect(screen.queryByText('As read')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit' })).toBeNull();
    expect(screen.getByText('Check the highlighted fields')).toBeTruthy();
    expect(screen.getByLabelText('Summary')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onCancel).toHaveBeenCalledTimes(1);
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSubmit).toHaveBeenCalledTimes(1);
  });
});
