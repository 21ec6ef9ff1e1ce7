/**
 * The generated validate_doc_update functions, evaluated on their own (a fresh `vm` context: no
 * closures, nothing from this program), against a table of (writer, server copy, new document)
 * covering every rule of guard-rules.ts (P-7.1 authorised staff only, P-7.2 who did what, P-5.1
 * the record kept). server-guard.test.ts shows pouchdb-server applying the same functions to
 * real CouchDB users.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { REPLICATED_COLLECTIONS } from '../replicated-collections';
import { collectionsWithoutGuard } from './guard-rules';
import { guardDesignDocument, validateDocUpdateSource } from './guard-source';
import { GUARD_RULES } from './guard-rules';

type Doc = Record<string, unknown> & { _id: string };
interface UserCtx {
  readonly name: string | null;
  readonly roles: readonly string[];
}
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: UserCtx, secObj: object) => void;

function validatorOf(collection: string): Validate {
  return vm.runInNewContext(`(${guardDesignDocument(collection).validate_doc_update})`, {}) as Validate;
}

/** The `forbidden` message, or null when the write is accepted. */
function verdict(collection: string, userCtx: UserCtx, oldDoc: Doc | null, newDoc: Doc): string | null {
  try {
    validatorOf(collection)(structuredClone(newDoc), oldDoc ? structuredClone(oldDoc) : null, userCtx, {});
    return null;
  } catch (error) {
    const forbidden = (error as { forbidden?: unknown }).forbidden;
    if (typeof forbidden !== 'string') throw error;
    return forbidden;
  }
}

const user = (name: string, account: string, ...roles: string[]): UserCtx => ({
  name,
  roles: [...roles.map((role) => `plaint:${role}`), `plaint-account:${account}`],
});
const ADMIN = user('ada', 'acc-ada', 'administrator');
const MANAGER = user('max', 'acc-max', 'manager');
const CASEWORKER = user('cy', 'acc-cy', 'caseworker');
const CLERK = user('cleo', 'acc-cleo', 'clerk');
const CLERK_AND_CASEWORKER = user('cal', 'acc-cal', 'clerk', 'caseworker');
const SERVER_ADMIN: UserCtx = { name: 'couchadmin', roles: ['_admin'] };
const ANONYMOUS: UserCtx = { name: null, roles: [] };
const NO_ACCOUNT: UserCtx = { name: 'stray', roles: ['plaint:manager'] };
const MADE_UP_ROLE: UserCtx = { name: 'eve', roles: ['plaint:superuser', 'plaint-account:acc-eve'] };

const ref = (id: string) => ({ id, name: id });
const staff = (role: string): Doc => ({
  _id: 'staff-1',
  name: 'Sam',
  login: 'sam',
  email: 'sam@example.org',
  roles: [role],
  departments: [],
  active: true,
  createdAt: '2026-11-20T10:00:00.000Z',
  password: null,
});
const access = (accountId: string, changes: Record<string, unknown> = {}): Doc => ({
  _id: 'access-1',
  at: '2026-11-20T10:00:00.000Z',
  accountId,
  name: accountId,
  action: 'opened',
  caseId: 'case-1',
  caseReference: '7KQ2-0001-X',
  detail: '',
  ...changes,
});
const setting = (by: string): Doc => ({ _id: 'calendar', value: { data: { region: 'LV' } }, updatedAt: '2026-11-20T10:00:00.000Z', updatedBy: ref(by) });
const kase = (by: string, changes: Record<string, unknown> = {}): Doc => ({
  _id: 'case-1',
  status: 'received',
  stage: 1,
  open: true,
  deadlines: [{ kind: 'acknowledgement', dueAt: '2026-11-22T10:00:00.000Z' }],
  loggedBy: ref('acc-cleo'),
  updatedBy: ref(by),
  acknowledgement: null,
  resolution: null,
  stage2Resolution: null,
  createdAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  summary: 'Leaking bottle',
  ...changes,
});
const entry = (by: string, changes: Record<string, unknown> = {}): Doc => ({
  _id: 'entry-1',
  caseId: 'case-1',
  kind: 'note',
  at: '2026-11-20T10:00:00.000Z',
  recordedAt: '2026-11-20T10:00:00.000Z',
  order: 0,
  by: ref(by),
  data: { text: 'Called the customer' },
  ...changes,
});
const deleted = (id: string): Doc => ({ _id: id, _rev: '2-x', _deleted: true });
const worked = kase('acc-cy', {
  status: 'acknowledged',
  updatedAt: '2026-11-21T10:00:00.000Z',
  acknowledgement: { at: '2026-11-21T10:00:00.000Z', channel: 'email', by: ref('acc-cy') },
});

