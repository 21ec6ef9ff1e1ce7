/**
 * Issue 18: the monthly report's month is picked, and named, in the app's language, not the PC's
 * locale (the native `<input type="month">` showed the OS's format), and still hands over `YYYY-MM`.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../i18n/i18n';
import { renderWithProviders } from '../test-support/render';
import { OfficeMonthInput } from './OfficeMonthInput';

function renderMonth(language: Language, value: string) {
  const onChange = vi.fn<(value: string) => void>();
  renderWithProviders(<OfficeMonthInput label="Month" value={value} onChange={onChange} data-testid="month" />, undefined, language);
  return { onChange, field: screen.getByTestId('month') };
}

describe('the office month input (issue 18)', () => {
  it.each([
    ['en-GB', 'November 2026'],
    ['lv', '2026. gada novembris'],
  ] as const)('names 2026-11 in %s as "%s"', (language, shown) => {
    const { field } = renderMonth(language, '2026-11');
    expect(field.textContent).toBe(shown);
  });

  it('hands over the month picked as YYYY-MM', async () => {
    const user = userEvent.setup();
    const { field, onChange } = renderMonth('en-GB', '2026-11');
    await user.click(field);
    // The dropdown's fade-in leaves it display:none for jsdom, so its buttons are found with hidden.
    await user.click(await screen.findByRole('button', { name: /^Mar/, hidden: true }));
    expect(onChange).toHaveBeenCalledWith('2026-03');
  });
});
