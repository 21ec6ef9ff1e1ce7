/**
 * The settings conflict policy, rule by rule: what administrators on two devices each changed since
 * the common base survives, and only a key both changed to different values is settled by the later
 * save, whichever device runs the merge.
 */
import { describe, expect, it } from 'vitest';
import type { StaffRef } from '@shared/domain/records';
import type { SettingsDocument } from '../../domain/collections';
import { mergeSettings } from './settings-merge';

const ann: StaffRef = { id: 'staff-ann', name: 'Ann' };
const bob: StaffRef = { id: 'staff-bob', name: 'Bob' };
const BASE_AT = '2026-11-20T10:00:00.000Z';
const EARLY = '2026-11-21T10:00:00.000Z';
const LATE = '2026-11-21T11:00:00.000Z';

const area = (id: string, data: unknown, at: string, by: StaffRef): SettingsDocument => ({ id, value: { data }, updatedAt: at, updatedBy: by });

/** Merges one area edited on two devices in both orders; the two results must agree. */
function mergeBothWays(id: string, base: unknown, earlier: unknown, later: unknown, hasBase = true): unknown {
  const [b, e, l] = [area(id, base, BASE_AT, ann), area(id, earlier, EARLY, ann), area(id, later, LATE, bob)];
  const forward = mergeSettings(hasBase ? b : undefined, e, l);
  const backward = mergeSettings(hasBase ? b : undefined, l, e);
  expect(backward).toStrictEqual(forward);
  // The merged document carries the bookkeeping of the later save.
  expect(forward).toMatchObject({ id, updatedAt: LATE, updatedBy: bob });
  return forward.value.data;
}

const product = { id: 'product', label: { 'en-GB': 'Product', lv: 'Produkts' }, retired: false };
const service = { id: 'service', label: { 'en-GB': 'Service', lv: 'Pakalpojums' }, retired: false };
const courier = { id: 'courier', label: { 'en-GB': 'Courier', lv: 'Kurjers' }, retired: false };

describe('settings: a key changed on one device only takes that change, whichever device saved later', () => {
  it('the earlier save changed the name, the later one the phone: both changes survive', () => {
    const organisation = { name: 'Welzo', phone: '', email: '' };
    expect(mergeBothWays('organisation', organisation, { ...organisation, name: 'Welzo Ltd' }, { ...organisation, phone: '020 7946 0000' })).toStrictEqual({
      name: 'Welzo Ltd',
      phone: '020 7946 0000',
      email: '',
    });
  });

  it('a whole area changed on the earlier device only is taken, even though the other device saved later', () => {
    expect(mergeBothWays('slaPolicy', { stage1Days: 8 }, { stage1Days: 5 }, { stage1Days: 8 })).toStrictEqual({ stage1Days: 5 });
  });

  it('a key added on one device (a note for a new closure day) survives a later save of another key on the other device', () => {
    const calendar = { region: 'GB-ENG', dayNotes: { '2026-12-24': 'Christmas Eve' } };
    const withNote = { ...calendar, dayNotes: { ...calendar.dayNotes, '2026-12-31': 'Stocktake' } };
    // The other device changes the region and rewords the existing note.
    const otherRegion = { region: 'GB-WLS', dayNotes: { '2026-12-24': 'Christmas Eve (closed)' } };
    expect(mergeBothWays('calendar', calendar, withNote, otherRegion)).toStrictEqual({
      region: 'GB-WLS',
      dayNotes: { '2026-12-24': 'Christmas Eve (closed)', '2026-12-31': 'Stocktake' },
    });
    // The same the other way round: the later save adds, the earlier one edits.
    expect(mergeBothWays('calendar', calendar, otherRegion, withNote)).toStrictEqual({
      region: 'GB-WLS',
      dayNotes: { '2026-12-24': 'Christmas Eve (closed)', '2026-12-31': 'Stocktake' },
    });
  });

  it('an optional list first set on one device (closures) survives a later save on the other device', () => {
    const calendar = { region: 'GB-ENG', workWeek: [1, 2, 3, 4, 5] };
    expect(mergeBothWays('calendar', calendar, { ...calendar, closures: ['2026-12-24'] }, { ...calendar, workWeek: [1, 2, 3, 4, 5, 6] })).toStrictEqual({
      region: 'GB-ENG',
      workWeek: [1, 2, 3, 4, 5, 6],
      closures: ['2026-12-24'],
    });
  });

  it('a key removed on one device and unchanged on the other is removed, not left behind as an empty key', () => {
    const calendar = { region: 'GB-ENG', dayNotes: { '2026-12-24': 'Christmas Eve', '2026-12-31': 'Stocktake' } };
    const merged = mergeBothWays(
      'calendar',
      calendar,
      { ...calendar, dayNotes: { '2026-12-24': 'Christmas Eve' } },
      { ...calendar, region: 'GB-WLS' },
    ) as typeof calendar;
    expect(merged).toStrictEqual({ region: 'GB-WLS', dayNotes: { '2026-12-24': 'Christmas Eve' } });
    expect(Object.keys(merged.dayNotes)).toEqual(['2026-12-24']);
  });

  it('a sub-record that was empty (null) at the base and filled in on both devices merges key by key', () => {
    const merged = mergeBothWays(
      'organisation',
      { name: 'Welzo', address: null },
      { name: 'Welzo', address: { street: '1 High St', town: 'Leeds' } },
      { name: 'Welzo', address: { street: '1 High Street', postcode: 'LS1 1AA' } },
    );
    expect(merged).toStrictEqual({ name: 'Welzo', address: { street: '1 High Street', town: 'Leeds', postcode: 'LS1 1AA' } });
  });
});