interface Case {
  readonly rule: string;
  readonly collection: string;
  readonly writer: UserCtx;
  readonly oldDoc: Doc | null;
  readonly newDoc: Doc;
  /** Null: accepted; otherwise a part of the refusal's message. */
  readonly refused: string | null;
}

const CASES: readonly Case[] = [
  // Who may write at all.
  { rule: 'an anonymous writer is refused', collection: 'cases', writer: ANONYMOUS, oldDoc: null, newDoc: kase('acc-cleo'), refused: 'holds no Plaint role' },
  {
    rule: 'a made-up Plaint role is no role',
    collection: 'cases',
    writer: MADE_UP_ROLE,
    oldDoc: null,
    newDoc: kase('acc-eve', { loggedBy: ref('acc-eve') }),
    refused: 'holds no Plaint role',
  },
  {
    rule: 'a CouchDB user not linked to an account is refused',
    collection: 'cases',
    writer: NO_ACCOUNT,
    oldDoc: null,
    newDoc: kase('x'),
    refused: 'not linked to a Plaint account',
  },
  // Settings and staff: administrators only.
  { rule: 'an administrator writes settings', collection: 'settings', writer: ADMIN, oldDoc: null, newDoc: setting('acc-ada'), refused: null },
  {
    rule: 'a manager may not write settings',
    collection: 'settings',
    writer: MANAGER,
    oldDoc: setting('acc-ada'),
    newDoc: setting('acc-max'),
    refused: 'only a Plaint administrator',
  },
  { rule: 'a server administrator writes settings', collection: 'settings', writer: SERVER_ADMIN, oldDoc: null, newDoc: setting('anyone'), refused: null },
  {
    rule: 'settings name their writer',
    collection: 'settings',
    writer: ADMIN,
    oldDoc: null,
    newDoc: setting('acc-other-admin'),
    refused: 'updatedBy.id names the account acc-other-admin',
  },
  {
    rule: 'a settings area Plaint does not know is refused',
    collection: 'settings',
    writer: ADMIN,
    oldDoc: null,
    newDoc: { ...setting('acc-ada'), _id: 'backdoor' },
    refused: 'not an id Plaint writes here',
  },
  {
    rule: 'settings without their value are refused',
    collection: 'settings',
    writer: ADMIN,
    oldDoc: null,
    newDoc: { _id: 'calendar', updatedAt: '2026-11-20T10:00:00.000Z', updatedBy: ref('acc-ada') },
    refused: 'the field value is missing',
  },
  { rule: 'an administrator writes a staff profile', collection: 'staff', writer: ADMIN, oldDoc: null, newDoc: staff('caseworker'), refused: null },
  {
    rule: 'a clerk may not grant administrator',
    collection: 'staff',
    writer: CLERK,
    oldDoc: staff('clerk'),
    newDoc: staff('administrator'),
    refused: 'only a Plaint administrator',
  },
  {
    rule: 'a manager may not create staff',
    collection: 'staff',
    writer: MANAGER,
    oldDoc: null,
    newDoc: staff('caseworker'),
    refused: 'only a Plaint administrator',
  },
  {
    rule: 'a role Plaint does not know is refused, even from an administrator',
    collection: 'staff',
    writer: ADMIN,
    oldDoc: null,
    newDoc: staff('superuser'),
    refused: 'the field roles has a value Plaint does not know (superuser)',
  },
  {
    rule: 'a list of roles (the account directory) holds only known roles',
    collection: 'staff',
    writer: ADMIN,
    oldDoc: null,
    newDoc: { ...staff('clerk'), roles: ['manager', 'superuser'] },
    refused: 'the field roles has a value Plaint does not know (superuser)',
  },
  {
    rule: 'a list of roles is never empty',
    collection: 'staff',
    writer: ADMIN,
    oldDoc: null,
    newDoc: { ...staff('clerk'), roles: [] },
    refused: 'the field roles is empty',
  },
  {
    rule: 'a list of known roles passes',
    collection: 'staff',
    writer: ADMIN,
    oldDoc: null,
    newDoc: { ...staff('clerk'), roles: ['manager', 'caseworker'] },
    refused: null,
  },
  {
    rule: 'staff profiles are never deleted',
    collection: 'staff',
    writer: ADMIN,
    oldDoc: staff('clerk'),
    newDoc: deleted('staff-1'),
    refused: 'never deletes',
  },
  // P-7.2 the access log: written once, in the writer's own name.
  {
    rule: 'a caseworker records opening a case in their own name',
    collection: 'accessLog',
    writer: CASEWORKER,
    oldDoc: null,
    newDoc: access('acc-cy'),
    refused: null,
  },
  {
    rule: 'an access entry names its writer',
    collection: 'accessLog',
    writer: CASEWORKER,
    oldDoc: null,
    newDoc: access('acc-max'),
    refused: 'accountId names the account acc-max',
  },
  {
    rule: 'nobody rewrites an access entry',
    collection: 'accessLog',
    writer: SERVER_ADMIN,
    oldDoc: access('acc-cy'),
    newDoc: access('acc-cy', { action: 'exported' }),
    refused: 'written once',
  },
  {
    rule: 'nobody deletes an access entry',
    collection: 'accessLog',
    writer: ADMIN,
    oldDoc: access('acc-ada'),
    newDoc: deleted('access-1'),
    refused: 'never deletes',
  },
  // The audit trail: written once.
  { rule: 'a caseworker adds a note in their own name', collection: 'timeline', writer: CASEWORKER, oldDoc: null, newDoc: entry('acc-cy'), refused: null },
  {
    rule: 'a timeline entry names its writer',
    collection: 'timeline',
    writer: CASEWORKER,
    oldDoc: null,
    newDoc: entry('acc-max'),
    refused: 'by.id names the account acc-max',
  },
  {
    rule: 'nobody rewrites a timeline entry',
    collection: 'timeline',
    writer: CASEWORKER,
    oldDoc: entry('acc-cy'),
    newDoc: entry('acc-cy', { data: { text: 'Never called' } }),
    refused: 'written once',
  },
  {
    rule: 'not even a server administrator rewrites one',
    collection: 'timeline',
    writer: SERVER_ADMIN,
    oldDoc: entry('acc-cy'),
    newDoc: entry('acc-cy', { data: { text: 'Never called' } }),
    refused: 'written once',
  },
  {
    rule: 'an audit entry is not rewritten either',
    collection: 'timeline',
    writer: MANAGER,
    oldDoc: entry('acc-max', { kind: 'audit', data: { field: 'summary', before: 'a', after: 'b' } }),
    newDoc: entry('acc-max', { kind: 'audit', data: { field: 'summary', before: 'a', after: 'c' } }),
    refused: 'written once',
  },
  {
    rule: 'the same entry again is no rewrite',
    collection: 'timeline',
    writer: CASEWORKER,
    oldDoc: { ...entry('acc-cy'), _rev: '1-a' },
    newDoc: { ...entry('acc-cy'), _rev: '1-a', _revisions: { start: 1, ids: ['a'] } },
    refused: null,
  },
  { rule: 'a note is never deleted', collection: 'timeline', writer: MANAGER, oldDoc: entry('acc-cy'), newDoc: deleted('entry-1'), refused: 'never deleted' },
  {
    rule: "undo deletes a just-logged case's creation entry",
    collection: 'timeline',
    writer: CLERK,
    oldDoc: entry('acc-cleo', { kind: 'transition', data: { action: 'create', from: null, to: 'received', fromStage: 1, toStage: 1, details: '' } }),
    newDoc: deleted('entry-1'),
    refused: null,
  },
  {
    rule: "sync's conflict entries name Sync, on whichever device met the conflict",
    collection: 'timeline',
    writer: CASEWORKER,
    oldDoc: null,
    newDoc: entry('plaint-sync', { _id: 'conflict-abc', kind: 'conflict' }),
    refused: null,
  },
  // Cases: the clerk and the workflow.
  { rule: 'a clerk logs a new case as received', collection: 'cases', writer: CLERK, oldDoc: null, newDoc: kase('acc-cleo'), refused: null },
  {
    rule: 'a clerk may not log a case as already closed',
    collection: 'cases',
    writer: CLERK,
    oldDoc: null,
    newDoc: kase('acc-cleo', { status: 'closed', open: false }),
    refused: 'a clerk creates it only with status received',
  },
  {
    rule: 'a clerk may not change the status',
    collection: 'cases',
    writer: CLERK,
    oldDoc: kase('acc-cleo'),
    newDoc: kase('acc-cleo', { status: 'closed', open: false }),
    refused: 'a clerk may not change status',
  },
  {
    rule: 'a clerk may not change the stage',
    collection: 'cases',
    writer: CLERK,
    oldDoc: worked,
    newDoc: { ...worked, stage: 2, updatedBy: ref('acc-cleo') },
    refused: 'a clerk may not change stage',
  },
  {
    rule: 'a clerk may not move deadlines',
    collection: 'cases',
    writer: CLERK,
    oldDoc: kase('acc-cleo'),
    newDoc: kase('acc-cleo', { deadlines: [{ kind: 'acknowledgement', dueAt: '2027-01-30T10:00:00.000Z' }] }),
    refused: 'a clerk may not change deadlines',
  },
  {
    rule: 'a clerk may correct the summary',
    collection: 'cases',
    writer: CLERK,
    oldDoc: kase('acc-cleo'),
    newDoc: kase('acc-cleo', { summary: 'Leaking bottles' }),
    refused: null,
  },
  {
    rule: 'a clerk who is also a caseworker moves the workflow',
    collection: 'cases',
    writer: CLERK_AND_CASEWORKER,
    oldDoc: kase('acc-cleo'),
    newDoc: kase('acc-cal', { status: 'acknowledged', acknowledgement: { at: '2026-11-21T10:00:00.000Z', channel: 'email', by: ref('acc-cal') } }),
    refused: null,
  },
  { rule: 'a caseworker acknowledges in their own name', collection: 'cases', writer: CASEWORKER, oldDoc: kase('acc-cleo'), newDoc: worked, refused: null },
  {
    rule: 'an acknowledgement in someone else’s name is refused',
    collection: 'cases',
    writer: CASEWORKER,
    oldDoc: kase('acc-cleo'),
    newDoc: { ...worked, acknowledgement: { at: '2026-11-21T10:00:00.000Z', channel: 'email', by: ref('acc-max') } },
    refused: 'acknowledgement.by.id names the account acc-max',
  },
  {
    rule: 'a case updated in someone else’s name is refused',
    collection: 'cases',
    writer: CASEWORKER,
    oldDoc: kase('acc-cleo'),
    newDoc: kase('acc-max', { summary: 'x' }),
    refused: 'updatedBy.id names the account acc-max',
  },
  {
    rule: 'a merge keeps the earlier editor’s name (unchanged on the server)',
    collection: 'cases',
    writer: MANAGER,
    oldDoc: worked,
    newDoc: { ...worked, summary: 'merged' },
    refused: null,
  },
  {
    rule: 'a case without its workflow fields is refused',
    collection: 'cases',
    writer: MANAGER,
    oldDoc: null,
    newDoc: { _id: 'case-2', summary: 'garbage' },
    refused: 'the field status is missing',
  },
  {
    rule: 'a status Plaint does not know is refused',
    collection: 'cases',
    writer: MANAGER,
    oldDoc: null,
    newDoc: kase('acc-max', { loggedBy: ref('acc-max'), status: 'vanished' }),
    refused: 'the field status has a value Plaint does not know',
  },
  { rule: 'undo deletes a case exactly as logged', collection: 'cases', writer: CLERK, oldDoc: kase('acc-cleo'), newDoc: deleted('case-1'), refused: null },
  { rule: 'a worked case is never deleted', collection: 'cases', writer: MANAGER, oldDoc: worked, newDoc: deleted('case-1'), refused: 'exactly as logged' },
  {
    rule: 'an id Plaint never makes is refused',
    collection: 'cases',
    writer: MANAGER,
    oldDoc: null,
    newDoc: kase('acc-max', { _id: '../../etc', loggedBy: ref('acc-max') }),
    refused: 'not an id Plaint writes here',
  },
  // Letters, files, views, device codes.
  {
    rule: 'a letter is logged in the writer’s name',
    collection: 'letters',
    writer: CLERK,
    oldDoc: null,
    newDoc: { _id: 'letter-1', direction: 'in', loggedAt: '2026-11-20T10:00:00.000Z', loggedBy: ref('acc-max'), voided: false },
    refused: 'loggedBy.id names the account acc-max',
  },
  {
    rule: 'letters are voided, never deleted',
    collection: 'letters',
    writer: CLERK,
    oldDoc: { _id: 'letter-1', direction: 'in', loggedAt: '2026-11-20T10:00:00.000Z', loggedBy: ref('acc-cleo'), voided: false },
    newDoc: deleted('letter-1'),
    refused: 'never deletes',
  },
  {
    rule: 'a scan is written once',
    collection: 'files',
    writer: CLERK,
    oldDoc: { _id: 'file-1', ownerId: 'letter-1', sha256: 'a'.repeat(64), chunkCount: 1 },
    newDoc: { _id: 'file-1', ownerId: 'letter-1', sha256: 'b'.repeat(64), chunkCount: 1 },
    refused: 'written once',
  },
  {
    rule: "a chunk's id names its file and position",
    collection: 'fileChunks',
    writer: CLERK,
    oldDoc: null,
    newDoc: { _id: 'file-1-part', fileId: 'file-1', index: 0, data: '' },
    refused: 'not an id Plaint writes here',
  },
  {
    rule: 'a saved view belongs to its writer',
    collection: 'caseViews',
    writer: CASEWORKER,
    oldDoc: null,
    newDoc: { _id: 'acc-cy:v1', staffId: 'acc-cy', viewId: 'v1', name: 'Mine' },
    refused: null,
  },
  {
    rule: 'nobody rewrites another person’s view',
    collection: 'caseViews',
    writer: MANAGER,
    oldDoc: { _id: 'acc-cy:v1', staffId: 'acc-cy', viewId: 'v1', name: 'Mine' },
    newDoc: { _id: 'acc-cy:v1', staffId: 'acc-cy', viewId: 'v1', name: 'Renamed' },
    refused: 'staffId names the account acc-cy',
  },
  {
    rule: 'nobody deletes another person’s view',
    collection: 'caseViews',
    writer: MANAGER,
    oldDoc: { _id: 'acc-cy:v1', staffId: 'acc-cy', viewId: 'v1', name: 'Mine' },
    newDoc: deleted('acc-cy:v1'),
    refused: 'only its owner',
  },
  {
    rule: 'its owner deletes a view',
    collection: 'caseViews',
    writer: CASEWORKER,
    oldDoc: { _id: 'acc-cy:v1', staffId: 'acc-cy', viewId: 'v1', name: 'Mine' },
    newDoc: deleted('acc-cy:v1'),
    refused: null,
  },
  {
    rule: 'a device claims its code',
    collection: 'deviceCodes',
    writer: CLERK,
    oldDoc: null,
    newDoc: { _id: 'K7', deviceId: 'device-1', claimedAt: '2026-11-20T10:00:00.000Z' },
    refused: null,
  },
];

