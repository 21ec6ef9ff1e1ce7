/**
 * Every field an action form shows has its label in both languages (the form is built from the
 * workflow's form hints, src/shared/domain/workflow/action-inputs.ts, so a hint naming a missing
 * key would show the key itself).
 */
import { describe, expect, it } from 'vitest';
import { CASE_ACTIONS } from '@shared/domain/workflow';
import { enGB } from '../../i18n/locales/en-GB';
import { lv } from '../../i18n/locales/lv';
import { actionFields } from './action-form-model';

function translated(locale: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined), locale);
}

describe('action form labels', () => {
  it('every field of every action form is labelled in en-GB and lv', () => {
    for (const action of CASE_ACTIONS) {
      const fields = actionFields(action);
      expect(fields.length, action).toBeGreaterThan(0);
      for (const field of fields) {
        expect(typeof translated(enGB, field.label), `${action}.${field.path} in en-GB`).toBe('string');
        expect(typeof translated(lv, field.label), `${action}.${field.path} in lv`).toBe('string');
      }
    }
  });
});
