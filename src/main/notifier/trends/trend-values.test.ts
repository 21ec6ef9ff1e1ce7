/**
 * P-5.2: an alert names its series as people read it, in the person's language: a root cause
 * (P-5.3) by its name in the taxonomy, retired ones too, never by its id.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROOT_CAUSES } from '@shared/domain/root-causes';
import { DEFAULT_COMPLAINT_TYPES } from '@shared/domain/vocabulary';
import type { TrendSpike } from './trend-check';
import { trendAlertText } from './trend-text';
import { trendValueLabel } from './trend-values';

const retiredCause = DEFAULT_ROOT_CAUSES.map((category) =>
  category.id === 'billing'
    ? { ...category, causes: category.causes.map((cause) => (cause.id === 'pricing-error' ? { ...cause, retired: true } : cause)) }
    : category,
);
const settings = {
  complaintTypes: DEFAULT_COMPLAINT_TYPES.map((type) => ({ id: type.id, label: { ...type.label }, retired: false })),
  rootCauses: retiredCause,
};
const spike = (dimension: string, value: string): TrendSpike => ({ dimension, value, count: 7, baselineMean: 1, pValue: 0.0001, caseIds: [] });
const title = (language: 'en-GB' | 'lv', dimension: string, value: string) =>
  trendAlertText(spike(dimension, value), { language, monday: '2026-11-23', baselineWeeks: 8, valueLabel: trendValueLabel(settings, language) }).title;

describe('P-5.2 a root-cause alert is named by the cause, in en-GB and lv', () => {
  it('names the dimension and the cause in the person’s language', () => {
    expect(title('en-GB', 'rootCause', 'courier-handling')).toBe('Complaints spike — Root cause: Courier handling');
    expect(title('lv', 'rootCause', 'courier-handling')).toBe('Sūdzību pieaugums — Pamatcēlonis: Kurjera rīcība');
  });

  it('a retired cause still reads by its name; a cause settings do not know yet reads as itself', () => {
    expect(title('lv', 'rootCause', 'pricing-error')).toBe('Sūdzību pieaugums — Pamatcēlonis: Cenas kļūda');
    expect(title('en-GB', 'rootCause', 'not-synced-yet')).toBe('Complaints spike — Root cause: not-synced-yet');
  });

  it('types read by their label and products as entered, as before', () => {
    expect(title('lv', 'type', 'billing')).toBe('Sūdzību pieaugums — Veids: Rēķini un maksājumi');
    expect(title('en-GB', 'product', 'Router X1')).toBe('Complaints spike — Product: Router X1');
  });
});
