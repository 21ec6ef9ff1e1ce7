/** `<input type="datetime-local">` values: local wall-clock time in, ISO instants out, and nothing for what is not a time. */
import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './datetime';

describe('date and time inputs', () => {
  it('show a moment as local wall-clock time to the minute', () => {
    expect(toLocalInput(new Date(2026, 0, 5, 7, 3, 59))).toBe('2026-01-05T07:03');
    expect(toLocalInput(new Date(2026, 10, 25, 23, 0))).toBe('2026-11-25T23:00');
  });

  it('read local wall-clock time back as the same instant', () => {
    expect(fromLocalInput('2026-01-05T07:03')).toBe(new Date(2026, 0, 5, 7, 3).toISOString());
    const moment = new Date(2026, 5, 15, 14, 45);
    expect(fromLocalInput(toLocalInput(moment))).toBe(moment.toISOString());
  });

  it('give nothing for an empty or unreadable value, so the form can say so', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('not a time')).toBeNull();
  });
});
