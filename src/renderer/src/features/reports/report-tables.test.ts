/** Issue 16: the dashboard as tables: the words and numbers each table shows and exports to CSV. */
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { Dashboard, Figure } from '@shared/domain/reports';
import { createI18n } from '../../i18n/i18n';
import { dashboardTables, tableCsv, weekLabel } from './report-tables';

const figure = (...caseIds: string[]): Figure => ({ count: caseIds.length, caseIds });
const none = figure();

const dashboard: Dashboard = {
  range: { from: '2026-10-01', to: '2026-11-30' },
  previousRange: { from: '2026-08-01', to: '2026-09-30' },
  generatedAt: '2026-12-01T12:00:00.000Z',
  volume: {
    total: figure('a', 'b'),
    previousTotal: none,
    grouping: 'month',
    periods: [{ period: '2026-10', start: '2026-10-01', current: figure('a', 'b'), previous: none }],
    byType: [{ key: 'billing', figure: figure('a', 'b') }],
    byChannel: [],
    byProduct: [{ key: '', figure: figure('a', 'b') }],
  },
  backlog: { total: figure('b'), byAge: [], byStage: [], byStatus: [] },
  deadlines: [{ kind: 'acknowledgement', onTime: figure('a'), breached: figure('b'), running: none, percentOnTime: 50, extended: none, extensionReasons: [] }],
  timeTaken: [{ stage: 1, resolved: figure('a'), medianWorkingDays: 4, p90WorkingDays: null, distribution: [] }],
  outcomes: {
    stage1: [],
    stage2: [],
    stage1Resolved: figure('a'),
    escalated: none,
    escalationRatePercent: 0,
    redress: [{ currency: 'GBP', totalMinor: 2500, cases: figure('a'), perCaseMinor: 2500 }],
  },
  thirdParties: [{ kind: 'supplier', inquiries: 3, sent: figure('a', 'b'), answered: figure('a'), medianAnswerWorkingDays: 2, overdue: figure('b') }],
  workload: {
    byAssignee: [{ key: null, open: figure('b'), dueSoon: none, breached: figure('b') }],
    byDepartment: [{ key: '', open: figure('b'), dueSoon: none, breached: figure('b') }],
  },
};

function tables(language: 'en-GB' | 'lv', shown: Dashboard = dashboard) {
  const i18n = createI18n(language);
  const t: TFunction = i18n.t.bind(i18n);
  return dashboardTables(shown, {
    t,
    typeLabel: (id) => (id === 'billing' ? 'Billing' : id),
    month: (month) => `M${month}`,
    week: (week, start) => weekLabel(t, week, `D${start}`),
    money: (minor, currency) => `${currency} ${(minor / 100).toFixed(2)}`,
    decimal: (value) => String(value),
    percent: (value) => `${value}%`,
  });
}

describe('the dashboard as tables', () => {
  it('exports each table with its headers, counts and texts (deadlines: percentages; undecided: a dash)', () => {
    const byId = new Map(tables('en-GB').map((table) => [table.id, table]));
    const deadlines = byId.get('deadlines-met');
    if (!deadlines) throw new Error('deadlines table');
    expect(tableCsv(deadlines)).toEqual({
      header: ['Deadline', 'On time', 'Breached', '% on time', 'Still running', 'Extended'],
      rows: [['Acknowledgement', '1', '1', '50%', '0', '0']],
    });
    const time = byId.get('time-taken');
    if (!time) throw new Error('time table');
    expect(tableCsv(time).rows).toEqual([['Stage 1', '1', '4', '–']]);
    const refunds = byId.get('refunds');
    if (!refunds) throw new Error('refunds table');
    expect(tableCsv(refunds).rows).toEqual([['GBP', '1', 'GBP 25.00', 'GBP 25.00']]);
    const thirdParties = byId.get('third-parties');
    if (!thirdParties) throw new Error('third parties table');
    expect(tableCsv(thirdParties)).toEqual({
      header: ['Third party', 'Inquiries', 'Cases asking', 'Answered', 'Median answer (working days)', 'Overdue answers'],
      rows: [['Supplier', '3', '2', '1', '2', '1']],
    });
  });

  it('names the unassigned and the cases of no department', () => {
    const byId = new Map(tables('en-GB').map((table) => [table.id, table]));
    expect(byId.get('workload-by-caseworker')?.rows[0]?.label).toBe('Unassigned');
    expect(byId.get('workload-by-department')?.rows[0]?.label).toBe('No department');
    expect(byId.get('volume-by-product')?.rows[0]?.label).toBe('No product given');
  });

  it('speaks Latvian too', () => {
    const byId = new Map(tables('lv').map((table) => [table.id, table]));
    expect(byId.get('deadlines-met')?.title).toBe('Ievērotie termiņi');
    expect(byId.get('workload-by-department')?.rows[0]?.label).toBe('Bez nodaļas');
  });
});

describe('volume per week (issue 16: grouped by ISO week in the office time zone)', () => {
  const weekly: Dashboard = {
    ...dashboard,
    volume: {
      ...dashboard.volume,
      grouping: 'week',
      periods: [
        { period: '2026-W53', start: '2026-12-28', current: figure('a'), previous: none },
        { period: '2027-W01', start: '2027-01-04', current: figure('b'), previous: figure('c') },
      ],
    },
  };

  it('is its own table, exported as volume-by-week with each week named by its number, year and Monday', () => {
    const byId = new Map(tables('en-GB', weekly).map((table) => [table.id, table]));
    expect(byId.has('volume-by-month')).toBe(false);
    const table = byId.get('volume-by-week');
    if (!table) throw new Error('weekly volume table');
    expect(table.title).toBe('Complaints received per week');
    expect(tableCsv(table)).toEqual({
      header: ['Week', 'This period', 'Previous period'],
      rows: [
        ['Week 53 of 2026, from D2026-12-28', '1', '0'],
        ['Week 1 of 2027, from D2027-01-04', '1', '1'],
      ],
    });
  });

  it('speaks Latvian too', () => {
    const table = tables('lv', weekly).find((candidate) => candidate.id === 'volume-by-week');
    expect(table?.title).toBe('Saņemtās sūdzības pa nedēļām');
    expect(table?.rows.map((row) => row.label)).toEqual(['2026. gada 53. nedēļa, no D2026-12-28', '2027. gada 1. nedēļa, no D2027-01-04']);
  });
});
