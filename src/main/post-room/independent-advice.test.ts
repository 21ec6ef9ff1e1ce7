/**
 * P-6.1, issue 18: the independent-advice text is kept per letter language, a final response
 * tells it in the letter's own language, and the single (English) setting of older versions is
 * carried over without losing an organisation's own wording.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const ENGLISH = 'Still unhappy? Ask the Ombudsman: www.ombudsman.example.';
const LATVIAN = 'Joprojām neesat apmierināts? Vērsieties PTAC: www.ptac.gov.lv.';

async function storeOldSingleSetting(text: string): Promise<void> {
  const organisation = (await t.call('settings.get', {})).organisation;
  await t.services.domain!.db.settings.upsert({
    id: 'organisation',
    value: { data: { ...organisation, independentAdvice: text } },
    updatedAt: '2026-11-23T09:00:00.000Z',
    updatedBy: { id: t.me(), name: 'Admin' },
  });
}

describe('independent advice per language (P-6.1, issue 18)', () => {
  it('a Latvian final response tells the Latvian text, an English one the English text', async () => {
    const organisation = (await t.call('settings.get', {})).organisation;
    await t.call('settings.updateOrganisation', {
      ...organisation,
      addressLines: [...organisation.addressLines],
      independentAdvice: { 'en-GB': ENGLISH, lv: LATVIAN },
    });
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-23T08:30:00.000Z' });
    const latvian = await t.call('post.draftLetter', { caseId, template: 'stage2-final-response', language: 'lv' });
    expect(latvian.text).toContain(LATVIAN);
    expect(latvian.text).not.toContain(ENGLISH);
    const english = await t.call('post.draftLetter', { caseId, template: 'stage2-final-response', language: 'en-GB' });
    expect(english.text).toContain(ENGLISH);
    expect(english.text).not.toContain(LATVIAN);
  });

  it('each language is required, and a missing one changes nothing', async () => {
    const organisation = (await t.call('settings.get', {})).organisation;
    const refused = await t.fail('settings.updateOrganisation', { ...organisation, independentAdvice: { 'en-GB': ENGLISH, lv: '' } });
    expect(refused.code).toBe('VALIDATION_FAILED');
    expect(refused.issues.map((issue) => issue.path)).toContain('independentAdvice.lv');
    expect((await t.call('settings.get', {})).organisation.independentAdvice).toEqual(organisation.independentAdvice);
  });

  it('the old single setting becomes the English text, and the Latvian one keeps the wording rather than inventing one', async () => {
    await storeOldSingleSetting(ENGLISH);
    expect((await t.call('settings.get', {})).organisation.independentAdvice).toEqual({ 'en-GB': ENGLISH, lv: ENGLISH });
  });

  it('the old default single setting becomes both default texts, so a Latvian letter is all Latvian', async () => {
    const defaults = (await t.call('settings.get', {})).organisation.independentAdvice;
    expect(defaults.lv).not.toBe(defaults['en-GB']);
    await storeOldSingleSetting(defaults['en-GB']);
    expect((await t.call('settings.get', {})).organisation.independentAdvice).toEqual(defaults);
    const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-23T08:30:00.000Z' });
    expect((await t.call('post.draftLetter', { caseId, template: 'stage2-final-response', language: 'lv' })).text).toContain(defaults.lv);
  });
});
