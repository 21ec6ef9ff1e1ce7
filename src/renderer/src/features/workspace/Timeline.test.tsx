/**
 * Sync conflicts in the case timeline: the kept and the discarded edit with who and when, so a
 * caseworker can see what did not apply (sync issue, "no lost updates"); a workflow conflict
 * reads as its status and stage.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@shared/domain/records';
import type { Language } from '../../i18n/i18n';
import { answerEvery } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { CaseTimeline } from './Timeline';

afterEach(() => {
  delete window.plaint;
});

const ann = { id: 'ann', name: 'Ann' };
const bob = { id: 'bob', name: 'Bob' };
const sync = { id: 'plaint-sync', name: 'Sync' };
const entry = (field: string, kept: unknown, discarded: unknown): TimelineEntry => ({
  id: `conflict-${field}`,
  caseId: 'case-1',
  kind: 'conflict',
  at: '2026-11-23T10:05:00.000Z',
  recordedAt: '2026-11-23T10:05:00.000Z',
  order: 0,
  by: sync,
  data: {
    field,
    kept: { value: kept, at: '2026-11-23T10:05:00.000Z', by: bob },
    discarded: { value: discarded, at: '2026-11-23T10:00:00.000Z', by: ann },
    rule: 'later-edit',
  },
});

/** Who and when, as on every entry of case-1 here: Ann, recorded when it happened. */
const onCase = (at: string) => ({ caseId: 'case-1', at, recordedAt: at, order: 0, by: ann });

/** The timeline's text, showing `entries` in `language`. */
async function timelineText(entries: readonly TimelineEntry[], language?: Language): Promise<string> {
  answerEvery({ 'settings.get': settingsSnapshot() });
  renderWithSettings(<CaseTimeline entries={entries} />, language);
  return (await screen.findByTestId('timeline')).textContent ?? '';
}

describe('conflict records in the timeline', () => {
  it('show the kept and the discarded edit, who made them and when', async () => {
    const text = await timelineText([
      entry('summary', 'Monitor dead after a week', 'Monitor shows E3'),
      entry('workflow', { status: 'closed', stage: 1 }, { status: 'acknowledged', stage: 1 }),
    ]);
    expect(text).toContain('Sync conflicts');
    expect(text).toContain(
      'Changed on two devices before they synced: Summary kept “Monitor dead after a week” (Bob, 23 Nov 2026, 10:05); “Monitor shows E3” (Ann, 23 Nov 2026, 10:00) was not applied.',
    );
    expect(text).toContain('Status and stage kept “Closed, stage 1”');
    expect(text).toContain('“Acknowledged, stage 1” (Ann');
  });
});

describe('deadline moves in the timeline (issue 15)', () => {
  it('say which setting changed, how, and each deadline’s old and new date', async () => {
    const moved: TimelineEntry = {
      ...onCase('2026-11-23T09:15:00.000Z'),
      id: 'moved-1',
      kind: 'deadlines-moved',
      data: {
        because: 'calendar',
        moved: [{ deadline: 'stage1Resolution', from: '2026-12-04T23:59:59.999Z', to: '2026-12-03T23:59:59.999Z' }],
        changes: [
          { setting: 'extraWorkingDays', added: ['2026-11-28'], removed: [], notes: { '2026-11-28': 'stocktake weekend' } },
          { setting: 'workWeek', before: [1, 2, 3, 4, 5], after: [1, 2, 3, 4, 5, 6] },
        ],
      },
    };
    const text = await timelineText([moved]);
    expect(text).toContain('Deadline moves');
    expect(text).toContain('The working calendar changed, so the deadlines moved.');
    expect(text).toContain('Stage-1 resolution moved from 4 Dec 2026, 23:59 to 3 Dec 2026, 23:59.');
    expect(text).toContain('Extra working days added: Sat 28 Nov 2026 (stocktake weekend)');
    expect(text).toContain('Working week changed from Mon, Tue, Wed, Thu, Fri to Mon, Tue, Wed, Thu, Fri, Sat.');
  });
});

describe('a drafted letter in the timeline (issue 18)', () => {
  const generated = { key: 'letterGenerated' as const, params: { template: 'stage2-final-response', file: 'final.pdf' } };
  it.each([
    ['reads as a sentence with the template named in words, not its id', { generated }],
    ['recorded before entries carried their template, still names the template in words', {}],
  ])('%s', async (_label, extra) => {
    const drafted: TimelineEntry = {
      ...onCase('2026-11-23T09:15:00.000Z'),
      id: 'letter-1',
      kind: 'communication',
      data: { direction: 'out', channel: 'letter', summary: 'Letter (stage2-final-response) final.pdf', ...extra },
    };
    const text = await timelineText([drafted]);
    expect(text).toContain('Stage-2 final response letter drafted: final.pdf');
    expect(text).not.toContain('stage2-final-response');
  });
});

