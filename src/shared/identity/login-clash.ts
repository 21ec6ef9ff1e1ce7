/**
 * Logins are unique in a team, compared trimmed and case-insensitively. Devices enforce that when
 * an account is made or renamed, but two devices offline can each make an account with the same
 * login; sync then brings both to every device. The rule that settles it, the same on every
 * device and with nothing written: the account made first keeps the login; each later one is
 * flagged to administrators, who give it another login. Ties on the creation time go to the
 * smaller id, so every device agrees. (Sign-in still tells the two apart by the password: see
 * the README for why the later one is not yet disabled.)
 */

/** A login as compared: trimmed, lower case. */
export function loginKey(login: string): string {
  return login.trim().toLowerCase();
}

export interface LoginHolder {
  readonly id: string;
  readonly login: string;
  readonly createdAt: string;
}

function madeFirst(a: LoginHolder, b: LoginHolder): number {
  return a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
}

/**
 * The accounts that lost a login clash, each with the id of the account that keeps the login.
 * Accounts with no login (profiles from before accounts) never clash.
 */
export function loginClashes(accounts: readonly LoginHolder[]): Map<string, string> {
  const byLogin = new Map<string, LoginHolder[]>();
  for (const account of accounts) {
    const key = loginKey(account.login);
    if (key === '') continue;
    byLogin.set(key, [...(byLogin.get(key) ?? []), account]);
  }
  const losers = new Map<string, string>();
  for (const holders of byLogin.values()) {
    const [keeper, ...later] = [...holders].sort(madeFirst);
    if (keeper) for (const account of later) losers.set(account.id, keeper.id);
  }
  return losers;
}
