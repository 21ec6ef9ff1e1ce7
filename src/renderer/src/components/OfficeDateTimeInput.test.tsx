/**
 * Issue 18: the date-and-time input follows the app's language and a 24-hour clock, not the PC's
 * locale, and keeps the datetime-local string ('YYYY-MM-DDTHH:mm') the forms always had.
 */
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Language } from '../i18n/i18n';
import { renderControlledField } from '../test-support/controlled-field';
import { OfficeDateTimeInput } from './OfficeDateTimeInput';

const renderField = (language: Language, initial = '') => renderControlledField(OfficeDateTimeInput, 'When', language, initial);

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
