/**
 * Date-and-time inputs are office time (issue 18): typed and shown in the office's zone whatever
 * the PC's zone, ISO instants out, and nothing for what is not a time.
 */
import { describe, expect, it } from 'vitest';
import { fromOfficeInput, officeZoneNote, toOfficeInput } from './datetime';

describe('date and time inputs in the office time zone', () => {
  it('show a moment as the office’s wall-clock time to the minute, summer and winter', () => {
    expect(toOfficeInput(new Date('2026-01-05T07:03:59Z'), 'Europe/London')).toBe('2026-01-05T07:03');
    expect(toOfficeInput(new Date('2026-07-05T07:03:00Z'), 'Europe/London')).toBe('2026-07-05T08:03');
    expect(toOfficeInput(new Date('2026-11-25T14:00:00Z'), 'Europe/Riga')).toBe('2026-11-25T16:00');
  });

  it('read 16:00 typed for a London office as 16:00 in London, not in the PC’s zone', () => {
    expect(fromOfficeInput('2026-11-25T16:00', 'Europe/London')).toBe('2026-11-25T16:00:00.000Z');
    expect(fromOfficeInput('2026-11-25T16:00', 'Europe/Riga')).toBe('2026-11-25T14:00:00.000Z');
    expect(fromOfficeInput('2026-06-15T16:00', 'Europe/London')).toBe('2026-06-15T15:00:00.000Z');
  });

  it('round-trips every moment to the minute', () => {
    for (const iso of ['2026-03-29T00:30:00.000Z', '2026-10-25T01:30:00.000Z', '2026-12-31T23:59:00.000Z']) {
      for (const zone of ['Europe/London', 'Europe/Riga', 'Asia/Kolkata']) expect(fromOfficeInput(toOfficeInput(new Date(iso), zone), zone)).toBe(iso);
    }
  });

  it('give nothing for an empty, unreadable or impossible value, so the form can say so', () => {
    expect(fromOfficeInput('', 'Europe/London')).toBeNull();
    expect(fromOfficeInput('not a time', 'Europe/London')).toBeNull();
    expect(fromOfficeInput('2026-02-31T10:00', 'Europe/London')).toBeNull();
  });

  it('name the office zone only when the PC is in another one', () => {
    expect(officeZoneNote('Europe/London', 'Europe/Riga')).toBe('Europe/London');
    expect(officeZoneNote('Europe/London', 'Europe/London')).toBeNull();
  });
});
