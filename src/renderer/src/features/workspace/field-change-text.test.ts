/**
 * Issue 18: audit entries (the record of P-5.1) read as sentences, in English and Latvian: the
 * field's translated name, never its path; values formatted (dates in the office time zone,
 * statuses and channels translated, people and types by name); a recorded group of details as
 * its parts, never JSON such as `externalReferral: — → {"signpostedAt":…}`.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '@shared/sla';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import { makeFormatters } from '../../common/format';
import { createI18n, type Language } from '../../i18n/i18n';
import { describeFieldChange, type FieldChange } from './field-change-text';

const lookups = {
  typeLabel: (id: string) => (id === 'billing' ? 'Billing and payment' : id),
  staffName: (id: string) => (id === 'ann' ? 'Ann Smith' : id),
  rootCause: (id: string) => id,
};

function sentence(change: FieldChange, language: Language = 'en-GB'): string {
  const t = createI18n(language).t;
  return describeFieldChange(change, t, makeFormatters(language, 'Europe/London', createWorkingCalendar(DEFAULT_CALENDAR), t), lookups);
}

const signposting: FieldChange = {
  field: 'externalReferral',
  before: null,
  after: {
    signpostedAt: '2026-12-07T12:00:00.000Z',
    signpostedTo: 'If you are still unhappy, contact Citizens Advice',
    referredAt: null,
    referredTo: null,
    outcome: null,
    outcomeAt: null,
  },
};

describe('an audit entry in words (issue 18)', () => {
  it('words a recorded external referral (P-6.1) by its parts, with no JSON or field names', () => {
    const text = sentence(signposting);
    expect(text).toBe(
      'Independent advice and referral recorded — told where to seek advice: 7 Dec 2026, 12:00; advice given: “If you are still unhappy, contact Citizens Advice”.',
    );
    expect(sentence(signposting, 'lv')).toBe(
      'Neatkarīgs padoms un nosūtīšana: reģistrēts — norādīts, kur meklēt padomu: 07.12.2026., 12:00; sniegtais padoms: “If you are still unhappy, contact Citizens Advice”.',
    );
  });

  it('names a complainant detail by its translated label, not its path', () => {
    const change = { field: 'complainant.email', before: 'ann@example.com', after: 'ann.smith@example.com' };
    expect(sentence(change)).toBe('Complainant (e-mail) changed from “ann@example.com” to “ann.smith@example.com”.');
    expect(sentence(change, 'lv')).toBe('Iesniedzējs (e-pasts): mainīts no “ann@example.com” uz “ann.smith@example.com”.');
  });

  it('translates statuses and channels, names people and complaint types, and formats times in the office time zone', () => {
    expect(sentence({ field: 'status', before: 'investigating', after: 'awaiting-third-party' })).toBe(
      'Status changed from Investigating to Awaiting third party.',
    );
    expect(sentence({ field: 'complainant.preferredChannel', before: 'email', after: 'telephone' })).toBe(
      'Complainant (preferred channel) changed from E-mail to Telephone.',
    );
    expect(sentence({ field: 'assignee', before: null, after: { id: 'ann', name: 'Ann Smith' } })).toBe('Assignee set to Ann Smith.');
    expect(sentence({ field: 'type', before: 'billing', after: 'other' })).toBe('Complaint type changed from Billing and payment to other.');
    // 1 July 2026 09:30 UTC is 10:30 in London (summer time).
    expect(sentence({ field: 'receivedAt', before: '2026-07-01T09:30:00.000Z', after: '2026-07-01T08:30:00.000Z' })).toBe(
      'Time received changed from 1 Jul 2026, 10:30 to 1 Jul 2026, 09:30.',
    );
    expect(sentence({ field: 'restrictedTo', before: [], after: ['ann'] })).toBe('People with access set to Ann Smith.');
  });

  it('says a cleared value was cleared, and never shows an unknown field’s raw name', () => {
    expect(sentence({ field: 'product', before: 'Monitor', after: '' })).toBe('Product cleared (it was “Monitor”).');
    const unknown = sentence({ field: 'someFutureField.innerPart', before: 'a', after: 'b' });
    expect(unknown).toBe('A detail of the case (a detail) changed from “a” to “b”.');
    expect(unknown).not.toMatch(/someFutureField|innerPart/);
  });
});
