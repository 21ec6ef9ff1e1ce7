/**
 * The rules sync holds pulled documents to (issue 11, "Sync checks what it pulls"):
 * - everything Plaint itself writes passes them (demo cases through the workflow, letters with
 *   scans, a finalised and posted letter, settings and staff changes), so no device refuses
 *   another's good data;
 * - the malformed documents of the issue are refused with the field and rule, never a value;
 * - deletions and rewrites follow each collection's stated policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoCases } from '../../domain/demo/seed-demo';
import { startTestDomain, type TestDomain } from '../../domain/test-support';
import { REPLICATED_COLLECTIONS } from '../replicated-collections';
import { inboundRulesOf } from './inbound-rules';
import { inspectInbound, type Incoming, type LocalState } from './inspect-inbound';
import { replicatedDocuments, writeOneOfEach } from '../test-support/written-by-plaint';

let t: TestDomain;
let shared: Record<string, Record<string, unknown>[]>;

beforeAll(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
  const domain = t.services.domain;
  if (!domain) throw new Error('no domain');
  await seedDemoCases(domain, t.clock, 120);
  await t.call('settings.updateSlaPolicy', { ...(await t.call('settings.get', {})).slaPolicy, stage1ResolutionWorkingDays: 12 });
  await t.call('settings.updateCalendar', { region: 'LV', timeZone: 'Europe/Riga', closures: ['2026-12-28'] });
  await t.call('settings.saveComplaintType', { id: 'pharmacy', label: { 'en-GB': 'Pharmacy', lv: 'Aptieka' }, retired: false });
  await t.call('settings.setDepartments', { departments: ['Billing', 'Pharmacy'] });
  await t.call('staff.save', {
    name: 'Ann Clerk',
    email: 'ann@example.org',
    login: 'ann',
    roles: ['clerk'],
    departments: ['Post room'],
    active: true,
    password: 'correct horse battery',
  });
  await writeOneOfEach(t);
  shared = await replicatedDocuments(t);
}, 120_000);

afterAll(async () => {
  await t.close();
});

const noStorageIssues = () => [];
const fresh: LocalState = { local: undefined, caseUntouched: true };
const incoming = (document: Record<string, unknown>, deleted = false): Incoming => ({ ...document, id: String(document['id']), _deleted: deleted });

function firstOf(collection: string, where: (document: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  const found = shared[collection]?.find(where);
  if (!found) throw new Error(`No ${collection} document to test with`);
  return found;
}

describe('everything Plaint writes passes', () => {
  it.each(REPLICATED_COLLECTIONS.map((spec) => spec.collection))('%s', (collection) => {
    const documents = shared[collection] ?? [];
    expect(documents.length).toBeGreaterThan(0);
    const refused = documents
      .map((document) => ({ id: document['id'], decision: inspectInbound(inboundRulesOf(collection), incoming(document), fresh, noStorageIssues) }))
      .filter(({ decision }) => !decision.accept);
    expect(refused).toEqual([]);
  });
});

describe('malformed documents are refused with the field and the rule', () => {
  const refusedFor = (collection: string, document: Record<string, unknown>) =>
    inspectInbound(inboundRulesOf(collection), incoming(document), fresh, noStorageIssues);

  it('a case with `clock: {}` or without `openInquiries`', () => {
    const good = firstOf('cases');
    expect(refusedFor('cases', { ...good, clock: {} })).toMatchObject({
      accept: false,
      reason: 'invalid',
      issues: expect.arrayContaining(['clock.receivedAt: invalid_type']) as unknown,
    });
    const { openInquiries: _gone, ...missing } = good;
    expect(refusedFor('cases', missing)).toMatchObject({ accept: false, issues: ['openInquiries: invalid_type'] });
  });

  it('settings: an unknown holiday region, complaint types that are not a list, SLA limits of 0 or negative days', () => {
    const calendar = firstOf('settings', (document) => document['id'] === 'calendar');
    expect(refusedFor('settings', { ...calendar, value: { data: { region: 'XX', timeZone: 'Europe/London', closures: [] } } })).toMatchObject({
      accept: false,
      issues: ['value.data.region: custom'],
    });
    const types = firstOf('settings', (document) => document['id'] === 'complaintTypes');
    expect(refusedFor('settings', { ...types, value: { data: { product: 'Product' } } })).toMatchObject({ accept: false, issues: ['value.data: custom'] });
    const sla = firstOf('settings', (document) => document['id'] === 'slaPolicy');
    const policy = (sla['value'] as { data: Record<string, unknown> }).data;
    for (const days of [0, -3]) {
      expect(refusedFor('settings', { ...sla, value: { data: { ...policy, stage1ResolutionWorkingDays: days } } })).toMatchObject({
        accept: false,
        issues: ['value.data.stage1ResolutionWorkingDays: custom'],
      });
    }
  });

  it('staff accounts: exactly the account shape, roles only from STAFF_ROLES, a bounded password verifier', () => {
    const ann = firstOf('staff', (document) => document['login'] === 'ann');
    const { password: _verifier, ...withoutVerifier } = ann;
    // A made-up role, the shape from before accounts, an extra field, an enormous scrypt cost.
    expect(refusedFor('staff', { ...ann, roles: ['superuser'] })).toMatchObject({ accept: false, issues: ['roles.0: invalid_value'] });
    expect(refusedFor('staff', { id: ann['id'], name: 'Forged', email: '', role: 'administrator', active: true, createdAt: ann['createdAt'] })).toMatchObject({
      accept: false,
    });
    expect(refusedFor('staff', { ...ann, isAdmin: true })).toMatchObject({ accept: false, issues: ['(document): unrecognized_keys'] });
    expect(refusedFor('staff', withoutVerifier)).toMatchObject({ accept: false, issues: ['password: invalid_type'] });
    expect(refusedFor('staff', { ...ann, password: { ...(ann['password'] as object), N: 2 ** 30 } })).toMatchObject({
      accept: false,
      issues: ['password.N: too_big'],
    });
    expect(refusedFor('staff', { ...ann, roles: ['clerk', 'clerk'] })).toMatchObject({ accept: false });
  });

  it('issues name fields and rules, never the values', () => {
    const good = firstOf('cases');
    const decision = refusedFor('cases', { ...good, complainant: { ...(good['complainant'] as object), preferredChannel: 'pigeon@secret.example' } });
    expect(JSON.stringify(decision)).not.toContain('secret');
    expect(decision).toMatchObject({ accept: false, issues: ['complainant.preferredChannel: invalid_value'] });
  });
});

describe('deletions and rewrites follow each collection', () => {
  const tombstone = (document: Record<string, unknown>): Incoming => ({ id: String(document['id']), _deleted: true });
  const held = (document: Record<string, unknown>) => ({ ...document, _deleted: false });

  it("a case's deletion is applied while the case is as logged (undo), refused once it was worked on", () => {
    const rules = inboundRulesOf('cases');
    const untouched = firstOf('cases', (document) => document['status'] === 'received' && document['updatedAt'] === document['createdAt']);
    expect(inspectInbound(rules, tombstone(untouched), { local: held(untouched), caseUntouched: true }, noStorageIssues)).toEqual({ accept: true });
    const worked = firstOf('cases', (document) => document['status'] !== 'received');
    expect(inspectInbound(rules, tombstone(worked), { local: held(worked), caseUntouched: false }, noStorageIssues)).toMatchObject({
      accept: false,
      reason: 'deletion-refused',
      heal: true,
    });
  });

  it('letters, files, chunks, settings, staff and device codes are never deleted by Plaint: refused and healed', () => {
    for (const collection of ['letters', 'files', 'fileChunks', 'settings', 'staff', 'deviceCodes']) {
      const document = firstOf(collection);
      expect(inspectInbound(inboundRulesOf(collection), tombstone(document), { local: held(document), caseUntouched: true }, noStorageIssues)).toMatchObject({
        accept: false,
        reason: 'deletion-refused',
        heal: true,
      });
    }
    // Deleted before it ever arrived: nothing to give back, but it is said.
    expect(inspectInbound(inboundRulesOf('fileChunks'), { id: 'file-x:3', _deleted: true }, fresh, noStorageIssues)).toMatchObject({
      accept: false,
      reason: 'deleted-before-arrival',
      heal: false,
    });
  });

  it('P-7.2: an access log entry is never rewritten nor deleted: refused and healed', () => {
    const entry = firstOf('accessLog');
    expect(entry).toMatchObject({ action: 'opened' });
    const rules = inboundRulesOf('accessLog');
    expect(
      inspectInbound(rules, incoming({ ...entry, accountId: 'someone-else' }), { local: held(entry), caseUntouched: false }, noStorageIssues),
    ).toMatchObject({ accept: false, reason: 'rewritten', heal: true });
    expect(inspectInbound(rules, tombstone(entry), { local: held(entry), caseUntouched: true }, noStorageIssues)).toMatchObject({
      accept: false,
      reason: 'deletion-refused',
      heal: true,
    });
    expect(inspectInbound(rules, incoming({ ...entry, id: 'forged', action: 'deleted-everything' }), fresh, noStorageIssues)).toMatchObject({ accept: false });
  });

  it('an audit entry, a scan chunk or a letter text rewritten on the server keeps its first version', () => {
    const audit = firstOf('timeline', (document) => document['kind'] === 'audit' || document['kind'] === 'transition');
    expect(
      inspectInbound(
        inboundRulesOf('timeline'),
        incoming({ ...audit, by: { id: 'x', name: 'Someone else' } }),
        { local: held(audit), caseUntouched: false },
        noStorageIssues,
      ),
    ).toMatchObject({ accept: false, reason: 'rewritten', heal: true });
    const chunk = firstOf('fileChunks');
    expect(
      inspectInbound(inboundRulesOf('fileChunks'), incoming({ ...chunk, data: 'AAAA' }), { local: held(chunk), caseUntouched: false }, noStorageIssues),
    ).toMatchObject({ accept: false, reason: 'rewritten' });
    const letter = firstOf('letters', (document) => document['direction'] === 'out');
    expect(
      inspectInbound(inboundRulesOf('letters'), incoming({ ...letter, text: 'Changed' }), { local: held(letter), caseUntouched: false }, noStorageIssues),
    ).toMatchObject({ accept: false, reason: 'rewritten' });
    // Its posting may change (a later posting entry); a voided letter may not come back.
    expect(
      inspectInbound(
        inboundRulesOf('letters'),
        incoming({ ...letter, posting: null, postedOn: '' }),
        { local: held(letter), caseUntouched: false },
        noStorageIssues,
      ),
    ).toEqual({ accept: true });
    expect(
      inspectInbound(
        inboundRulesOf('letters'),
        incoming({ ...letter, voided: false }),
        { local: { ...held(letter), voided: true }, caseUntouched: false },
        noStorageIssues,
      ),
    ).toMatchObject({ accept: false, reason: 'rewritten' });
  });
});

describe('forged staff profiles from the server (issue 13; P-7.1)', () => {
  const refusedFor = (document: Record<string, unknown>, local?: Record<string, unknown>) =>
    inspectInbound(inboundRulesOf('staff'), incoming(document), local ? { local: { ...local, _deleted: false }, caseUntouched: true } : fresh, noStorageIssues);

  it('a staff profile with a role Plaint does not know (superuser) is refused, new or over a known profile', () => {
    const clerk = firstOf('staff', (document) => Array.isArray(document['roles']) && document['roles'].includes('clerk'));
    expect(refusedFor({ ...clerk, id: 'staff-mallory', roles: ['superuser'] })).toMatchObject({ accept: false, reason: 'invalid', heal: false });
    // Over a good local copy: refused, and the server is given the good copy back.
    expect(refusedFor({ ...clerk, roles: ['superuser'] }, clerk)).toMatchObject({ accept: false, reason: 'invalid', heal: true });
  });

  it('a profile granting administrator names no writer on this version: the device cannot tell a forgery, the server guard refuses it', () => {
    // A stored staff account carries no writer: nothing says who wrote it, so a device cannot
    // compare the writer with its directory. The team server's guard refuses it from anyone but an
    // administrator (server-guard.test.ts); an `updatedBy` on accounts would let devices check too.
    const clerk = firstOf('staff', (document) => Array.isArray(document['roles']) && document['roles'].includes('clerk'));
    expect(Object.keys(clerk)).not.toContain('updatedBy');
    expect(refusedFor({ ...clerk, roles: ['administrator'] }, clerk)).toEqual({ accept: true });
  });
});
