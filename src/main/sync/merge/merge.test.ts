import type { StaffMember } from '@shared/domain/records';
/**
 * The conflict policies (sync issue, "no lost updates"): edits to different field groups of a
 * case both survive; one group edited on both sides keeps the later edit of that group and
 * reports the other; sets merge; letters, settings, staff and device-code claims follow their
 * stated rules. The merge is the same whichever device runs it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StaffRef } from '@shared/domain/records';
import type { CaseDocument, SettingsDocument } from '../../domain/collections';
import { mergeCases } from './case-merge';
import { mergeLetters } from './letter-merge';
import { earliestClaim, mergeStaff } from './record-merge';
import { mergeSettings } from './settings-merge';
import { ann, baseCase as base, bob, edit, outgoingLetter, posted } from './test-support';

const acknowledged = (at: string): Partial<CaseDocument> => ({
  status: 'acknowledged',
  acknowledgement: { at, channel: 'telephone', by: ann },
  clock: { receivedAt: base.receivedAt, acknowledgedAt: at },
});

describe('cases: edits to different fields both survive', () => {
  it('summary and assignee on one device, e-mail and the acknowledgement on the other', () => {
    const onA = edit(edit(base, { summary: 'Monitor shows E3' }, '2026-11-21T10:00:00.000Z', ann), { assignee: ann }, '2026-11-21T10:01:00.000Z', ann);
    const onB = edit(
      edit(base, { complainant: { ...base.complainant, email: 'janis@work.lv' } }, '2026-11-21T09:00:00.000Z', bob),
      acknowledged('2026-11-21T09:30:00.000Z'),
      '2026-11-21T09:30:00.000Z',
      bob,
    );
    const { merged, conflicts } = mergeCases(base, onA, onB);
    expect(conflicts).toEqual([]);
    expect(merged).toMatchObject({
      summary: 'Monitor shows E3',
      assignee: ann,
      status: 'acknowledged',
      complainant: { email: 'janis@work.lv', name: 'Jānis Bērziņš' },
    });
    expect(merged.clock).toEqual({ receivedAt: base.receivedAt, acknowledgedAt: '2026-11-21T09:30:00.000Z' });
    expect(mergeCases(base, onB, onA).merged).toEqual(merged);
  });

  it('a corrected receipt time and a workflow action on the other device: the clock keeps both', () => {
    const onA = edit(base, { receivedAt: '2026-11-20T08:00:00.000Z', clock: { receivedAt: '2026-11-20T08:00:00.000Z' } }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, acknowledged('2026-11-21T09:30:00.000Z'), '2026-11-21T09:30:00.000Z', bob);
    const { merged, conflicts } = mergeCases(base, onA, onB);
    expect(conflicts).toEqual([]);
    expect(merged.receivedAt).toBe('2026-11-20T08:00:00.000Z');
    expect(merged.clock).toEqual({ receivedAt: '2026-11-20T08:00:00.000Z', acknowledgedAt: '2026-11-21T09:30:00.000Z' });
  });

  it('departments merge as sets: one adds, the other removes', () => {
    const onA = edit(base, { departments: ['Warehouse', 'Billing'] }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, { departments: [] }, '2026-11-21T11:00:00.000Z', bob);
    expect(mergeCases(base, onA, onB).merged.departments).toEqual(['Billing']);
  });
});

describe('cases: the same field edited on both devices', () => {
  it('keeps the later edit and reports the other for the timeline', () => {
    const onA = edit(base, { summary: 'From Ann' }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, { summary: 'From Bob' }, '2026-11-21T10:05:00.000Z', bob);
    const { merged, conflicts } = mergeCases(base, onA, onB);
    expect(merged.summary).toBe('From Bob');
    expect(conflicts).toEqual([
      {
        caseId: 'case-1',
        group: 'summary',
        kept: { value: 'From Bob', at: '2026-11-21T10:05:00.000Z', by: bob },
        discarded: { value: 'From Ann', at: '2026-11-21T10:00:00.000Z', by: ann },
      },
    ]);
    expect(mergeCases(base, onB, onA)).toEqual({ merged, conflicts });
  });

  it('"later" is the later edit of that field, not the later change of the case', () => {
    const onA = edit(edit(base, { summary: 'From Ann' }, '2026-11-21T10:00:00.000Z', ann), { assignee: ann }, '2026-11-21T12:00:00.000Z', ann);
    const onB = edit(base, { summary: 'From Bob' }, '2026-11-21T11:00:00.000Z', bob);
    const { merged } = mergeCases(base, onA, onB);
    expect(merged.summary).toBe('From Bob');
    expect(merged.assignee).toEqual(ann);
  });

  it('two workflow actions at once: one whole workflow state wins, never a mix of both', () => {
    const onA = edit(base, acknowledged('2026-11-21T10:00:00.000Z'), '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, { status: 'closed', closedAt: '2026-11-21T10:10:00.000Z', rootCauseNote: 'Duplicate' }, '2026-11-21T10:10:00.000Z', bob);
    const { merged, conflicts } = mergeCases(base, onA, onB);
    expect(merged).toMatchObject({ status: 'closed', closedAt: '2026-11-21T10:10:00.000Z', acknowledgement: null, rootCauseNote: 'Duplicate' });
    expect(conflicts.map((conflict) => conflict.group)).toEqual(['workflow']);
    expect(conflicts[0]?.discarded.value).toMatchObject({ status: 'acknowledged' });
  });

  it('the same change on both sides is no conflict', () => {
    const onA = edit(base, { summary: 'Same' }, '2026-11-21T10:00:00.000Z', ann);
    const onB = edit(base, { summary: 'Same' }, '2026-11-21T10:05:00.000Z', bob);
    expect(mergeCases(base, onA, onB).conflicts).toEqual([]);
  });

  it('ties in time go to the greater staff id, whichever side runs the merge', () => {
    const at = '2026-11-21T10:00:00.000Z';
    const onA = edit(base, { summary: 'From Ann' }, at, ann);
    const onB = edit(base, { summary: 'From Bob' }, at, bob);
    expect(mergeCases(base, onA, onB).merged.summary).toBe('From Bob');
    expect(mergeCases(base, onB, onA).merged.summary).toBe('From Bob');
  });
});

describe('merge order does not trust device clocks (issue 11)', () => {
  // Device F's clock is one hour fast; device N's is right. Real time runs 10:00 → 10:05.
  const fastEdit = (from: CaseDocument) => edit(from, { summary: 'From F (clock +1 h)' }, '2026-11-21T11:00:00.000Z', ann);

  it('an edit made on top of another is stamped after it, whatever the clock says', () => {
    const seen = fastEdit(base);
    const later = edit(seen, { summary: 'From N, after seeing F' }, '2026-11-21T10:05:00.000Z', bob);
    expect(later.fieldVersions?.['summary']).toEqual({ at: '2026-11-21T11:00:00.001Z', by: bob });
    // A group N did not touch keeps its own version.
    expect(later.fieldVersions?.['description']).toBeUndefined();
  });

  it('a device one hour fast does not beat a later edit made after seeing its edit, with or without a common base', () => {
    const onF = fastEdit(base);
    const onN = edit(onF, { summary: 'From N, after seeing F' }, '2026-11-21T10:05:00.000Z', bob);
    // Without a base (the server was restored to a copy with neither edit), and with the original as base.
    for (const common of [undefined, base]) {
      expect(mergeCases(common, onF, onN).merged.summary).toBe('From N, after seeing F');
      expect(mergeCases(common, onN, onF).merged.summary).toBe('From N, after seeing F');
    }
  });

  it('the guarantee is causal: edits made without seeing each other are ordered by their clocks', () => {
    const onF = fastEdit(base);
    const onN = edit(base, { summary: 'From N, not having seen F' }, '2026-11-21T10:05:00.000Z', bob);
    expect(mergeCases(base, onF, onN).merged.summary).toBe('From F (clock +1 h)');
  });

  it('old stamps are accepted as they are: a case without versions dates its groups from its creation', () => {
    const { fieldVersions: _none, ...old } = base;
    const onA = edit(old as CaseDocument, { summary: 'Edited' }, '2026-11-21T10:00:00.000Z', ann);
    expect(onA.fieldVersions?.['summary']?.at).toBe('2026-11-21T10:00:00.000Z');
    // A clock behind the case's own creation still stamps after it.
    expect(edit(old as CaseDocument, { summary: 'Early' }, '2026-11-19T10:00:00.000Z', ann).fieldVersions?.['summary']?.at).toBe('2026-11-20T09:05:00.001Z');
  });
});

describe('cases: properties over random edits', () => {
  const groups = ['summary', 'description', 'product', 'rootCauseNote', 'email', 'phone'] as const;
  const apply = (document: CaseDocument, group: (typeof groups)[number], value: string, at: string, by: StaffRef) =>
    edit(document, group === 'email' || group === 'phone' ? { complainant: { ...document.complainant, [group]: value } } : { [group]: value }, at, by);
  const editsArbitrary = fc.array(
    fc.record({ group: fc.constantFrom(...groups), value: fc.string({ maxLength: 8 }), minute: fc.integer({ min: 0, max: 59 }) }),
    { maxLength: 6 },
  );

  it('symmetric, idempotent, and every edit made on one side only survives', () => {
    fc.assert(
      fc.property(editsArbitrary, editsArbitrary, (editsA, editsB) => {
        let onA = base;
        let onB = base;
        editsA.forEach(
          (change, index) =>
            (onA = apply(onA, change.group, `A${change.value}`, `2026-11-21T10:${String(change.minute).padStart(2, '0')}:0${index}.000Z`, ann)),
        );
        editsB.forEach(
          (change, index) =>
            (onB = apply(onB, change.group, `B${change.value}`, `2026-11-21T10:${String(change.minute).padStart(2, '0')}:0${index}.000Z`, bob)),
        );
        const forward = mergeCases(base, onA, onB);
        expect(mergeCases(base, onB, onA)).toEqual(forward);
        expect(mergeCases(forward.merged, forward.merged, forward.merged).merged).toEqual(forward.merged);
        const value = (document: CaseDocument, group: (typeof groups)[number]) =>
          group === 'email' || group === 'phone' ? document.complainant[group] : document[group];
        for (const group of groups) {
          const [a, b, merged] = [value(onA, group), value(onB, group), value(forward.merged, group)];
          if (a === value(base, group)) expect(merged).toBe(b);
          else if (b === value(base, group)) expect(merged).toBe(a);
          else if (a !== b)
            expect(forward.conflicts.some((conflict) => conflict.group.endsWith(group) && conflict.discarded.value === (merged === a ? b : a))).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('letters', () => {
  const letter = outgoingLetter;
  const postedBy = (by: StaffRef, at: string, tracking: string) => posted(letter, by, at, tracking);

  it('a posting logged on one device and nothing on the other is kept', () => {
    expect(mergeLetters(letter, postedBy(ann, '2026-11-22T10:00:00.000Z', 'AB1'), letter)).toMatchObject({
      merged: { posting: { trackingNumber: 'AB1' }, postedOn: '2026-11-22' },
      conflict: null,
    });
  });

  it('two postings: the later entry is kept and the other reported', () => {
    const { merged, conflict } = mergeLetters(letter, postedBy(ann, '2026-11-22T10:00:00.000Z', 'AB1'), postedBy(bob, '2026-11-22T11:00:00.000Z', 'AB2'));
    expect(merged.posting?.trackingNumber).toBe('AB2');
    expect(conflict?.discarded.value).toMatchObject({ trackingNumber: 'AB1' });
  });

  it('voided anywhere stays voided', () => {
    expect(mergeLetters(letter, { ...letter, voided: true }, postedBy(bob, '2026-11-22T11:00:00.000Z', 'AB2')).merged).toMatchObject({
      voided: true,
      posting: { trackingNumber: 'AB2' },
    });
  });
});

describe('settings', () => {
  const area = (data: unknown, at: string, by: StaffRef): SettingsDocument => ({ id: 'complaintTypes', value: { data }, updatedAt: at, updatedBy: by });
  const types = [{ id: 'product', label: { 'en-GB': 'Product', lv: 'Produkts' }, retired: false }];

  it('two administrators each add a complaint type: both are kept', () => {
    const onA = area([...types, { id: 'pharmacy', label: { 'en-GB': 'Pharmacy', lv: 'Aptieka' }, retired: false }], '2026-11-21T10:00:00.000Z', ann);
    const onB = area([...types, { id: 'courier', label: { 'en-GB': 'Courier', lv: 'Kurjers' }, retired: false }], '2026-11-21T11:00:00.000Z', bob);
    const merged = mergeSettings(area(types, '2026-11-20T10:00:00.000Z', ann), onA, onB);
    expect((merged.value.data as { id: string }[]).map((type) => type.id)).toEqual(['product', 'courier', 'pharmacy']);
  });

  it('different keys of the organisation both survive; the same key keeps the later save', () => {
    const organisation = { name: 'Welzo', phone: '', email: '' };
    const onA = { ...area({ ...organisation, phone: '020 7946 0000', name: 'Welzo Ltd' }, '2026-11-21T10:00:00.000Z', ann), id: 'organisation' };
    const onB = { ...area({ ...organisation, email: 'care@welzo.example', name: 'Welzo Limited' }, '2026-11-21T11:00:00.000Z', bob), id: 'organisation' };
    expect(mergeSettings({ ...area(organisation, '2026-11-20T10:00:00.000Z', ann), id: 'organisation' }, onA, onB).value.data).toEqual({
      name: 'Welzo Limited',
      phone: '020 7946 0000',
      email: 'care@welzo.example',
    });
  });

  it('departments: additions and removals from both sides', () => {
    const merged = mergeSettings(
      area(['Billing', 'Warehouse'], '2026-11-20T10:00:00.000Z', ann),
      area(['Billing', 'Warehouse', 'Pharmacy'], '2026-11-21T10:00:00.000Z', ann),
      area(['Billing'], '2026-11-21T11:00:00.000Z', bob),
    );
    expect(merged.value.data).toEqual(['Billing', 'Pharmacy']);
  });
});

describe('staff and device codes', () => {
  const member: StaffMember = {
    id: 's',
    name: 'Ann',
    email: '',
    login: 'ann',
    roles: ['clerk'],
    departments: [],
    active: true,
    createdAt: '2026-11-20T10:00:00.000Z',
    password: null,
  };

  it('staff profiles merge field by field; the server keeps a field changed on both sides', () => {
    expect(mergeStaff(member, { ...member, email: 'ann@example.org', roles: ['manager'] }, { ...member, roles: ['caseworker'], active: false })).toEqual({
      ...member,
      email: 'ann@example.org',
      roles: ['caseworker'],
      active: false,
    });
  });

  it('without a base (re-sending to a server restored from an older copy) the device keeps its later profile', () => {
    expect(mergeStaff(undefined, { ...member, roles: ['manager'] }, member)).toEqual({ ...member, roles: ['manager'] });
  });

  it('a device code claimed twice stays with the earlier claim', () => {
    const first = { id: '7KQ2', deviceId: 'device-b', claimedAt: '2026-11-01T10:00:00.000Z' };
    const second = { id: '7KQ2', deviceId: 'device-a', claimedAt: '2026-11-02T10:00:00.000Z' };
    expect(earliestClaim(first, second)).toBe(first);
    expect(earliestClaim(second, first)).toBe(first);
  });
});
