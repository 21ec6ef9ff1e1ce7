/**
 * Issue 16: every figure of the dashboard against hand-built cases whose answers are worked out by
 * hand below (London calendar; 2026 dates; "now" is Tuesday 1 December 2026 12:00 UTC).
 */
import { describe, expect, it } from 'vitest';
import type { Figure, Keyed } from '../../shared/domain/reports';
import { computeDashboard } from './dashboard';
import { contextAt, handBuiltCase } from './test-support';

const worker = { id: 'worker-x', name: 'Xena Worker' };

const cases = [
  // A: acknowledged after 24 h (on time); resolved 5 working days after receipt (Oct 6, 7, 8, 9, 12), upheld, £25 refund.
  handBuiltCase({
    id: 'A',
    receivedAt: '2026-10-05T09:00:00.000Z',
    acknowledgedAt: '2026-10-06T09:00:00.000Z',
    resolved: { at: '2026-10-12T10:00:00.000Z', outcome: 'upheld', refundMinor: 2500 },
    closedAt: '2026-10-20T10:00:00.000Z',
    type: 'billing',
    channel: 'letter',
    product: 'Blood pressure monitor',
  }),
  // B: acknowledged after 72 h (late); stage 1 due Thursday 22 October, resolved 30 October (late, 19 working days), not upheld;
  // escalated 2 November, acknowledged 4 November (on time), stage 2 resolved 10 November (6 working days), partly upheld, £10 refund.
  handBuiltCase({
    id: 'B',
    receivedAt: '2026-10-05T09:00:00.000Z',
    acknowledgedAt: '2026-10-08T09:00:00.000Z',
    resolved: { at: '2026-10-30T10:00:00.000Z', outcome: 'not-upheld' },
    escalation: { requestedAt: '2026-11-02T10:00:00.000Z', acknowledgedAt: '2026-11-04T10:00:00.000Z' },
    stage2Resolved: { at: '2026-11-10T10:00:00.000Z', outcome: 'partly-upheld', refundMinor: 1000 },
    closedAt: '2026-11-11T10:00:00.000Z',
    channel: 'letter',
  }),
  // C: open, never acknowledged (due 22 November: breached now), received 11 days ago, in the warehouse department.
  handBuiltCase({ id: 'C', receivedAt: '2026-11-20T09:00:00.000Z', type: 'billing', channel: 'web-form', assignee: worker, departments: ['Warehouse'] }),
  // D: open, acknowledged within the hour, stage 1 due 14 December (running), received yesterday.
  handBuiltCase({ id: 'D', receivedAt: '2026-11-30T10:00:00.000Z', acknowledgedAt: '2026-11-30T11:00:00.000Z', assignee: worker }),
  // E: in the previous period only.
  handBuiltCase({ id: 'E', receivedAt: '2026-09-10T10:00:00.000Z', closedAt: '2026-09-11T10:00:00.000Z', type: 'product' }),
  // F: acknowledged exactly at 48 h (on time); stage 1 extended to 13 November for a laboratory; resolved 12 November
  // (on time, 24 working days after receipt on Saturday 10 October), partly upheld.
  handBuiltCase({
    id: 'F',
    receivedAt: '2026-10-10T09:00:00.000Z',
    acknowledgedAt: '2026-10-12T09:00:00.000Z',
    extension: { newDueAt: '2026-11-13T23:59:59.999Z', reason: 'Awaiting laboratory', thirdParty: 'Lab Ltd', grantedAt: '2026-10-20T10:00:00.000Z' },
    resolved: { at: '2026-11-12T10:00:00.000Z', outcome: 'partly-upheld' },
    closedAt: '2026-11-13T10:00:00.000Z',
  }),
];

const dashboard = computeDashboard(cases, contextAt('2026-12-01T12:00:00.000Z', '2026-10-01', '2026-11-30'));

