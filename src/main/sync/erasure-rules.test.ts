/**
 * Issue 14 (P-7.2): how an erasure made on one device passes the checks of the others and of the
 * team server, while every other rewrite of a record written once is still refused.
 * - The device's inbound check (inspect-inbound.ts) accepts a rewrite only when it is exactly the
 *   erased form of its own copy (erasure/redaction.ts).
 * - The server guard (validate_doc_update) lets a Plaint administrator, and nobody else, erase a
 *   timeline entry, a file or a chunk, keeping what identifies it.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../shared/domain/records';
import { EMPTY_FILE_SHA256, erasedChunk, erasedFile, erasedLetter, redactedEntry } from '../erasure/redaction';
import type { FileChunk, FileRecord } from '../files/file-store';
import type { LetterDocument } from '../post-room/letters-collection';
import { inboundRulesOf } from './inbound/inbound-rules';
import { inspectInbound, type Incoming } from './inbound/inspect-inbound';
import { guardDesignDocument } from './server-guard/guard-source';

const by = { id: 'acc-cy', name: 'Cy' };
const note: TimelineEntry = {
  id: 'entry-1',
  caseId: 'case-1',
  kind: 'note',
  at: '2026-11-20T10:00:00.000Z',
  recordedAt: '2026-11-20T10:00:00.000Z',
  order: 0,
  by,
  data: { text: 'Called Margaret Hale on 0161 496 0123' },
};
const audit: TimelineEntry = {
  ...note,
  id: 'entry-2',
  kind: 'audit',
  data: { field: 'complainant.email', before: 'm@example.org', after: 'hale@example.org' },
};
const file: FileRecord = {
  id: 'file-1',
  ownerId: 'letter-1',
  name: 'hale.pdf',
  mimeType: 'application/pdf',
  size: 120,
  sha256: 'a'.repeat(64),
  chunkCount: 1,
  createdAt: '2026-11-20T10:00:00.000Z',
};
const chunk: FileChunk = { id: 'file-1:0', fileId: 'file-1', index: 0, data: Buffer.from('%PDF Margaret Hale').toString('base64') };
const letter = {
  id: 'letter-1',
  direction: 'in',
  caseId: 'case-1',
  caseReference: '7KQ2-0001-X',
  receivedOn: '2026-11-20',
  letterDate: null,
  party: { name: 'Margaret Hale', addressLines: ['12 Milton Road'], postcode: 'M1 1AE', country: 'GB' },
  referenceQuoted: '',
  kind: 'new-complaint',
  routedTo: '',
  note: 'Handwritten',
  summary: 'Leaking bottle',
  files: [{ id: 'file-1', name: 'hale.pdf', mimeType: 'application/pdf', size: 120 }],
  template: null,
  language: null,
  text: '',
  finalisedAt: null,
  posting: null,
  postedOn: '',
  batchId: '',
  loggedAt: '2026-11-20T10:00:00.000Z',
  loggedBy: by,
  voided: false,
} as LetterDocument;

// Issue 17: an acknowledgement sent by e-mail names the complainant's address in its posting.
const emailed = {
  ...letter,
  id: 'letter-2',
  direction: 'out',
  kind: null,
  template: 'acknowledgement',
  language: 'en-GB',
  text: 'Dear Margaret Hale',
  finalisedAt: '2026-11-20T11:00:00.000Z',
  files: [],
  postedOn: '2026-11-20',
  posting: {
    postedOn: '2026-11-20',
    postClass: 'email',
    trackingNumber: '',
    loggedAt: '2026-11-20T11:05:00.000Z',
    loggedBy: by,
    email: {
      to: 'margaret@example.org',
      messageId: '<plaint-letter-2@example.com>',
      sentAt: '2026-11-20T11:05:00.000Z',
      bounce: { at: '2026-11-20T11:06:00.000Z', reason: '550 <margaret@example.org>: user unknown' },
    },
  },
} as LetterDocument;

const local = (document: object) => ({ local: { ...document, _deleted: false }, caseUntouched: false });
const pulled = (document: object): Incoming => ({ ...document, id: String((document as { id: string }).id), _deleted: false });
const check = (collection: string, mine: object, theirs: object) => inspectInbound(inboundRulesOf(collection), pulled(theirs), local(mine), () => []);

describe('a device accepts exactly the erased form of its own copy (issue 14)', () => {
  it.each([
    ['timeline', note, redactedEntry(note)],
    ['timeline', audit, redactedEntry(audit)],
    ['letters', letter, erasedLetter(letter)],
    ['letters', emailed, erasedLetter(emailed)],
    ['files', file, erasedFile(file)],
    ['fileChunks', chunk, erasedChunk(chunk)],
  ])('%s: the erased copy from the server is accepted', (collection, mine, erased) => {
    expect(check(collection, mine, erased)).toEqual({ accept: true });
  });

  it('a letter sent by e-mail is erased without the address it went to or the bounce reason naming it, keeping when it went (issue 17)', () => {
    const erased = erasedLetter(emailed);
    expect(JSON.stringify(erased)).not.toContain('margaret@example.org');
    expect(erased.posting).toMatchObject({
      postClass: 'email',
      email: { to: '', messageId: '<plaint-letter-2@example.com>', sentAt: '2026-11-20T11:05:00.000Z', bounce: { at: '2026-11-20T11:06:00.000Z', reason: '' } },
    });
  });

  it('any other rewrite is still refused as written once, and the server is given the good copy back', () => {
    expect(check('timeline', note, { ...note, data: { text: 'Never called', redacted: true } })).toMatchObject({
      accept: false,
      reason: 'rewritten',
      heal: true,
    });
    expect(check('timeline', note, { ...redactedEntry(note), caseId: 'case-2' })).toMatchObject({ accept: false, reason: 'rewritten' });
    expect(check('fileChunks', chunk, { ...chunk, data: Buffer.from('forged').toString('base64') })).toMatchObject({ accept: false, reason: 'rewritten' });
    expect(check('letters', letter, { ...letter, summary: 'Rewritten' })).toMatchObject({ accept: false, reason: 'rewritten' });
    // The erased copy does not come back over the original once erased here: the original from the server is a rewrite.
    expect(check('timeline', redactedEntry(note), note)).toMatchObject({ accept: false, reason: 'rewritten' });
  });
});

type Doc = Record<string, unknown> & { _id: string };
type Validate = (newDoc: Doc, oldDoc: Doc | null, userCtx: { name: string; roles: string[] }, secObj: object) => void;
const user = (name: string, account: string, ...roles: string[]) => ({ name, roles: [...roles.map((role) => `plaint:${role}`), `plaint-account:${account}`] });
const ADMIN = user('ada', 'acc-ada', 'administrator');
const MANAGER = user('max', 'acc-max', 'manager', 'caseworker');
const SERVER_ADMIN = { name: 'couchadmin', roles: ['_admin'] };
const couch = (document: object): Doc => {
  const { id, ...rest } = document as { id: string };
  return { _id: id, ...rest };
};

function verdict(collection: string, userCtx: { name: string; roles: string[] }, oldDoc: object, newDoc: object): string | null {
  const validate = vm.runInNewContext(`(${guardDesignDocument(collection).validate_doc_update})`, {}) as Validate;
  try {
    validate(couch(newDoc), couch(oldDoc), userCtx, {});
    return null;
  } catch (error) {
    return String((error as { forbidden?: unknown }).forbidden);
  }
}

describe('the server guard lets an administrator erase, and nobody else (issue 14)', () => {
  it.each([
    ['timeline', note, redactedEntry(note)],
    ['files', file, erasedFile(file)],
    ['fileChunks', chunk, erasedChunk(chunk)],
  ])('%s: an administrator erases; a manager may not', (collection, old, erased) => {
    expect(verdict(collection, ADMIN, old, erased)).toBeNull();
    expect(verdict(collection, SERVER_ADMIN, old, erased)).toBeNull();
    expect(verdict(collection, MANAGER, old, erased)).toContain('only a Plaint administrator erases');
  });

  it('an "erasure" that changes what identifies the record, or leaves content, is a rewrite', () => {
    expect(verdict('timeline', ADMIN, note, { ...redactedEntry(note), caseId: 'case-2' })).toContain('written once');
    expect(verdict('timeline', ADMIN, note, { ...note, data: { text: 'Never called' } })).toContain('written once');
    expect(verdict('files', ADMIN, file, { ...erasedFile(file), sha256: 'b'.repeat(64) })).toContain('written once');
    expect(verdict('files', ADMIN, file, { ...erasedFile(file), chunkCount: 2 })).toContain('written once');
    expect(verdict('fileChunks', ADMIN, chunk, { ...chunk, data: 'QUJD' })).toContain('written once');
    expect(EMPTY_FILE_SHA256).toMatch(/^e3b0c442/);
  });
});
