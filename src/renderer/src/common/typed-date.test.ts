import { describe, expect, it } from 'vitest';
import { formatTypedDate, parseTypedDate } from './typed-date';

describe('dates typed in the post room', () => {
  const today = new Date('2026-11-25T10:00:00Z');
  it.each([
    ['24/11/2026', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['24-11-2026', '2026-11-24'],
    ['2026-11-24', '2026-11-24'],
    ['4/3/26', '2026-03-04'],
    ['24/11', '2026-11-24'],
    ['  24/11/2026 ', '2026-11-24'],
    ['29/02/2028', '2028-02-29'],
  ])('%s is %s', (typed, expected) => expect(parseTypedDate(typed, today)).toBe(expected));
  it.each(['30/02/2026', '2026-02-30', '32/1/2026', 'yesterday', '', '24/13/2026', '29/02/2027', '0/1/2026', '24/11/202'])('%s is not a date', (typed) =>
    expect(parseTypedDate(typed, today)).toBeNull(),
  );

  it('"24/11" is this year, whichever year it is', () => {
    expect(parseTypedDate('24/11', new Date('2031-06-01T10:00:00Z'))).toBe('2031-11-24');
  });

  it('writes a day back the way it is typed, and reads it again', () => {
    expect(formatTypedDate('2026-03-04')).toBe('04/03/2026');
    expect(parseTypedDate(formatTypedDate('2026-12-31'), today)).toBe('2026-12-31');
  });
});