describe('a case closed with its letter unposted (issue 18)', () => {
  it('says so in words, naming the letter', async () => {
    const closed: TimelineEntry = {
      ...onCase('2026-11-24T10:00:00.000Z'),
      id: 'closed-1',
      kind: 'transition',
      data: {
        action: 'close',
        from: 'resolution-communicated',
        to: 'closed',
        fromStage: 1,
        toStage: 1,
        details: 'closed-with-unposted-letter:stage1-resolution',
      },
    };
    expect(await timelineText([closed])).toContain('closed knowingly with the Stage-1 resolution letter not posted');
  });
});

describe('audit, signposting and status entries in the timeline (issue 18)', () => {
  it('read as sentences: no field names, JSON, arrows or advice text passed off as a place', async () => {
    answerEvery({ 'settings.get': settingsSnapshot() });
    const base = onCase('2026-12-07T12:00:00.000Z');
    const advice = 'If you are still unhappy, contact Citizens Advice';
    const entries: TimelineEntry[] = [
      {
        ...base,
        id: 'a1',
        kind: 'audit',
        data: {
          field: 'externalReferral',
          before: null,
          after: { signpostedAt: '2026-12-07T12:00:00.000Z', signpostedTo: advice, referredAt: null, referredTo: null, outcome: null, outcomeAt: null },
        },
      },
      { ...base, id: 's1', kind: 'external-signposting', data: { to: advice } },
      { ...base, id: 't1', kind: 'transition', data: { action: 'acknowledge', from: 'received', to: 'acknowledged', fromStage: 1, toStage: 1, details: '' } },
    ];
    renderWithSettings(<CaseTimeline entries={entries} />);
    const timeline = await screen.findByTestId('timeline');
    // Audit entries are shown when their filter chip is on.
    screen.getByRole('checkbox', { name: 'Audit' }).click();
    const audit = await screen.findByText(/^Independent advice and referral recorded/);
    expect(audit.textContent).toBe(`Independent advice and referral recorded — told where to seek advice: 7 Dec 2026, 12:00; advice given: “${advice}”.`);
    const text = timeline.textContent ?? '';
    expect(text).toContain(`Told the complainant where to seek independent advice: “${advice}”`);
    expect(text).not.toContain('Signposted to If you');
    expect(text).toContain('Status changed from Received to Acknowledged');
    expect(text).not.toMatch(/externalReferral|signpostedAt|[{}]|→/);
  });
});

describe('an e-mail that came back in the timeline (issue 17)', () => {
  it.each([
    ['en-GB', 'Received · E-mail: Acknowledgement letter to gone@example.org not delivered: 550 5.1.1 User unknown'],
    ['lv', 'Saņemts · E-pasts: vēstule “Saņemšanas apstiprinājums” uz gone@example.org nav piegādāta: 550 5.1.1 User unknown'],
  ] as const)('%s: names the letter, the address and the reason', async (language, expected) => {
    const bounced: TimelineEntry = {
      ...onCase('2026-11-25T11:31:00.000Z'),
      recordedAt: '2026-11-25T11:40:00.000Z',
      id: 'bounced-1',
      kind: 'communication',
      data: {
        direction: 'in',
        channel: 'email',
        summary: 'E-mail not delivered to gone@example.org: 550 5.1.1 User unknown',
        letterId: 'mail-1',
        arrived: { closedCase: false },
        generated: { key: 'emailNotDelivered', params: { template: 'acknowledgement', to: 'gone@example.org', reason: '550 5.1.1 User unknown' } },
      },
    };
    expect(await timelineText([bounced], language)).toContain(expected);
  });
});

describe('a letter sent by e-mail in the timeline (issue 17)', () => {
  it.each([
    ['en-GB', 'Sent · E-mail: Acknowledgement letter to margaret@example.org'],
    ['lv', 'Nosūtīts · E-pasts: vēstule “Saņemšanas apstiprinājums” uz margaret@example.org'],
  ] as const)('%s: names the letter and the address in words', async (language, expected) => {
    const emailed: TimelineEntry = {
      ...onCase('2026-11-25T11:30:00.000Z'),
      id: 'emailed-1',
      kind: 'communication',
      data: {
        direction: 'out',
        channel: 'email',
        summary: 'E-mail sent to margaret@example.org: [Ref X] We have received your complaint',
        letterId: 'letter-1',
        generated: { key: 'emailSent', params: { template: 'acknowledgement', to: 'margaret@example.org' } },
      },
    };
    const text = await timelineText([emailed], language);
    expect(text).toContain(expected);
    expect(text).not.toContain('E-mail sent to');
  });
});
