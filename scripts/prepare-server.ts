/**
 * npm run prepare-server -- --url https://couch.example.org --database plaint
 *
 * Installs Plaint's server guard (`_design/plaint-guard`, validate_doc_update) in each of the
 * team's CouchDB databases, creating any that is missing: the same as Settings → Sync → "Prepare
 * the server". Run it again after upgrading Plaint: a database whose guard is current is left
 * alone. The CouchDB administrator's name and password come from the environment, never the
 * command line (it is visible to other users and kept in shell history):
 *
 *   COUCHDB_ADMIN_USER=admin COUCHDB_ADMIN_PASSWORD=… npm run prepare-server -- --url … --database plaint
 */
import { parseArgs } from 'node:util';
import { COUCH_DATABASE_NAME, isSecureTransport } from '../src/shared/domain/sync';
import { couchFetch } from '../src/main/sync/couch/couch-http';
import { installGuards } from '../src/main/sync/server-guard/install-guard';
import { DomainError } from '../src/shared/domain/domain-error';

const { values } = parseArgs({ options: { url: { type: 'string' }, database: { type: 'string', default: 'plaint' } } });
const username = process.env['COUCHDB_ADMIN_USER'] ?? '';
const password = process.env['COUCHDB_ADMIN_PASSWORD'] ?? '';
if (!values.url || !URL.canParse(values.url)) {
  console.error('--url must be the server address, e.g. https://couch.example.org');
  process.exit(2);
}
if (!isSecureTransport(new URL(values.url))) {
  console.error('Use https:// for the team server: plain http:// is allowed only to this computer (localhost, 127.0.0.1, ::1).');
  process.exit(2);
}
if (!COUCH_DATABASE_NAME.test(values.database)) {
  console.error(`--database must be a CouchDB database name (lower-case letters, digits and _ $ ( ) + -), not "${values.database}"`);
  process.exit(2);
}
if (!username || !password) {
  console.error('Set COUCHDB_ADMIN_USER and COUCHDB_ADMIN_PASSWORD to a CouchDB server administrator.');
  process.exit(2);
}

try {
  const prepared = await installGuards(values.url, values.database, couchFetch({ username, password, onOutcome: () => undefined }));
  for (const { database, outcome, version } of prepared.databases) console.warn(`${database}: ${outcome} (guard ${version})`);
} catch (error) {
  console.error(error instanceof DomainError || error instanceof Error ? error.message : String(error));
  process.exit(1);
}