function ids(figure: Figure | undefined): string[] {
  return [...(figure?.caseIds ?? [])].sort();
}
function byKey<K>(rows: readonly Keyed<K>[], key: K): Figure | undefined {
  return rows.find((row) => row.key === key)?.figure;
}

describe('every figure carries exactly its cases (issue 16: a drill-down shows as many cases as the figure)', () => {
  it('each count is the number of its case ids', () => {
    const figures: Figure[] = [];
    JSON.stringify(dashboard, (_key, value: unknown) => {
      if (value && typeof value === 'object' && 'count' in value && 'caseIds' in value) figures.push(value as Figure);
      return value;
    });
    expect(figures.length).toBeGreaterThan(50);
    for (const figure of figures) expect(figure.count).toBe(new Set(figure.caseIds).size);
  });
});

describe('volume (P-5.1, P-5.2)', () => {
  it('counts the cases received in the range per month and beside the previous period', () => {
    expect(dashboard.range).toEqual({ from: '2026-10-01', to: '2026-11-30' });
    expect(dashboard.previousRange).toEqual({ from: '2026-08-01', to: '2026-09-30' });
    expect(ids(dashboard.volume.total)).toEqual(['A', 'B', 'C', 'D', 'F']);
    expect(ids(dashboard.volume.previousTotal)).toEqual(['E']);
    expect(dashboard.volume.grouping).toBe('month');
    expect(dashboard.volume.periods.map((row) => [row.period, ids(row.current), ids(row.previous)])).toEqual([
      ['2026-10', ['A', 'B', 'F'], []],
      ['2026-11', ['C', 'D'], ['E']],
    ]);
  });

  it('by type and by channel', () => {
    expect(ids(byKey(dashboard.volume.byType, 'billing'))).toEqual(['A', 'C']);
    expect(ids(byKey(dashboard.volume.byType, 'service'))).toEqual(['B', 'D', 'F']);
    expect(ids(byKey(dashboard.volume.byChannel, 'letter'))).toEqual(['A', 'B']);
    expect(ids(byKey(dashboard.volume.byChannel, 'web-form'))).toEqual(['C']);
    expect(ids(byKey(dashboard.volume.byChannel, 'email'))).toEqual(['D', 'F']);
    expect(byKey(dashboard.volume.byChannel, 'telephone')?.count).toBe(0);
    expect(dashboard.volume.byProduct.map((row) => [row.key, ids(row.figure)])).toEqual([
      ['', ['B', 'C', 'D', 'F']],
      ['Blood pressure monitor', ['A']],
    ]);
  });
});

describe('backlog (P-5.2)', () => {
  it('open cases by age band, stage and state', () => {
    expect(ids(dashboard.backlog.total)).toEqual(['C', 'D']);
    expect(ids(byKey(dashboard.backlog.byAge, '8-14'))).toEqual(['C']);
    expect(ids(byKey(dashboard.backlog.byAge, '0-2'))).toEqual(['D']);
    expect(ids(byKey(dashboard.backlog.byStage, 1))).toEqual(['C', 'D']);
    expect(ids(byKey(dashboard.backlog.byStatus, 'received'))).toEqual(['C']);
    expect(ids(byKey(dashboard.backlog.byStatus, 'acknowledged'))).toEqual(['D']);
  });
});

