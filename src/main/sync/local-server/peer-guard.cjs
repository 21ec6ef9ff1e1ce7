/**
 * Loaded into the pouchdb-server process (`node --require`) before it starts.
 *
 * express-pouchdb's long-poll route reads `complete.results` of a changes feed that a deleted
 * database ended without results (routes/changes.js, line 62), and the TypeError kills the whole
 * server. Apache CouchDB, the server teams deploy, keeps serving the other databases when one
 * is deleted. So that tests of a deleted database prove the device and not the peer's crash,
 * the peer logs such an error and keeps running.
 */
'use strict';
process.on('uncaughtException', (error) => {
  console.error(`pouchdb-server: internal error survived (CouchDB would keep serving): ${error && error.stack ? error.stack : String(error)}`);
});
