/**
 * Issue 14 (P-7.2): an erasure wins every merge. A case anonymised on one device while another
 * device, offline, still edited it (older or even later edits) stays anonymised on both, with
 * no conflict record keeping a discarded personal value; the non-personal edit survives. A letter
 * erased on one side stays erased. Both orders give the same document (every device converges).
 */
import { describe, expect, it } from 'vitest';
import type { StaffRef } from '@shared/domain/records';
import type { CaseDocument } from '../../domain/collections';
import type { LetterDocument } from '../../post-room/letters-collection';
import { anonymiseNow, erasedLetter, isAnonymised } from '../../erasure/redaction';
import { mergeCasesKeepingErasure, mergeLettersKeepingErasure } from './erasure-merge';
import { ann, baseCase, edit, outgoingLetter, posted as postedLetter } from './test-support';

const admin: StaffRef = { id: 'staff-admin', name: 'Ada' };

const base: CaseDocument = {
  ...baseCase,
  complainant: {
    kind: 'customer',
    name: 'Jānis Bērziņš',
    email: 'janis@example.lv',
    phone: '+371 2000 0000',
    address: { lines: ['Rīgas iela 1'], postcode: 'LV-1050', country: 'LV' },
    preferredChannel: 'email',
    customerNumber: 'C-77',
    orderNumber: 'O-88',
  },
  product: 'Monitor',
  summary: 'Jānis says the monitor broke',
  description: 'Bought for his mother',
  desiredOutcome: 'Refund to janis@example.lv',
};

function anonymise(from: CaseDocument, at: string): CaseDocument {
  return anonymiseNow(from, { at, by: admin });
}

const PERSONAL = ['Jānis', 'Bērziņš', 'janis@', '2000 0000', 'LV-1050', 'Rīgas', 'C-77', 'O-88', 'mother', 'Jāņa'];

describe('an anonymised case is not brought back by an edit made elsewhere (issue 14)', () => {
  const erased = anonymise(base, '2026-11-24T10:00:00.000Z');
  const edits = {
    older: edit(
      base,
      { complainant: { ...base.complainant, email: 'j.berzins@work.lv', name: 'Jāņa Bērziņa' }, rootCauseId: 'late-dispatch' },
      '2026-11-23T10:00:00.000Z',
      ann,
    ),
    later: edit(
      base,
      { complainant: { ...base.complainant, email: 'j.berzins@work.lv', name: 'Jāņa Bērziņa' }, rootCauseId: 'late-dispatch' },
      '2026-11-25T10:00:00.000Z',
      ann,
    ),
  };

  for (const [when, edited] of Object.entries(edits)) {
    it(`an ${when} edit of the complainant meets the erasure: anonymised on both orders, no conflict record, the root cause kept`, () => {
      const onServer = mergeCasesKeepingErasure(base, edited, erased);
      const onDevice = mergeCasesKeepingErasure(base, erased, edited);
      for (const { merged, conflicts } of [onServer, onDevice]) {
        expect(isAnonymised(merged)).toBe(true);
        expect(conflicts).toEqual([]);
        expect(merged.complainant).toMatchObject({ name: 'Anonymised', email: '', phone: '', address: null });
        expect(merged.rootCauseId).toBe('late-dispatch');
        const json = JSON.stringify(merged);
        for (const value of [...PERSONAL, 'j.berzins', 'work.lv']) expect(json).not.toContain(value);
      }
      expect(onServer.merged).toEqual(onDevice.merged);
    });
  }

  it('two administrators who anonymised the same case keep the earlier anonymisation on both orders', () => {
    const first = anonymise(base, '2026-11-24T10:00:00.000Z');
    const second = anonymise(base, '2026-11-24T11:00:00.000Z');
    const a = mergeCasesKeepingErasure(base, first, second).merged;
    const b = mergeCasesKeepingErasure(base, second, first).merged;
    expect(a.fieldVersions?.['anonymised']?.at).toBe('2026-11-24T10:00:00.000Z');
    expect(a).toEqual(b);
  });

  it('without an erasure on either side the merge is the usual one (conflicts still recorded)', () => {
    const one = edit(base, { summary: 'First' }, '2026-11-23T10:00:00.000Z', ann);
    const two = edit(base, { summary: 'Second' }, '2026-11-23T11:00:00.000Z', admin);
    const { merged, conflicts } = mergeCasesKeepingErasure(base, one, two);
    expect(merged.summary).toBe('Second');
    expect(conflicts).toHaveLength(1);
  });
});

describe('an erased letter stays erased (issue 14)', () => {
  const letter: LetterDocument = {
    ...outgoingLetter,
    party: { name: 'Jānis Bērziņš', addressLines: ['Rīgas iela 1'], postcode: 'LV-1050', country: 'LV' },
    files: [{ id: 'file-1', name: 'ack.pdf', mimeType: 'application/pdf', size: 10 }],
    text: 'Dear Jānis',
  };
  const posted: LetterDocument = postedLetter(letter, ann, '2026-11-22T10:00:00.000Z', 'RR123');

  it('a posting logged offline meets the erasure: the letter stays erased, its posting kept without the tracking number, no conflict', () => {
    for (const { merged, conflict } of [
      mergeLettersKeepingErasure(letter, posted, erasedLetter(letter)),
      mergeLettersKeepingErasure(letter, erasedLetter(letter), posted),
    ]) {
      expect(merged).toMatchObject({ party: { name: '' }, text: '', files: [], posting: { postedOn: '2026-11-22', trackingNumber: '' } });
      expect(conflict).toBeNull();
      expect(JSON.stringify(merged)).not.toMatch(/Jānis|Rīgas|LV-1050|RR123|ack\.pdf/);
    }
  });
});
