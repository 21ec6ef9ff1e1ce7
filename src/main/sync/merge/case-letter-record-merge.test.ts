/**
 * The case, letter and device-code conflict policies, rule by rule and in both merge orders (the
 * merge runs on whichever device meets the conflict, so both orders must give the same answer).
 */
import { describe, expect, it } from 'vitest';
import type { StaffRef } from '@shared/domain/records';
import type { CaseDocument } from '../../domain/collections';
import { mergeCases } from './case-merge';
import { mergeLetters } from './letter-merge';
import { earliestClaim } from './record-merge';
import { ann, baseCase as base, bob, edit, outgoingLetter, posted } from './test-support';

describe('cases: merge bookkeeping and field versions', () => {
  it('the merged case carries the bookkeeping (updatedAt, updatedBy) of the side saved last, in either order', () => {
    const onA = edit(base, { summary: 'From Ann' }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, { description: 'From Bob' }, '2026-11-21T09:00:00.000Z', bob);
    for (const [x, y] of [
      [onA, onB],
      [onB, onA],
    ] as const) {
      expect(mergeCases(base, x, y).merged).toMatchObject({
        updatedAt: '2026-11-21T10:00:00.000Z',
        updatedBy: ann,
        summary: 'From Ann',
        description: 'From Bob',
      });
    }
  });

  it("a group edited on one side keeps that side's stamp; a group edited on neither side gets none", () => {
    const onA = edit(base, { summary: 'From Ann' }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, { description: 'From Bob' }, '2026-11-21T09:00:00.000Z', bob);
    const expected = { summary: { at: '2026-11-21T10:00:00.000Z', by: ann }, description: { at: '2026-11-21T09:00:00.000Z', by: bob } };
    expect(mergeCases(base, onA, onB).merged.fieldVersions).toEqual(expected);
    expect(mergeCases(base, onB, onA).merged.fieldVersions).toEqual(expected);
  });

  it('the same change made on both sides keeps the stamp of the later of the two edits', () => {
    const onA = edit(base, { summary: 'Same' }, '2026-11-21T10:05:00.000Z', ann);
    const onB = edit(base, { summary: 'Same' }, '2026-11-21T10:00:00.000Z', bob);
    for (const [x, y] of [
      [onA, onB],
      [onB, onA],
    ] as const) {
      const { merged, conflicts } = mergeCases(base, x, y);
      expect(conflicts).toEqual([]);
      expect(merged.fieldVersions).toEqual({ summary: { at: '2026-11-21T10:05:00.000Z', by: ann } });
    }
  });

  it('a case from before field versions merges with an edited copy, in either order', () => {
    const { fieldVersions: _none, ...old } = base;
    const onA = edit(old as CaseDocument, { summary: 'Edited' }, '2026-11-21T10:00:00.000Z', ann);
    for (const [x, y] of [
      [onA, old as CaseDocument],
      [old as CaseDocument, onA],
    ] as const) {
      const { merged, conflicts } = mergeCases(old as CaseDocument, x, y);
      expect(conflicts).toEqual([]);
      expect(merged.summary).toBe('Edited');
      expect(merged.fieldVersions).toEqual({ summary: { at: '2026-11-21T10:00:00.000Z', by: ann } });
    }
  });

  it('a complainant detail removed on both devices stays removed and keeps the later removal’s stamp', () => {
    const withCompany = { ...base, complainant: { ...base.complainant, company: 'Acme' } } as CaseDocument;
    const { company: _gone, ...without } = withCompany.complainant as CaseDocument['complainant'] & { company: string };
    const onA = edit(withCompany, { complainant: without }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(withCompany, { complainant: without }, '2026-11-21T10:05:00.000Z', bob);
    for (const [x, y] of [
      [onA, onB],
      [onB, onA],
    ] as const) {
      const { merged } = mergeCases(withCompany, x, y);
      expect('company' in merged.complainant).toBe(false);
      expect(merged.fieldVersions?.['complainant.company']).toEqual({ at: '2026-11-21T10:05:00.000Z', by: bob });
    }
  });

  it('a tie at the same instant goes to the greater staff id even when its value sorts first, in either order', () => {
    const at = '2026-11-21T10:00:00.000Z';
    const onA = edit(base, { summary: 'Zebra (Ann)' }, at, ann);
    const onB = edit(base, { summary: 'Apple (Bob)' }, at, bob);
    for (const [x, y] of [
      [onA, onB],
      [onB, onA],
    ] as const) {
      const { merged, conflicts } = mergeCases(base, x, y);
      expect(merged.summary).toBe('Apple (Bob)');
      expect(conflicts.map((conflict) => [conflict.kept.value, conflict.discarded.value])).toEqual([['Apple (Bob)', 'Zebra (Ann)']]);
    }
  });
});

describe('letters', () => {
  const letter = outgoingLetter;
  const postedBy = (by: StaffRef, at: string, tracking: string) => posted(letter, by, at, tracking);

  it('a letter posted nowhere and voided nowhere stays unposted and live', () => {
    expect(mergeLetters(letter, letter, { ...letter })).toEqual({ merged: letter, conflict: null });
    expect(mergeLetters(undefined, letter, { ...letter })).toEqual({ merged: letter, conflict: null });
  });

  it('a posting is kept from whichever copy has it', () => {
    const withPosting = postedBy(bob, '2026-11-22T10:00:00.000Z', 'AB1');
    for (const [x, y] of [
      [withPosting, letter],
      [letter, withPosting],
    ] as const) {
      expect(mergeLetters(letter, x, y)).toEqual({ merged: withPosting, conflict: null });
    }
  });

  it('two postings: the later posting entry wins by its own time, not the letter’s, and the other is reported with its time and author', () => {
    // Ann logged her posting later; Bob's staff id sorts higher, so only the posting times can decide.
    const byBob = postedBy(bob, '2026-11-22T10:00:00.000Z', 'AB1');
    const byAnn = postedBy(ann, '2026-11-22T11:00:00.000Z', 'AB2');
    for (const [x, y] of [
      [byBob, byAnn],
      [byAnn, byBob],
    ] as const) {
      const { merged, conflict } = mergeLetters(letter, x, y);
      expect(merged).toEqual(byAnn);
      expect(conflict).toEqual({
        kept: { value: byAnn.posting, at: '2026-11-22T11:00:00.000Z', by: ann },
        discarded: { value: byBob.posting, at: '2026-11-22T10:00:00.000Z', by: bob },
      });
    }
  });

  it('voided anywhere stays voided, in either order', () => {
    const voided = { ...letter, voided: true };
    expect(mergeLetters(letter, voided, letter).merged.voided).toBe(true);
    expect(mergeLetters(letter, letter, voided).merged.voided).toBe(true);
  });
});

describe('device codes', () => {
  it('two claims at the same instant: the lower device id keeps the code, whichever claim arrives first', () => {
    const at = '2026-11-01T10:00:00.000Z';
    const byA = { id: '7KQ2', deviceId: 'device-a', claimedAt: at };
    const byB = { id: '7KQ2', deviceId: 'device-b', claimedAt: at };
    expect(earliestClaim(byA, byB)).toBe(byA);
    expect(earliestClaim(byB, byA)).toBe(byA);
  });
});