describe('the server guard refuses forged writes (validate_doc_update, evaluated on its own)', () => {
  it.each(CASES)('$collection: $rule', ({ collection, writer, oldDoc, newDoc, refused }) => {
    const answer = verdict(collection, writer, oldDoc, newDoc);
    if (refused === null) expect(answer).toBeNull();
    else expect(answer).toContain(refused);
  });

  it('every shared collection appears in the table', () => {
    const covered = new Set(CASES.map((row) => row.collection));
    expect([...covered].sort()).toEqual(REPLICATED_COLLECTIONS.map((spec) => spec.collection).sort());
  });

  it('every shared collection has rules, and design documents leave design documents to CouchDB', () => {
    expect(collectionsWithoutGuard()).toEqual([]);
    expect(verdict('cases', SERVER_ADMIN, null, { _id: '_design/other' })).toBeNull();
  });

  it('the function is ES5 and closes over nothing: it runs in an empty context', () => {
    for (const collection of Object.keys(GUARD_RULES)) {
      const source = validateDocUpdateSource(GUARD_RULES[collection]!);
      expect(source).not.toMatch(/=>|\blet\b|\bconst\b|`|\.includes\(|\.startsWith\(/);
      expect(() => vm.runInNewContext(`(${source})`, {})).not.toThrow();
    }
  });

  it('the version follows the source, so installing again changes nothing until the rules change', () => {
    expect(guardDesignDocument('cases').plaintGuardVersion).toBe(guardDesignDocument('cases').plaintGuardVersion);
    expect(guardDesignDocument('cases').plaintGuardVersion).not.toBe(guardDesignDocument('timeline').plaintGuardVersion);
  });
});
