/**
 * Loaded into the pouchdb-server process (`node --require`) before it starts.
 *
 * Need-to-know replication (issue 19) reads `_changes?filter=_selector` with the Mango selector
 * in the POST body, as Apache CouchDB documents it. express-pouchdb 4's changes route passes
 * only `doc_ids` from the body to PouchDB (routes/changes.js), although PouchDB itself filters
 * by a selector. So that the local peer answers as CouchDB does, the body's selector is passed on
 * too; nothing else changes.
 */
'use strict';
const path = process.getBuiltinModule('node:path');
const load = process.getBuiltinModule('node:module').createRequire(__filename);
const serverRoot = path.dirname(load.resolve('pouchdb-server/package.json'));
const utils = load(load.resolve('express-pouchdb/lib/utils', { paths: [serverRoot] }));
const makeOpts = utils.makeOpts;
utils.makeOpts = function (req, startOpts) {
  const opts = makeOpts.call(this, req, startOpts);
  const body = req && req.body;
  if (body && typeof body === 'object' && body.selector && typeof req.path === 'string' && /\/_changes$/.test(req.path) && opts && opts.filter === '_selector')
    opts.selector = body.selector;
  return opts;
};