describe('settings: a key changed on both devices keeps the later save', () => {
  it('the same key changed to different values: the later save wins, whichever device runs the merge', () => {
    const organisation = { name: 'Welzo', phone: '' };
    expect(mergeBothWays('organisation', organisation, { ...organisation, name: 'Welzo Ltd' }, { ...organisation, name: 'Welzo Limited' })).toStrictEqual({
      name: 'Welzo Limited',
      phone: '',
    });
  });

  it('a value replaced by one of another shape (cleared to null) on one device and edited on the other: the later save wins whole', () => {
    for (const [before, edited] of [
      [{ street: '1 High St' }, { street: '1 High Street' }],
      [['Billing'], ['Billing', 'Pharmacy']],
      [[product], [product, courier]],
    ] as const) {
      expect(mergeBothWays('organisation', { address: before }, { address: edited }, { address: null })).toStrictEqual({ address: null });
      expect(mergeBothWays('organisation', { address: before }, { address: null }, { address: edited })).toStrictEqual({ address: edited });
    }
  });

  it('never synced (no base): keys the devices disagree on keep the later save, keys they agree on stay', () => {
    const merged = mergeBothWays(
      'organisation',
      undefined,
      { name: 'Welzo Ltd', phone: '1', email: 'a@welzo.example' },
      { name: 'Welzo Limited', phone: '1' },
      false,
    );
    expect(merged).toStrictEqual({ name: 'Welzo Limited', phone: '1' });
  });

  it('a list of records without ids (nor of names) is one value: the later save wins whole', () => {
    const stages = [{ stage: 1, days: 8 }];
    expect(mergeBothWays('slaPolicy', stages, [...stages, { stage: 2, days: 56 }], [...stages, { stage: 2, days: 40 }])).toStrictEqual([
      ...stages,
      { stage: 2, days: 40 },
    ]);
    expect(mergeBothWays('calendar', { workWeek: [1, 2, 3, 4, 5] }, { workWeek: [1, 2, 3, 4] }, { workWeek: [1, 2, 3, 4, 5, 6] })).toStrictEqual({
      workWeek: [1, 2, 3, 4, 5, 6],
    });
  });
});

describe('settings: lists of names (departments) merge as sets', () => {
  it('one device removes the last department, the other adds one: the removal and the addition both count', () => {
    expect(mergeBothWays('departments', ['Billing'], [], ['Billing', 'Pharmacy'])).toStrictEqual(['Pharmacy']);
    expect(mergeBothWays('departments', ['Billing'], ['Billing', 'Pharmacy'], [])).toStrictEqual(['Pharmacy']);
  });

  it('never synced (no base): the union of both lists', () => {
    expect(mergeBothWays('departments', undefined, ['Warehouse', 'Billing'], ['Pharmacy', 'Billing'], false)).toStrictEqual([
      'Billing',
      'Pharmacy',
      'Warehouse',
    ]);
  });

  it('the same list saved on both devices keeps the order it was saved in', () => {
    expect(mergeBothWays('departments', ['Billing'], ['Warehouse', 'Billing'], ['Warehouse', 'Billing'])).toStrictEqual(['Warehouse', 'Billing']);
  });
});

describe('settings: lists of records with ids (complaint types) merge record by record', () => {
  it('a complaint type removed on one device and unchanged on the other stays removed', () => {
    expect(mergeBothWays('complaintTypes', [product, service], [product], [product, service])).toStrictEqual([product]);
    expect(mergeBothWays('complaintTypes', [product, service], [product, service], [product])).toStrictEqual([product]);
  });

  it('a complaint type removed on one device but edited on the other is kept: the edit is not lost', () => {
    const retired = { ...service, retired: true };
    expect(mergeBothWays('complaintTypes', [product, service], [product], [product, retired])).toStrictEqual([product, retired]);
    expect(mergeBothWays('complaintTypes', [product, service], [product, retired], [product])).toStrictEqual([product, retired]);
  });

  it('the last type removed on one device while the other adds one: the removal and the addition both count', () => {
    expect(mergeBothWays('complaintTypes', [product], [], [product, courier])).toStrictEqual([courier]);
    expect(mergeBothWays('complaintTypes', [product], [product, courier], [])).toStrictEqual([courier]);
  });

  it('one complaint type edited on both devices in different keys keeps both edits', () => {
    const relabelled = { ...product, label: { ...product.label, 'en-GB': 'Goods' } };
    const retired = { ...product, retired: true };
    const both = { ...product, label: { ...product.label, 'en-GB': 'Goods' }, retired: true };
    expect(mergeBothWays('complaintTypes', [product], [relabelled], [retired])).toStrictEqual([both]);
    expect(mergeBothWays('complaintTypes', [product], [retired], [relabelled])).toStrictEqual([both]);
  });

  it('the same complaint type added on both devices has no base: the later save wins each key they disagree on', () => {
    const fromAnn = { id: 'courier', label: { 'en-GB': 'Courier' }, retired: false, note: 'Parcels only' };
    const fromBob = { id: 'courier', label: { 'en-GB': 'Couriers', lv: 'Kurjeri' }, retired: false };
    expect(mergeBothWays('complaintTypes', [product], [product, fromAnn], [product, fromBob])).toStrictEqual([product, fromBob]);
  });

  it('the later save sets the order; what only the earlier device added follows it', () => {
    expect(mergeBothWays('complaintTypes', [product], [product, courier], [service, product])).toStrictEqual([service, product, courier]);
  });
});
