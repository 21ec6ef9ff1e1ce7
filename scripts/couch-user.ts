/**
 * npm run couch-user -- --url https://couch.example.org --login anna --account-id <id> --roles manager,caseworker
 * npm run couch-user -- --url … --login anna --account-id <id> --deactivate
 *
 * Creates or updates the CouchDB user of a Plaint account, in step with it (README, "CouchDB
 * users"): the same login; the roles `plaint:<role>` for each of the account's roles and
 * `plaint-account:<account id>`, which the server guard compares with the actor every document
 * names. `--deactivate` keeps the user with no roles: the guard then refuses all its writes.
 *
 * Credentials come from the environment, never the command line: COUCHDB_ADMIN_USER and
 * COUCHDB_ADMIN_PASSWORD (a CouchDB server administrator), and the new user's password from
 * PLAINT_USER_PASSWORD or, when that is unset, the first line of standard input. Without a
 * password an existing user keeps theirs.
 */
import { parseArgs } from 'node:util';
import readline from 'node:readline';
import { couchFetch } from '../src/main/sync/couch/couch-http';
import { isStaffRole, putCouchUser } from '../src/main/sync/server-guard/couch-users';
import { isSecureTransport } from '../src/shared/domain/sync';
import { STAFF_ROLES } from '../src/shared/domain/vocabulary';

const { values } = parseArgs({
  options: {
    url: { type: 'string' },
    login: { type: 'string' },
    'account-id': { type: 'string' },
    roles: { type: 'string', default: '' },
    deactivate: { type: 'boolean', default: false },
  },
});
const fail = (message: string): never => {
  console.error(message);
  process.exit(2);
};
const url = values.url && URL.canParse(values.url) ? values.url : fail('--url must be the server address, e.g. https://couch.example.org');
if (!isSecureTransport(new URL(url))) fail('Use https:// for the team server: plain http:// is allowed only to this computer.');
const login = values.login ?? fail('--login is the Plaint login of the account');
const accountId = values['account-id'] ?? fail('--account-id is the id of the Plaint account');
const roles = values.roles
  .split(',')
  .map((role) => role.trim())
  .filter(Boolean);
const unknown = roles.filter((role) => !isStaffRole(role));
if (unknown.length > 0) fail(`Unknown roles: ${unknown.join(', ')} (Plaint's roles: ${STAFF_ROLES.join(', ')})`);
if (!values.deactivate && roles.length === 0) fail('--roles lists the account’s roles, e.g. manager,caseworker (or --deactivate)');
const admin = { username: process.env['COUCHDB_ADMIN_USER'] ?? '', password: process.env['COUCHDB_ADMIN_PASSWORD'] ?? '' };
if (!admin.username || !admin.password) fail('Set COUCHDB_ADMIN_USER and COUCHDB_ADMIN_PASSWORD to a CouchDB server administrator.');

async function passwordFromStdin(): Promise<string | undefined> {
  if (process.stdin.isTTY) console.warn('Password for the CouchDB user (empty: keep the current one):');
  const lines = readline.createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line === '' ? undefined : line;
  }
  return undefined;
}

const password = values.deactivate ? undefined : (process.env['PLAINT_USER_PASSWORD'] ?? (await passwordFromStdin()));
try {
  const outcome = await putCouchUser(url, couchFetch({ ...admin, onOutcome: () => undefined }), {
    login,
    accountId,
    roles: roles.filter(isStaffRole),
    active: !values.deactivate,
    ...(password ? { password } : {}),
  });
  console.warn(`${login}: ${outcome}${values.deactivate ? ' (deactivated: no roles)' : ` with roles ${roles.join(', ')}`}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
