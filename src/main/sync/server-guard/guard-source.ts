/**
 * The `validate_doc_update` function of each shared database, generated from its rules
 * (guard-rules.ts), and the design document `_design/plaint-guard` that carries it.
 *
 * CouchDB runs the function in its own JavaScript engine (SpiderMonkey or QuickJS), apart from
 * this program: it is kept here as source text in ES5 (no `let`, arrow functions, template
 * strings, `includes` or `startsWith`) and closes over nothing; the collection's rules are
 * written into it as a JSON literal. A refusal is `throw({forbidden: '…'})`, which CouchDB answers
 * with 403 and the message (in `_bulk_docs`, as that document's error).
 */
import crypto from 'node:crypto';
import { STAFF_ROLES } from '@shared/domain/vocabulary';
import { guardRulesOf, type GuardRules } from './guard-rules';

export const GUARD_DESIGN_ID = '_design/plaint-guard';

/** The rules engine, ES5. `rules` and `staffRoles` are declared before it in the generated function. */
const ENGINE = String.raw`
  function refuse(message) {
    throw ({ forbidden: 'Plaint ' + rules.collection + ' ' + newDoc._id + ': ' + message });
  }
  function valueAt(doc, path) {
    var parts = path.split('.');
    var value = doc;
    for (var i = 0; i < parts.length; i++) {
      if (value === null || typeof value !== 'object') return undefined;
      value = value[parts[i]];
    }
    return value;
  }
  function canonical(value, top) {
    if (value === null || typeof value !== 'object') return value === undefined ? 'undefined' : JSON.stringify(value);
    var parts = [];
    if (Object.prototype.toString.call(value) === '[object Array]') {
      for (var i = 0; i < value.length; i++) parts.push(canonical(value[i], false));
      return '[' + parts.join(',') + ']';
    }
    var keys = [];
    for (var key in value) {
      if (Object.prototype.hasOwnProperty.call(value, key) && !(top && key.charAt(0) === '_')) keys.push(key);
    }
    keys.sort();
    for (var k = 0; k < keys.length; k++) parts.push(JSON.stringify(keys[k]) + ':' + canonical(value[keys[k]], false));
    return '{' + parts.join(',') + '}';
  }
  function has(list, item) {
    for (var i = 0; i < list.length; i++) if (list[i] === item) return true;
    return false;
  }

  function erasedBy(old) {
    var erasure = rules.erasure;
    if (!erasure) return false;
    for (var mark in erasure.marks) {
      if (Object.prototype.hasOwnProperty.call(erasure.marks, mark) && canonical(valueAt(newDoc, mark), false) !== canonical(erasure.marks[mark], false)) return false;
    }
    for (var e = 0; e < erasure.keep.length; e++) {
      if (canonical(newDoc[erasure.keep[e]], false) !== canonical(old[erasure.keep[e]], false)) return false;
    }
    if (!serverAdmin && !has(held, 'administrator')) refuse('only a Plaint administrator erases an entry of the record (issue 14)');
    return true;
  }

  if (newDoc._id.substring(0, 8) === '_design/') return;

  var roles = (userCtx && userCtx.roles) || [];
  var serverAdmin = has(roles, '_admin');
  var held = [];
  var accounts = [];
  for (var r = 0; r < roles.length; r++) {
    var role = String(roles[r]);
    if (role.substring(0, 7) === 'plaint:' && has(staffRoles, role.substring(7))) held.push(role.substring(7));
    if (role.substring(0, 15) === 'plaint-account:' && role.length > 15) accounts.push(role.substring(15));
  }
  var who = 'the CouchDB user ' + ((userCtx && userCtx.name) || '(anonymous)');
  if (!serverAdmin && held.length === 0) refuse(who + ' holds no Plaint role (plaint:<role>)');
  if (!serverAdmin && accounts.length === 0) refuse(who + ' is not linked to a Plaint account (plaint-account:<id>)');
  if (!new RegExp(rules.idPattern).test(newDoc._id)) refuse('not an id Plaint writes here');

  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  var clerkOnly = !serverAdmin && !has(held, 'caseworker') && !has(held, 'manager') && !has(held, 'administrator');

  if (newDoc._deleted) {
    if (!old) return;
    if (rules.deletion === 'allow') return;
    if (rules.deletion === 'case-untouched') {
      if (old.status === 'received' && old.updatedAt === old.createdAt) return;
      refuse('a case is deleted only while it is exactly as logged (undo); this one has been worked on');
    }
    if (rules.deletion === 'undo-entries') {
      var undoable = (old.kind === 'transition' && old.data && old.data.action === 'create') || old.kind === 'deadlines-moved' || (old.kind === 'communication' && old.data && typeof old.data.letterId === 'string');
      if (undoable) return;
      refuse('timeline entries are never deleted, except those undo removes with a just-logged case');
    }
    if (rules.deletion === 'owner') {
      if (serverAdmin || has(accounts, valueAt(old, rules.ownerField))) return;
      refuse('only its owner deletes it');
    }
    refuse('Plaint never deletes these documents (they are deactivated or voided instead)');
  }

  for (var q = 0; q < rules.required.length; q++) {
    var needed = newDoc[rules.required[q]];
    if (needed === undefined || needed === null) refuse('the field ' + rules.required[q] + ' is missing');
  }
  for (var field in rules.allowedValues) {
    if (!Object.prototype.hasOwnProperty.call(rules.allowedValues, field)) continue;
    // A list (e.g. an account's roles) needs at least one value, each of them known.
    var values = Object.prototype.toString.call(newDoc[field]) === '[object Array]' ? newDoc[field] : [newDoc[field]];
    if (values.length === 0) refuse('the field ' + field + ' is empty');
    for (var v = 0; v < values.length; v++) {
      if (!has(rules.allowedValues[field], values[v])) refuse('the field ' + field + ' has a value Plaint does not know (' + String(values[v]) + ')');
    }
  }
  if (rules.writers === 'administrators' && !serverAdmin && !has(held, 'administrator')) refuse('only a Plaint administrator writes these documents; ' + who + ' is not one');
  if (rules.writtenOnce && old && canonical(newDoc, true) !== canonical(old, true) && !erasedBy(old)) refuse('written once: an entry of the record is never rewritten');

  if (clerkOnly) {
    if (old) {
      for (var c = 0; c < rules.clerkMayNotChange.length; c++) {
        var frozen = rules.clerkMayNotChange[c];
        if (canonical(newDoc[frozen], false) !== canonical(old[frozen], false)) refuse('a clerk may not change ' + frozen + ' (the workflow of a case)');
      }
    } else {
      for (var start in rules.clerkCreates) {
        if (Object.prototype.hasOwnProperty.call(rules.clerkCreates, start) && newDoc[start] !== rules.clerkCreates[start]) refuse('a clerk creates it only with ' + start + ' ' + String(rules.clerkCreates[start]));
      }
    }
  }

  if (serverAdmin || has(rules.systemKinds, newDoc.kind)) return;
  for (var a = 0; a < rules.actors.length; a++) {
    var actor = rules.actors[a];
    var named = valueAt(newDoc, actor.path);
    if (named === undefined || named === null) {
      if (actor.optional) continue;
      refuse('the field ' + actor.path + ' naming who wrote it is missing');
    }
    if (!actor.always && old && valueAt(old, actor.path) === named) continue;
    if (!has(accounts, named)) refuse(actor.path + ' names the account ' + String(named) + ', but ' + who + ' is not that account');
  }
`;

/** The function CouchDB runs for every write to the collection's database. */
export function validateDocUpdateSource(rules: GuardRules): string {
  const settings = `  var rules = ${JSON.stringify(rules)};\n  var staffRoles = ${JSON.stringify(STAFF_ROLES)};\n`;
  return `function (newDoc, oldDoc, userCtx, secObj) {\n${settings}${ENGINE}}`;
}

export interface GuardDesignDocument {
  readonly _id: typeof GUARD_DESIGN_ID;
  readonly language: 'javascript';
  readonly validate_doc_update: string;
  /** A hash of the function: installing again changes nothing while it is the same. */
  readonly plaintGuardVersion: string;
}

export function guardDesignDocument(collection: string): GuardDesignDocument {
  const source = validateDocUpdateSource(guardRulesOf(collection));
  const version = crypto.createHash('sha256').update(source).digest('hex').slice(0, 16);
  return { _id: GUARD_DESIGN_ID, language: 'javascript', validate_doc_update: source, plaintGuardVersion: version };
}
