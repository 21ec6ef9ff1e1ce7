/**
 * npm run sync-server -- [--port 5984] [--data-dir .data/sync-server] [--admin name:password]
 *
 * Starts the CouchDB-compatible pouchdb-server on 127.0.0.1 with a data directory: the local
 * peer for trying sync between devices (and what the tests use). Teams deploy Apache CouchDB 3.x
 * instead (README, "Using Apache CouchDB"). Without --admin anyone on this machine may read and
 * write ("admin party"); with it, devices must sign in with that name and password.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startCouchServer } from '../src/main/sync/local-server/pouchdb-server';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '5984' }, 'data-dir': { type: 'string', default: '.data/sync-server' }, admin: { type: 'string' } },
});
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error(`--port must be a port number, not "${values.port}"`);
  process.exit(2);
}
const admin = values.admin?.split(':');
if (values.admin !== undefined && (admin?.length !== 2 || !admin[0] || !admin[1])) {
  console.error('--admin must be name:password');
  process.exit(2);
}

const directory = path.resolve(values['data-dir']);
const server = await startCouchServer({ directory, port });
if (admin?.[0] && admin[1]) await server.addAdmin(admin[0], admin[1]);
console.warn(`pouchdb-server is listening on ${server.url} with data in ${directory}.`);
console.warn(`In Plaint: Settings → Sync → server address ${server.url}, team database "plaint"${admin ? `, user ${admin[0]}` : ''}. Ctrl+C stops it.`);
const stop = () => void server.kill().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
