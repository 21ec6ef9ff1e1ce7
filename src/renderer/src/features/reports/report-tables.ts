/**
 * The dashboard (issue 16) as tables: each is shown as a chart and as a table (for keyboards and
 * screen readers), exported to CSV, and each count in it opens its cases. Apart from React so the
 * shapes can be tested.
 */
import type { TFunction } from 'i18next';
import type { Dashboard, Figure, WorkloadRow } from '@shared/domain/reports';

export type Cell = Figure | string;

export interface ReportColumn {
  readonly key: string;
  readonly label: string;
}

export interface ReportRow {
  readonly key: string;
  readonly label: string;
  readonly cells: Readonly<Record<string, Cell>>;
}

export interface ReportTable {
  /** Also the exported file's name. */
  readonly id: string;
  readonly title: string;
  readonly rowHeader: string;
  readonly columns: readonly ReportColumn[];
  readonly rows: readonly ReportRow[];
  /** The columns drawn as bars (counts only); none: table only. */
  readonly chart: readonly string[];
  /** Bars stacked (parts of one whole) or side by side. */
  readonly stacked?: boolean;
}

export interface TableText {
  readonly t: TFunction;
  readonly typeLabel: (id: string) => string;
  readonly month: (month: string) => string;
  /** An ISO week ('2026-W53') that starts on the Monday `start` ('YYYY-MM-DD'). */
  readonly week: (week: string, start: string) => string;
  readonly money: (minor: number, currency: string) => string;
  readonly decimal: (value: number) => string;
  readonly percent: (value: number) => string;
}

export function isFigure(cell: Cell | undefined): cell is Figure {
  return typeof cell === 'object';
}

function percentText(value: number | null, text: TableText): string {
  return value === null ? text.t('reports.notDecided') : text.percent(value);
}

function days(value: number | null, text: TableText): string {
  return value === null ? text.t('reports.notDecided') : text.decimal(value);
}

function workloadRows<K>(rows: readonly WorkloadRow<K>[], key: (row: WorkloadRow<K>) => string, label: (row: WorkloadRow<K>) => string): ReportRow[] {
  return rows.map((row) => ({ key: key(row), label: label(row), cells: { open: row.open, dueSoon: row.dueSoon, breached: row.breached } }));
}

/** An ISO week ('2026-W53') as people read it, with the day it starts ('Week 53 of 2026, from 28 Dec 2026'). */
export function weekLabel(t: TFunction, week: string, monday: string): string {
  const [year = '', number = ''] = week.split('-W');
  return t('reports.weekLabel', { week: Number(number), year, monday });
}

/** Received per month or per ISO week (the filter's grouping), beside the previous period. */
function volumeByPeriod(dashboard: Dashboard, text: TableText): ReportTable {
  const { t } = text;
  const weekly = dashboard.volume.grouping === 'week';
  return {
    id: weekly ? 'volume-by-week' : 'volume-by-month',
    title: weekly ? t('reports.tables.volumeByWeek') : t('reports.tables.volumeByMonth'),
    rowHeader: weekly ? t('reports.weeks') : t('reports.months'),
    columns: [
      { key: 'current', label: t('reports.columns.thisPeriod') },
      { key: 'previous', label: t('reports.columns.previousPeriod') },
    ],
    rows: dashboard.volume.periods.map((row) => ({
      key: row.period,
      label: weekly ? text.week(row.period, row.start) : text.month(row.period),
      cells: { current: row.current, previous: row.previous },
    })),
    chart: ['current', 'previous'],
  };
}

