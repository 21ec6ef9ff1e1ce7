/**
 * Sync conflicts in the case timeline: the kept and the discarded edit with who and when, so a
 * caseworker can see what did not apply (sync issue, "no lost updates"); a workflow conflict
 * reads as its status and stage.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../../../shared/domain/records';
import { answerEvery } from '../../test/fake-api';
import { settingsSnapshot } from '../../test/fixtures';
import { renderWithSettings } from '../../test/render';
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
  data: { field, kept: { value: kept, at: '2026-11-23T10:05:00.000Z', by: bob }, discarded: { value: discarded, at: '2026-11-23T10:00:00.000Z', by: ann }, rule: 'later-edit' },
});

describe('conflict records in the timeline', () => {
  it('show the kept and the discarded edit, who made them and when', async () => {
    answerEvery({ 'settings.get': settingsSnapshot() });
    renderWithSettings(<CaseTimeline entries={[entry('summary', 'Monitor dead after a week', 'Monitor shows E3'), entry('workflow', { status: 'closed', stage: 1 }, { status: 'acknowledged', stage: 1 })]} />);
    const text = (await screen.findByTestId('timeline')).textContent ?? '';
    expect(text).toContain('Sync conflicts');
    expect(text).toContain('Changed on two devices before they synced: summary kept “Monitor dead after a week” (Bob, 23 Nov 2026, 10:05); “Monitor shows E3” (Ann, 23 Nov 2026, 10:00) was not applied.');
    expect(text).toContain('workflow kept “Closed, stage 1”');
    expect(text).toContain('“Acknowledged, stage 1” (Ann');
  });
});

describe('deadline moves in the timeline (issue 15)', () => {
  it('say which setting changed, how, and each deadline’s old and new date', async () => {
    answerEvery({ 'settings.get': settingsSnapshot() });
    const moved: TimelineEntry = {
      id: 'moved-1',
      caseId: 'case-1',
      kind: 'deadlines-moved',
      at: '2026-11-23T09:15:00.000Z',
      recordedAt: '2026-11-23T09:15:00.000Z',
      order: 0,
      by: ann,
      data: {
        because: 'calendar',
        moved: [{ deadline: 'stage1Resolution', from: '2026-12-04T23:59:59.999Z', to: '2026-12-03T23:59:59.999Z' }],
        changes: [
          { setting: 'extraWorkingDays', added: ['2026-11-28'], removed: [], notes: { '2026-11-28': 'stocktake weekend' } },
          { setting: 'workWeek', before: [1, 2, 3, 4, 5], after: [1, 2, 3, 4, 5, 6] },
        ],
      },
    };
    renderWithSettings(<CaseTimeline entries={[moved]} />);
    const text = (await screen.findByTestId('timeline')).textContent ?? '';
    expect(text).toContain('Deadline moves');
    expect(text).toContain('The working calendar changed, so the deadlines moved.');
    expect(text).toContain('Stage-1 resolution: 4 Dec 2026, 23:59 → 3 Dec 2026, 23:59');
    expect(text).toContain('Extra working days added: Sat 28 Nov 2026 (stocktake weekend)');
    expect(text).toContain('Working week: Mon, Tue, Wed, Thu, Fri → Mon, Tue, Wed, Thu, Fri, Sat');
  });
});

describe('a drafted letter in the timeline (issue 18)', () => {
  it('reads as a sentence with the template named in words, not its id', async () => {
    answerEvery({ 'settings.get': settingsSnapshot() });
    const drafted: TimelineEntry = {
      id: 'letter-1',
      caseId: 'case-1',
      kind: 'communication',
      at: '2026-11-23T09:15:00.000Z',
      recordedAt: '2026-11-23T09:15:00.000Z',
      order: 0,
      by: ann,
      data: { direction: 'out', channel: 'letter', summary: 'Letter (stage2-final-response) final.pdf', generated: { key: 'letterGenerated', params: { template: 'stage2-final-response', file: 'final.pdf' } } },
    };
    renderWithSettings(<CaseTimeline entries={[drafted]} />);
    const text = (await screen.findByTestId('timeline')).textContent ?? '';
    expect(text).toContain('Stage-2 final response letter drafted: final.pdf');
    expect(text).not.toContain('stage2-final-response');
  });
});

describe('a case closed with its letter unposted (issue 18)', () => {
  it('says so in words, naming the letter', async () => {
    answerEvery({ 'settings.get': settingsSnapshot() });
    const closed: TimelineEntry = {
      id: 'closed-1',
      caseId: 'case-1',
      kind: 'transition',
      at: '2026-11-24T10:00:00.000Z',
      recordedAt: '2026-11-24T10:00:00.000Z',
      order: 0,
      by: ann,
      data: { action: 'close', from: 'resolution-communicated', to: 'closed', fromStage: 1, toStage: 1, details: 'closed-with-unposted-letter:stage1-resolution' },
    };
    renderWithSettings(<CaseTimeline entries={[closed]} />);
    expect((await screen.findByTestId('timeline')).textContent).toContain('closed knowingly with the Stage-1 resolution letter not posted');
  });
});
