/**
 * The rule every merge leans on: the later edit wins; a tie at the same instant goes to the greater
 * staff id, then to the greater value, so every device picks the same winner whatever order the
 * edits arrive in and however their values sort.
 */
import { describe, expect, it } from 'vitest';
import type { StaffRef } from '@shared/domain/records';
import { canonicalJson, chooseEdit, compareEdits, laterEdit, mergeSets, type Edit } from './edits';

const ann: StaffRef = { id: 'staff-ann', name: 'Ann' };
const bob: StaffRef = { id: 'staff-bob', name: 'Bob' };
const AT = '2026-11-21T10:00:00.000Z';
const edit = (value: unknown, at: string, by: StaffRef): Edit => ({ value, at, by });

describe('compareEdits: the later edit wins, ties are broken the same way on every device', () => {
  it('the later edit wins whatever its staff id or value', () => {
    const earlier = edit('Z', AT, bob);
    const later = edit('A', '2026-11-21T10:00:00.001Z', ann);
    expect(compareEdits(later, earlier)).toBeGreaterThan(0);
    expect(compareEdits(earlier, later)).toBeLessThan(0);
  });

  it('a tie at the same instant goes to the greater staff id, even when its value sorts first', () => {
    const byAnn = edit('Zebra', AT, ann);
    const byBob = edit('Apple', AT, bob);
    expect(compareEdits(byBob, byAnn)).toBeGreaterThan(0);
    expect(compareEdits(byAnn, byBob)).toBeLessThan(0);
    expect(laterEdit(byAnn, byBob)).toEqual({ kept: byBob, discarded: byAnn });
    expect(laterEdit(byBob, byAnn)).toEqual({ kept: byBob, discarded: byAnn });
  });

  it('a tie at the same instant by the same staff member goes to the greater value, in either order', () => {
    const low = edit({ summary: 'Apple' }, AT, ann);
    const high = edit({ summary: 'Zebra' }, AT, ann);
    expect(compareEdits(high, low)).toBeGreaterThan(0);
    expect(compareEdits(low, high)).toBeLessThan(0);
    expect(laterEdit(low, high).kept).toBe(high);
    expect(laterEdit(high, low).kept).toBe(high);
  });

  it('is zero only for identical edits, also when their keys were written in another order', () => {
    expect(compareEdits(edit({ a: 1, b: [2] }, AT, ann), edit({ a: 1, b: [2] }, AT, ann))).toBe(0);
    expect(compareEdits(edit({ a: 1, b: [2] }, AT, ann), edit({ b: [2], a: 1 }, AT, ann))).toBe(0);
  });
});

describe('canonicalJson: equal values give equal text regardless of key order', () => {
  it('sorts object keys at every depth and leaves array order alone', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe(canonicalJson({ a: 2, b: 1 }));
    expect(canonicalJson(['b', 'a'])).toBe('["b","a"]');
    expect(canonicalJson('text')).toBe('"text"');
  });

  it('a missing value has its own text, distinct from an empty one, so it is ordered like any other', () => {
    expect(canonicalJson(undefined)).toBe('undefined');
    expect(canonicalJson(null)).toBe('null');
  });
});

describe('mergeSets: three-way set merge, sorted so it does not depend on which side is which', () => {
  it('keeps what either side added and drops what either side removed', () => {
    expect(mergeSets(['Billing', 'Warehouse'], ['Billing', 'Warehouse', 'Pharmacy'], ['Warehouse'])).toEqual(['Pharmacy', 'Warehouse']);
  });

  it('without a base (never synced) it is the union, sorted the same whichever side is first', () => {
    expect(mergeSets(undefined, ['Warehouse'], ['Billing'])).toEqual(['Billing', 'Warehouse']);
    expect(mergeSets(undefined, ['Billing'], ['Warehouse'])).toEqual(['Billing', 'Warehouse']);
  });
});

describe('chooseEdit: a three-way choice between two edits of one thing', () => {
  it('the same value on both sides: no conflict, and the later of the two edits is kept (its time and author)', () => {
    const early = edit('Same', AT, bob);
    const late = edit('Same', '2026-11-21T10:05:00.000Z', ann);
    expect(chooseEdit({ value: 'Old' }, early, late)).toEqual({ kept: late, discarded: null });
    expect(chooseEdit({ value: 'Old' }, late, early)).toEqual({ kept: late, discarded: null });
  });

  it('a side that left the base unchanged takes the other side, even if it saved later', () => {
    const changed = edit('New', AT, ann);
    const untouched = edit('Old', '2026-11-21T11:00:00.000Z', bob);
    expect(chooseEdit({ value: 'Old' }, changed, untouched)).toEqual({ kept: changed, discarded: null });
    expect(chooseEdit({ value: 'Old' }, untouched, changed)).toEqual({ kept: changed, discarded: null });
  });

  it('two different changes keep the later edit and report the other', () => {
    const early = edit('From Bob', AT, bob);
    const late = edit('From Ann', '2026-11-21T10:05:00.000Z', ann);
    expect(chooseEdit({ value: 'Old' }, early, late)).toEqual({ kept: late, discarded: early });
    expect(chooseEdit(null, late, early)).toEqual({ kept: late, discarded: early });
  });
});
