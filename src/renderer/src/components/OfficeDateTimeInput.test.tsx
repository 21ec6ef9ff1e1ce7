/**
 * Issue 18: the date-and-time input follows the app's language and a 24-hour clock, not the PC's
 * locale, and keeps the datetime-local string ('YYYY-MM-DDTHH:mm') the forms always had.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../i18n/i18n';
import { renderWithProviders } from '../test-support/render';
import { OfficeDateTimeInput } from './OfficeDateTimeInput';

function Field({ initial, onValue }: { readonly initial: string; readonly onValue: (value: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <OfficeDateTimeInput
      label="When"
      value={value}
      onChange={(next) => {
        setValue(next);
        onValue(next);
      }}
    />
  );
}

function renderField(language: Language, initial = '') {
  const onValue = vi.fn();
  renderWithProviders(<Field initial={initial} onValue={onValue} />, undefined, language);
  return { onValue, input: screen.getByLabelText<HTMLInputElement>('When') };
}

describe('the office date-and-time input (issue 18)', () => {
  it.each([
    ['lv', '07.12.2026 16:05'],
    ['en-GB', '07/12/2026 16:05'],
  ] as const)('shows 2026-12-07T16:05 in %s as %s (day first, 24-hour)', (language, shown) => {
    expect(renderField(language, '2026-12-07T16:05').input.value).toBe(shown);
  });

  it.each([
    ['lv', '07.12.2026 16:05'],
    ['en-GB', '07/12/2026 16:05'],
  ] as const)('typed in %s as %s, the form gets the same datetime-local string', async (language, typed) => {
    const user = userEvent.setup();
    const { input, onValue } = renderField(language);
    await user.type(input, typed);
    expect(onValue).toHaveBeenLastCalledWith('2026-12-07T16:05');
  });

  it('a cleared field gives the form an empty string', async () => {
    const user = userEvent.setup();
    const { input, onValue } = renderField('lv', '2026-12-07T16:05');
    await user.clear(input);
    expect(onValue).toHaveBeenLastCalledWith('');
  });
});