describe('deadlines met per procedure deadline (P-3.2, P-4.1, P-4.3, P-4.4)', () => {
  const deadline = (kind: string) => dashboard.deadlines.find((row) => row.kind === kind);

  it('P-3.2 acknowledgement within 48 hours: met at 24 h, 1 h and exactly 48 h; missed at 72 h and never', () => {
    const ack = deadline('acknowledgement');
    expect(ids(ack?.onTime)).toEqual(['A', 'D', 'F']);
    expect(ids(ack?.breached)).toEqual(['B', 'C']);
    expect(ack?.percentOnTime).toBe(60);
  });

  it('P-4.1 stage-1 resolution within 10 working days, extended for a third party (P-4.4) with its reason', () => {
    const stage1 = deadline('stage1Resolution');
    expect(ids(stage1?.onTime)).toEqual(['A', 'F']);
    expect(ids(stage1?.breached)).toEqual(['B']);
    expect(ids(stage1?.running)).toEqual(['C', 'D']);
    expect(stage1?.percentOnTime).toBe(66.7);
    expect(ids(stage1?.extended)).toEqual(['F']);
    expect(stage1?.extensionReasons.map((row) => [row.reason, row.thirdParty, ids(row.figure)])).toEqual([['Awaiting laboratory', 'Lab Ltd', ['F']]]);
  });

  it('P-4.3 escalation acknowledgement and P-4.2 stage-2 resolution', () => {
    expect(ids(deadline('escalationAcknowledgement')?.onTime)).toEqual(['B']);
    expect(deadline('escalationAcknowledgement')?.percentOnTime).toBe(100);
    expect(ids(deadline('stage2Resolution')?.onTime)).toEqual(['B']);
    expect(deadline('stage2Resolution')?.breached.count).toBe(0);
  });
});

describe('time taken in working days (P-5.1)', () => {
  it('stage 1: 5, 19 and 24 days give a median of 19 and a 90th percentile of 24 (nearest rank)', () => {
    const stage1 = dashboard.timeTaken.find((row) => row.stage === 1);
    expect(ids(stage1?.resolved)).toEqual(['A', 'B', 'F']);
    expect(stage1?.medianWorkingDays).toBe(19);
    expect(stage1?.p90WorkingDays).toBe(24);
    expect(ids(byKey(stage1?.distribution ?? [], '3-5'))).toEqual(['A']);
    expect(ids(byKey(stage1?.distribution ?? [], '11-20'))).toEqual(['B']);
    expect(ids(byKey(stage1?.distribution ?? [], '21+'))).toEqual(['F']);
  });

  it('stage 2: from the escalation request to the stage-2 resolution', () => {
    const stage2 = dashboard.timeTaken.find((row) => row.stage === 2);
    expect(stage2?.medianWorkingDays).toBe(6);
    expect(ids(byKey(stage2?.distribution ?? [], '6-10'))).toEqual(['B']);
  });
});

describe('outcomes, escalation rate and redress (P-5.2, P-4.2)', () => {
  it('counts outcomes per stage, the escalation rate and refunds in total and per refunded case', () => {
    const { outcomes } = dashboard;
    expect(ids(byKey(outcomes.stage1, 'upheld'))).toEqual(['A']);
    expect(ids(byKey(outcomes.stage1, 'partly-upheld'))).toEqual(['F']);
    expect(ids(byKey(outcomes.stage1, 'not-upheld'))).toEqual(['B']);
    expect(ids(byKey(outcomes.stage2, 'partly-upheld'))).toEqual(['B']);
    expect(ids(outcomes.escalated)).toEqual(['B']);
    expect(outcomes.escalationRatePercent).toBe(33.3);
    expect(outcomes.redress).toEqual([{ currency: 'GBP', totalMinor: 3500, cases: { count: 2, caseIds: ['A', 'B'] }, perCaseMinor: 1750 }]);
  });
});

describe('workload', () => {
  it('open, due soon and breached per caseworker and department', () => {
    const row = dashboard.workload.byAssignee.find((candidate) => candidate.key?.id === worker.id);
    expect(ids(row?.open)).toEqual(['C', 'D']);
    expect(ids(row?.breached)).toEqual(['C']);
    expect(row?.dueSoon.count).toBe(0);
    expect(ids(dashboard.workload.byDepartment.find((candidate) => candidate.key === 'Warehouse')?.open)).toEqual(['C']);
    expect(ids(dashboard.workload.byDepartment.find((candidate) => candidate.key === '')?.open)).toEqual(['D']);
  });
});
