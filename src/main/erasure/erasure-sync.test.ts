/**
 * Issue 14 (P-7.2): an erasure made on one device reaches a second device through a real
 * pouchdb-server (its own process on loopback), and the report counts stay the same on both.
 * The second device had edited the same case offline meanwhile: its older edit meets the
 * anonymised case and does not bring the personal data back; what it wrote offline (its audit
 * entries) is erased too. Nothing personal is left in either device's shared documents or in the
 * server's current documents.
 */
import { describe, expect, it } from 'vitest';
import { serverData } from '../sync/test-support/server-data';
import { connect, disconnect, waitForConvergence, waitUntil, type Device } from '../sync/test-support/devices';
import { syncLab } from '../sync/test-support/sync-lab';
import { PERSON, PERSONAL_STRINGS, personalCase } from './test-support';

const lab = syncLab();
const server = () => lab.server();
const device = (name: string) => lab.device(name, { start: '2026-12-16T10:00:00.000Z' });

const REASON = 'Erasure request under UK GDPR article 17, ticket 2027-004';
const range = { from: '2026-01-01', to: '2027-12-31' };
/** The dashboard's figures (not when it was computed). */
async function figures(on: Device) {
  const { generatedAt: _when, ...rest } = await on.call('reports.dashboard', range);
  return rest;
}
const personalIn = (data: unknown) => PERSONAL_STRINGS.filter((value) => JSON.stringify(data).includes(value));

describe('erasure through sync (issue 14)', () => {
  it('reaches the second device through pouchdb-server, beats its offline edit, and keeps the report counts', async () => {
    const couch = await server();
    const [a, b] = [await device('a'), await device('b')];
    const person = await personalCase(a);
    await connect(a, couch.url);
    await connect(b, couch.url);
    await waitForConvergence([a, b]);
    const countsBefore = await figures(b);
    expect((await b.call('cases.get', { caseId: person.caseId })).case.complainant.email).toBe(PERSON.email);

    // B edits the complainant offline, before it hears of the erasure.
    await disconnect(b, couch.url);
    await b.setClock('2027-01-09T10:00:00.000Z');
    const onB = (await b.call('cases.get', { caseId: person.caseId })).case;
    await b.call('cases.updateDetails', {
      caseId: person.caseId,
      changes: { complainant: { ...onB.complainant, address: null, email: 'new.address.halija@example.org' } },
    });

    await a.setClock('2027-01-10T10:00:00.000Z');
    const record = await a.call('erasure.erase', { caseIds: [person.caseId], letterIds: [person.letterId], reason: REASON });
    expect(record.counts.cases).toBe(1);

    await connect(b, couch.url);
    const data = await waitUntil(async () => {
      const converged = await waitForConvergence([a, b]);
      return personalIn(converged).length === 0 && !JSON.stringify(converged).includes('new.address.halija') ? converged : false;
    }, 'the erasure to reach both devices');

    for (const on of [a, b]) {
      const { case: erased, timeline } = await on.call('cases.get', { caseId: person.caseId });
      expect(erased.complainant).toMatchObject({ name: 'Anonymised', email: '', phone: '', address: null });
      expect(erased.rootCauseId).toBe('courier-handling');
      expect(erased.rootCauseNote).toBe('');
      expect(timeline.every((entry) => entry.data.redacted === true)).toBe(true);
      expect(timeline.filter((entry) => entry.kind === 'conflict')).toEqual([]);
      expect(await figures(on)).toEqual(countsBefore);
      expect((await on.call('people.find', { email: PERSON.email })).cases).toEqual([]);
    }
    expect(personalIn(data)).toEqual([]);
    expect(JSON.stringify(data)).not.toContain('new.address.halija');
    // The register travelled too, and says nothing of the person.
    expect(await b.call('erasure.register', {})).toEqual([record]);
    // The server's current documents hold nothing personal either (old revisions: see server-revisions.test.ts).
    const onServer = await serverData(couch.url);
    expect(personalIn(onServer)).toEqual([]);
  }, 240_000);
});
