/** Issue 18: address labels on A4 sheets of 3 × 7; the country named, in capitals, only for post abroad. */
import { describe, expect, it } from 'vitest';
import { LABELS_PER_SHEET, labelLines, labelSheets } from './label-sheet';

describe('issue 18: address labels', () => {
  it('a label holds the name, the address lines and the postcode; the country only when the letter goes abroad', () => {
    expect(labelLines({ name: 'Margaret Hale', addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' }, 'GB')).toEqual([
      'Margaret Hale',
      '12 Milton Road',
      'Manchester',
      'M1 1AE',
    ]);
    expect(labelLines({ name: 'Jānis Bērziņš', addressLines: ['Brīvības iela 1', 'Rīga'], postcode: 'LV-1010', country: 'LV' }, 'GB')).toEqual([
      'Jānis Bērziņš',
      'Brīvības iela 1',
      'Rīga',
      'LV-1010',
      'LATVIA',
    ]);
    expect(labelLines({ name: 'No Address', addressLines: [], postcode: '', country: '' }, 'GB')).toEqual(['No Address']);
  });

  it('fills sheets of 21 (3 across, 7 down) in order, starting a new sheet for the 22nd', () => {
    expect(LABELS_PER_SHEET).toBe(21);
    const sheets = labelSheets(Array.from({ length: 23 }, (_, index) => index));
    expect(sheets.map((sheet) => sheet.length)).toEqual([21, 2]);
    expect(sheets[1]).toEqual([21, 22]);
    expect(labelSheets([])).toEqual([]);
  });
});
