import { describe, expect, it } from 'vitest';
import { parseTypedDate } from './typed-date';

describe('dates typed in the post room', () => {
  const today = new Date('2026-11-25T10:00:00Z');
  it.each([
    ['24/11/2026', '2026-11-24'],
    ['24.11.2026', '2026-11-24'],
    ['2026-11-24', '2026-11-24'],
    ['4/3/26', '2026-03-04'],
    ['24/11', '2026-11-24'],
  ])('%s is %s', (typed, expected) => expect(parseTypedDate(typed, today)).toBe(expected));
  it.each(['30/02/2026', '2026-02-30', '32/1/2026', 'yesterday', '', '24/13/2026'])('%s is not a date', (typed) => expect(parseTypedDate(typed, today)).toBeNull());
});
