/**
 * CouchDB users in step with Plaint accounts (README, "CouchDB users"): the same person, the same
 * login. A CouchDB user `_users/org.couchdb.user:<login>` carries
 * - `plaint:<role>` for each Plaint role of the account (STAFF_ROLES), and
 * - `plaint-account:<account id>`, which the server guard compares with the actor a document names.
 * A deactivated account keeps its CouchDB user with no roles: the guard refuses every write of a
 * user without a Plaint role, and `_security` members (by role) no longer let it read.
 */
import { STAFF_ROLES, type StaffRole } from '@shared/domain/vocabulary';

export const ACCOUNT_ROLE_PREFIX = 'plaint-account:';
export const STAFF_ROLE_PREFIX = 'plaint:';

export interface CouchUserInput {
  readonly login: string;
  readonly accountId: string;
  readonly roles: readonly StaffRole[];
  /** False: the account is deactivated, the user keeps no role. */
  readonly active: boolean;
  /** Absent: the user's password stays as it is (a new user needs one). */
  readonly password?: string;
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

/** The CouchDB roles of an account: none when it is deactivated. */
export function couchRolesOf(input: Pick<CouchUserInput, 'accountId' | 'roles' | 'active'>): string[] {
  if (!input.active) return [];
  return [...new Set(input.roles)].map((role) => `${STAFF_ROLE_PREFIX}${role}`).concat(`${ACCOUNT_ROLE_PREFIX}${input.accountId}`);
}

export type CouchUserOutcome = 'created' | 'updated';

/** Creates or updates the CouchDB user of an account. `send` carries a CouchDB administrator's credentials. */
export async function putCouchUser(serverUrl: string, send: typeof fetch, input: CouchUserInput): Promise<CouchUserOutcome> {
  if (!/^[^:\s]{1,200}$/.test(input.login)) throw new Error('A login has no spaces or colons (CouchDB user names)');
  if (!/^[A-Za-z0-9._-]{1,64}$/.test(input.accountId)) throw new Error('An account id is letters, digits, . _ or - (at most 64)');
  const url = `${serverUrl.replace(/\/+$/, '')}/_users/${encodeURIComponent(`org.couchdb.user:${input.login}`)}`;
  const found = await send(url);
  if (!found.ok && found.status !== 404)
    throw new Error(`The server refused to read the user ${input.login} (${found.status}): a CouchDB administrator is needed`);
  const existing = found.ok ? ((await found.json()) as Record<string, unknown>) : null;
  if (!existing && !input.password) throw new Error(`The user ${input.login} is new: give a password`);
  const document = {
    ...(existing ?? {}),
    _id: `org.couchdb.user:${input.login}`,
    name: input.login,
    type: 'user',
    roles: couchRolesOf(input),
    ...(input.password ? { password: input.password } : {}),
  };
  const written = await send(url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
  if (!written.ok) throw new Error(`The server refused to write the user ${input.login} (${written.status})`);
  void written.body?.cancel().catch(() => undefined);
  return existing ? 'updated' : 'created';
}
