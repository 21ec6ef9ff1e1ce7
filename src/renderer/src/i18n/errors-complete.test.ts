/**
 * Every error and issue code the main process can send, and every reason a workflow action can be
 * refused, reads in every language of the app, with the same parameters (issue 12).
 */
import { describe, expect, it } from 'vitest';
import { API_ERROR_CODES } from '@shared/api/errors';
import { ISSUE_CODES } from '@shared/domain/issue-codes';
import { CASE_ACTIONS } from '@shared/domain/workflow';
import { enGB } from './locales/en-GB';
import { lv } from './locales/lv';

const LANGUAGES = { 'en-GB': enGB, lv } as const;
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe.each(Object.entries(LANGUAGES))('%s', (_language, locale) => {
  const codes: Record<string, string> = locale.errors.codes;
  const issues: Record<string, string> = locale.errors.issues;
  const refusals: Record<string, string> = locale.workflow.refusals;

  it('translates every envelope code', () => {
    for (const code of API_ERROR_CODES) expect(codes[code], code).toMatch(/\S/);
  });

  it('translates every issue code, with the parameters the English sentence uses', () => {
    for (const code of ISSUE_CODES) {
      expect(issues[code], code).toMatch(/\S/);
      expect(placeholders(issues[code] ?? ''), code).toEqual(placeholders(enGB.errors.issues[code]));
    }
  });

  it('says why each workflow action can be refused', () => {
    for (const action of CASE_ACTIONS) expect(refusals[action], action).toMatch(/\S/);
  });
});
