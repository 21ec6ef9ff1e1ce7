/**
 * Issue 18: labels and texts are written for the people who use them, so no translation shows a
 * procedure rule id such as "(P-5.1)"; the rules are cited in code and tests. Two places name the
 * rule on purpose, as the reason itself: a refused workflow action says which published rule
 * refuses it (workflow.refusals), and "Why this date?" names the rule it applies, from its own table.
 */
import { describe, expect, it } from 'vitest';
import { enGB } from './locales/en-GB';
import { lv } from './locales/lv';

const CITES_ITS_RULE = /^workflow\.refusals\./;

function texts(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, nested]) => texts(nested, path ? `${path}.${key}` : key));
}

describe.each([
  ['en-GB', enGB],
  ['lv', lv],
] as const)('%s', (_language, locale) => {
  it('shows no procedure rule ids', () => {
    expect(texts(locale, '').filter(([path, text]) => !CITES_ITS_RULE.test(path) && /\bP-\d+\.\d+\b/.test(text))).toEqual([]);
  });
});
