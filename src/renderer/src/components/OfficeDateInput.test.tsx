/**
 * Issue 18: the date input follows the app's language, not the PC's locale — 07/12/2026 in
 * English, 07.12.2026 in Latvian — and holds the same `YYYY-MM-DD` strings the forms always had.
 */
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Language } from '../i18n/i18n';
import { renderControlledField } from '../test-support/controlled-field';
import { OfficeDateInput } from './OfficeDateInput';
import { parseTypedDate } from './office-date-format';

const renderField = (language: Language, initial = '') => renderControlledField(OfficeDateInput, 'Due', language, initial);

describe('the office date input (issue 18)', () => {
  it.each([
    ['lv', '07.12.2026'],
    ['en-GB', '07/12/2026'],
  ] as const)('shows 2026-12-07 in %s as %s, day first, whatever the PC locale', (language, shown) => {
    const { input } = renderField(language, '2026-12-07');
    expect(input.value).toBe(shown);
  });

  it.each([
    ['lv', '07.12.2026'],
    ['en-GB', '07/12/2026'],
  ] as const)('a date typed in %s as %s gives the form the same ISO day', async (language, typed) => {
    const user = userEvent.setup();
    const { input, onValue } = renderField(language);
    await user.type(input, typed);
    expect(onValue).toHaveBeenLastCalledWith('2026-12-07');
  });

  it('a cleared field gives the form an empty string', async () => {
    const user = userEvent.setup();
    const { input, onValue } = renderField('en-GB', '2026-12-07');
    await user.clear(input);
    expect(onValue).toHaveBeenLastCalledWith('');
  });

  it('reads day-first and ISO text, and refuses days the calendar does not have', () => {
    expect(parseTypedDate('7.12.2026')).toBe('2026-12-07');
    expect(parseTypedDate('2026-12-07')).toBe('2026-12-07');
    expect(parseTypedDate('31/02/2026')).toBeNull();
    expect(parseTypedDate('12/2026')).toBeNull();
  });
});
