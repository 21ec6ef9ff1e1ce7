/**
 * The login-clash rule (issue 13): two devices offline made accounts with the same login (trimmed,
 * case-insensitive). The account made first keeps it; later ones are disabled and flagged. The
 * answer does not depend on the order the accounts arrive in, so every device agrees.
 */
import { describe, expect, it } from 'vitest';
import { loginClashes, loginKey } from './login-clash';

const account = (id: string, login: string, createdAt: string) => ({ id, login, createdAt });

describe('login clashes', () => {
  it('compares logins trimmed and case-insensitively', () => {
    expect(loginKey('  Anna.B ')).toBe('anna.b');
  });

  it('the account made first keeps the login; the later one loses it to that account', () => {
    const a = account('a', 'anna', '2026-11-20T09:00:00.000Z');
    const b = account('b', ' ANNA', '2026-11-20T10:00:00.000Z');
    expect(loginClashes([a, b])).toEqual(new Map([['b', 'a']]));
    // Either arrival order: the same answer (every device agrees).
    expect(loginClashes([b, a])).toEqual(new Map([['b', 'a']]));
  });

  it('a tie on the creation time goes to the smaller id, in either order', () => {
    const x = account('x', 'anna', '2026-11-20T09:00:00.000Z');
    const y = account('y', 'anna', '2026-11-20T09:00:00.000Z');
    expect(loginClashes([y, x])).toEqual(new Map([['y', 'x']]));
    expect(loginClashes([x, y])).toEqual(new Map([['y', 'x']]));
  });

  it('three with one login: both later ones lose to the first; other logins and empty logins never clash', () => {
    const accounts = [
      account('c', 'anna', '2026-11-22T09:00:00.000Z'),
      account('a', 'anna', '2026-11-20T09:00:00.000Z'),
      account('b', 'Anna', '2026-11-21T09:00:00.000Z'),
      account('d', 'berta', '2026-11-20T09:00:00.000Z'),
      account('e', '', '2026-11-20T09:00:00.000Z'),
      account('f', '', '2026-11-21T09:00:00.000Z'),
    ];
    expect(loginClashes(accounts)).toEqual(
      new Map([
        ['b', 'a'],
        ['c', 'a'],
      ]),
    );
  });
});
