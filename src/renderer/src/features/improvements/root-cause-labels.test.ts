/**
 * Issue 16, P-5.3: what the root-cause choosers offer and how a case's cause reads. Retired causes
 * (or causes of a retired category) are not offered for a new choice, except the one a case or an
 * action already has; they still read, marked retired.
 */
import { describe, expect, it } from 'vitest';
import type { RootCauseTaxonomy } from '@shared/domain/root-causes';
import { rootCauseLabels } from './root-cause-labels';

const label = (en: string, lv: string) => ({ 'en-GB': en, lv });
const taxonomy: RootCauseTaxonomy = [
  {
    id: 'delivery',
    label: label('Delivery', 'Piegāde'),
    retired: false,
    causes: [
      { id: 'courier', label: label('Courier', 'Kurjers'), retired: false },
      { id: 'address', label: label('Address', 'Adrese'), retired: true },
    ],
  },
  { id: 'billing', label: label('Billing', 'Norēķini'), retired: true, causes: [{ id: 'price', label: label('Price', 'Cena'), retired: false }] },
];
const labels = rootCauseLabels(
  taxonomy,
  'en-GB',
  (text) => `${text} (retired)`,
  (id) => `unknown ${id}`,
);

describe('root-cause choices and labels (P-5.3)', () => {
  it('offers only causes in use, grouped by category', () => {
    expect(labels.options()).toEqual([{ group: 'Delivery', items: [{ value: 'courier', label: 'Courier' }] }]);
  });

  it('keeps a retired cause the record already has, marked', () => {
    expect(labels.options(['address', 'price'])).toEqual([
      {
        group: 'Delivery',
        items: [
          { value: 'courier', label: 'Courier' },
          { value: 'address', label: 'Address (retired)' },
        ],
      },
      { group: 'Billing', items: [{ value: 'price', label: 'Price (retired)' }] },
    ]);
  });

  it('reads category → cause, retired ones marked, unknown ids named', () => {
    expect(labels.label('courier')).toBe('Delivery → Courier');
    expect(labels.label('price')).toBe('Billing → Price (retired)');
    expect(labels.label('gone')).toBe('unknown gone');
    expect(
      rootCauseLabels(
        taxonomy,
        'lv',
        (text) => text,
        (id) => id,
      ).label('courier'),
    ).toBe('Piegāde → Kurjers');
  });
});
