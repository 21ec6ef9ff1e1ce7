/**
 * Sync conflicts in the case timeline: the kept and the discarded edit with who and when, so a
 * caseworker can see what did not apply (sync issue, "no lost updates"); a workflow conflict
 * reads as its status and stage.
 */
import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '../../../../shared/api/bridge';
import type { SettingsSnapshot } from '../../../../shared/api/types/settings';
import type { TimelineEntry } from '../../../../shared/domain/records';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../shared/sla';
import { SettingsProvider } from '../../settings/SettingsContext';
import { renderWithProviders } from '../../test/render';
import { CaseTimeline } from './Timeline';

const snapshot: SettingsSnapshot = {
  organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'GB', email: '', phone: '', independentAdvice: '' },
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: { ...DEFAULT_CALENDAR, closures: [] },
  complaintTypes: [],
  departments: [],
  staff: [],
  currentStaffId: 'ann',
  deviceCode: '7KQ2',
};

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
    window.plaint = { invoke: () => Promise.resolve({ ok: true, result: snapshot }), subscribe: () => () => undefined } as unknown as PlaintBridge;
    renderWithProviders(
      <SettingsProvider fallback={null}>
        <CaseTimeline entries={[entry('summary', 'Monitor dead after a week', 'Monitor shows E3'), entry('workflow', { status: 'closed', stage: 1 }, { status: 'acknowledged', stage: 1 })]} />
      </SettingsProvider>,
    );
    const text = (await screen.findByTestId('timeline')).textContent ?? '';
    expect(text).toContain('Sync conflicts');
    expect(text).toContain('Changed on two devices before they synced: summary kept “Monitor dead after a week” (Bob, 23 Nov 2026, 10:05); “Monitor shows E3” (Ann, 23 Nov 2026, 10:00) was not applied.');
    expect(text).toContain('workflow kept “Closed, stage 1”');
    expect(text).toContain('“Acknowledged, stage 1” (Ann');
  });
});