export function dashboardTables(dashboard: Dashboard, text: TableText): ReportTable[] {
  const { t } = text;
  const column = (key: string, label: string = t(`reports.columns.${key as 'cases'}`)): ReportColumn => ({ key, label });
  const cases = [column('cases')];
  const workloadColumns = [column('open'), column('dueSoon'), column('breached')];
  return [
    volumeByPeriod(dashboard, text),
    {
      id: 'volume-by-type',
      title: t('reports.tables.volumeByType'),
      rowHeader: t('reports.type'),
      columns: cases,
      rows: dashboard.volume.byType.map((row) => ({ key: row.key, label: text.typeLabel(row.key), cells: { cases: row.figure } })),
      chart: ['cases'],
    },
    {
      id: 'volume-by-channel',
      title: t('reports.tables.volumeByChannel'),
      rowHeader: t('reports.channel'),
      columns: cases,
      rows: dashboard.volume.byChannel.map((row) => ({ key: row.key, label: t(`channels.${row.key}`), cells: { cases: row.figure } })),
      chart: ['cases'],
    },
    {
      id: 'volume-by-product',
      title: t('reports.tables.volumeByProduct'),
      rowHeader: t('reports.product'),
      columns: cases,
      rows: dashboard.volume.byProduct.map((row) => ({ key: row.key, label: row.key || t('reports.noProduct'), cells: { cases: row.figure } })),
      chart: ['cases'],
    },
    {
      id: 'backlog-by-age',
      title: t('reports.tables.backlogByAge'),
      rowHeader: t('reports.columns.ageDays'),
      columns: cases,
      rows: dashboard.backlog.byAge.map((row) => ({ key: row.key, label: row.key, cells: { cases: row.figure } })),
      chart: ['cases'],
    },
    {
      id: 'backlog-by-state',
      title: t('reports.tables.backlogByStatus'),
      rowHeader: t('reports.columns.state'),
      columns: cases,
      rows: [
        ...dashboard.backlog.byStage.map((row) => ({ key: `stage-${row.key}`, label: t(`stages.${row.key}`), cells: { cases: row.figure } })),
        ...dashboard.backlog.byStatus.map((row) => ({ key: row.key, label: t(`statuses.${row.key}`), cells: { cases: row.figure } })),
      ],
      chart: ['cases'],
    },
    {
      id: 'deadlines-met',
      title: t('reports.tables.deadlines'),
      rowHeader: t('reports.columns.deadline'),
      columns: [column('onTime'), column('breached'), column('percentOnTime'), column('running'), column('extended')],
      rows: dashboard.deadlines.map((row) => ({
        key: row.kind,
        label: t(`deadlineKinds.${row.kind}`),
        cells: {
          onTime: row.onTime,
          breached: row.breached,
          percentOnTime: percentText(row.percentOnTime, text),
          running: row.running,
          extended: row.extended,
        },
      })),
      chart: ['onTime', 'breached'],
      stacked: true,
    },
    {
      id: 'extensions',
      title: t('reports.tables.extensions'),
      rowHeader: t('reports.columns.deadline'),
      columns: [column('reason'), column('thirdParty'), column('cases')],
      rows: dashboard.deadlines.flatMap((row) =>
        row.extensionReasons.map((reason, index) => ({
          key: `${row.kind}-${index}`,
          label: t(`deadlineKinds.${row.kind}`),
          cells: { reason: reason.reason, thirdParty: reason.thirdParty, cases: reason.figure },
        })),
      ),
      chart: [],
    },
    {
      id: 'time-taken',
      title: t('reports.tables.timeTaken'),
      rowHeader: t('reports.columns.stage'),
      columns: [column('resolved'), column('median'), column('p90')],
      rows: dashboard.timeTaken.map((row) => ({
        key: `stage-${row.stage}`,
        label: t(`stages.${row.stage}`),
        cells: { resolved: row.resolved, median: days(row.medianWorkingDays, text), p90: days(row.p90WorkingDays, text) },
      })),
      chart: [],
    },
    {
      id: 'time-distribution',
      title: t('reports.tables.timeDistribution'),
      rowHeader: t('reports.columns.workingDays'),
      columns: [column('stage1', t('stages.1')), column('stage2', t('stages.2'))],
      rows: (dashboard.timeTaken[0]?.distribution ?? []).map((band, index) => ({
        key: band.key,
        label: band.key,
        cells: { stage1: band.figure, stage2: dashboard.timeTaken[1]?.distribution[index]?.figure ?? { count: 0, caseIds: [] } },
      })),
      chart: ['stage1', 'stage2'],
    },
    {
      id: 'outcomes',
      title: t('reports.tables.outcomes'),
      rowHeader: t('reports.columns.outcome'),
      columns: [column('stage1', t('stages.1')), column('stage2', t('stages.2'))],
      rows: dashboard.outcomes.stage1.map((row, index) => ({
        key: row.key,
        label: t(`outcomes.${row.key}`),
        cells: { stage1: row.figure, stage2: dashboard.outcomes.stage2[index]?.figure ?? { count: 0, caseIds: [] } },
      })),
      chart: ['stage1', 'stage2'],
    },
    {
      id: 'refunds',
      title: t('reports.tables.redress'),
      rowHeader: t('reports.columns.currency'),
      columns: [column('cases'), column('total'), column('perCase')],
      rows: dashboard.outcomes.redress.map((row) => ({
        key: row.currency,
        label: row.currency,
        cells: {
          cases: row.cases,
          total: row.currency ? text.money(row.totalMinor, row.currency) : String(row.totalMinor / 100),
          perCase: row.currency ? text.money(row.perCaseMinor, row.currency) : String(row.perCaseMinor / 100),
        },
      })),
      chart: [],
    },
    {
      id: 'third-parties',
      title: t('reports.tables.thirdParties'),
      rowHeader: t('reports.columns.thirdPartyKind'),
      columns: [column('inquiries'), column('sent'), column('answered'), column('medianAnswer'), column('overdue')],
      rows: dashboard.thirdParties.map((row) => ({
        key: row.kind,
        label: t(`thirdPartyKinds.${row.kind}`),
        cells: {
          inquiries: String(row.inquiries),
          sent: row.sent,
          answered: row.answered,
          medianAnswer: days(row.medianAnswerWorkingDays, text),
          overdue: row.overdue,
        },
      })),
      chart: ['sent', 'answered', 'overdue'],
    },
    {
      id: 'workload-by-caseworker',
      title: t('reports.tables.workloadByAssignee'),
      rowHeader: t('reports.columns.caseworker'),
      columns: workloadColumns,
      rows: workloadRows(
        dashboard.workload.byAssignee,
        (row) => row.key?.id ?? '',
        (row) => row.key?.name ?? t('common.unassigned'),
      ),
      chart: ['open', 'dueSoon', 'breached'],
    },
    {
      id: 'workload-by-department',
      title: t('reports.tables.workloadByDepartment'),
      rowHeader: t('reports.columns.department'),
      columns: workloadColumns,
      rows: workloadRows(
        dashboard.workload.byDepartment,
        (row) => row.key,
        (row) => row.key || t('reports.noDepartment'),
      ),
      chart: ['open', 'dueSoon', 'breached'],
    },
  ];
}

/** A table as the cells of its CSV: the row header and column labels, then counts and texts. */
export function tableCsv(table: ReportTable): { header: string[]; rows: string[][] } {
  return {
    header: [table.rowHeader, ...table.columns.map((column) => column.label)],
    rows: table.rows.map((row) => [
      row.label,
      ...table.columns.map((column) => {
        const cell = row.cells[column.key];
        return isFigure(cell) ? String(cell.count) : (cell ?? '');
      }),
    ]),
  };
}
