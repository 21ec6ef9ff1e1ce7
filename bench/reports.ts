/**
 * npm run bench:reports — the managers' dashboard (issue 16) at 100 000 seeded cases: the full
 * 12-month dashboard and a filtered one (two types, two channels), each computed by the main
 * process (`reports.dashboard`, its cache emptied before every run) beside the same aggregates as
 * hand-written SQL over the storage's own SQLite tables (json_extract on the documents table),
 * measured side by side in one run, alternating which goes first. Ratios only; nothing asserts a
 * time. Writes bench-results/reports.json.
 *
 * The SQL baseline reads the documents once into a temporary table of the fields the report needs
 * (as a careful hand-written app would), then computes what SQL can say directly, each figure with the ids of its cases as
 * the dashboard's do: volume by month (this and the previous period), type, channel and product;
 * the backlog by age band, stage and state; deadlines met, breached, running and extended per
 * procedure deadline; outcomes, escalations and refunds; workload per caseworker and department;
 * third-party inquiries, answers and overdue answers. It takes months in UTC and ages and times
 * in calendar days (the dashboard uses the office's time zone and working days, from the SLA
 * engine), so it is a little less work than the dashboard; the totals are printed side by side
 * to show both count the same cases.
 *
 * Options: --cases N (default 100000), --runs N (default 7).
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database as SqliteDatabase } from 'better-sqlite3-multiple-ciphers';
import type { CaseDocument } from '../src/main/domain/collections';
import { unwrapSqliteInstance } from '../src/main/storage';
import type { Dashboard, ReportFilters } from '../src/shared/domain/reports';
import type { TimelineEntry } from '../src/shared/domain/records';
import { median, percentile, printTable, round, writeResults } from './lib/report';
import { startSeededProfile } from './lib/seeded-profile';

const { values: args } = parseArgs({ options: { cases: { type: 'string', default: '100000' }, runs: { type: 'string', default: '7' } } });
const COUNT = Number(args.cases);
const RUNS = Number(args.runs);
if (!Number.isInteger(COUNT) || COUNT < 1 || !Number.isInteger(RUNS) || RUNS < 1) throw new Error('--cases and --runs take whole numbers ≥ 1');

const { scratch, services, domain } = await startSeededProfile('reports', COUNT);
const reports = services.reports;
if (!reports) throw new Error('The database did not open');

const cases = unwrapSqliteInstance<CaseDocument>(domain.db.cases.storageInstance);
const timeline = unwrapSqliteInstance<TimelineEntry>(domain.db.timeline.storageInstance);
if (!cases || !timeline) throw new Error('Not the SQLite storage');
const db: SqliteDatabase = cases.internals.connection.db;
const CASES = cases.internals.layout.documentsTable;
const TIMELINE = timeline.internals.layout.documentsTable;

const dashboard = async (filters: ReportFilters): Promise<Dashboard> => {
  reports.invalidate();
  const response = await services.dispatch('reports.dashboard', filters, { host: 'test' });
  if (!response.ok) throw new Error(`reports.dashboard: ${JSON.stringify(response.error)}`);
  return response.result as Dashboard;
};

/**
 * The hand-written SQL side: every query of the dashboard, for a range and optional type and
 * channel filters. As a careful hand-written app would, it reads the documents once into a
 * temporary table of the fields the report needs, then runs each aggregate over that.
 */
function sqlDashboard(
  range: { from: string; to: string; previousFrom: string; previousTo: string },
  filters: ReportFilters,
  queryMs?: Map<string, number>,
): Record<string, unknown> {
  const now = Date.now();
  const nowIso = new Date(now).toISOString();
  const types = filters.types ?? [];
  const channels = filters.channels ?? [];
  const filter = `${types.length ? `AND json_extract(doc, '$.type') IN (${types.map(() => '?').join(',')})` : ''} ${channels.length ? `AND json_extract(doc, '$.channel') IN (${channels.map(() => '?').join(',')})` : ''}`;
  const received = `SELECT * FROM temp.report_cases WHERE receivedAt >= ? AND receivedAt < ?`;
  const open = `SELECT * FROM temp.report_cases WHERE open = 1`;
  const inRange = [range.from, range.to];
  const grouped = (key: string, from: string) =>
    db.prepare(`SELECT ${key} AS key, count(*) AS count, group_concat(id) AS ids FROM (${from}) GROUP BY key`).all(...(from === open ? [] : inRange));
  const parts: Record<string, () => unknown> = {
    // Visible to the administrator (P-7.1): restricted cases are seen only by the people named.
    read: () => {
      db.exec('DROP TABLE IF EXISTS temp.report_cases');
      return db
        .prepare(
          `CREATE TEMP TABLE report_cases AS SELECT id, json_extract(doc, '$.receivedAt') AS receivedAt, json_extract(doc, '$.type') AS type, json_extract(doc, '$.channel') AS channel,
             trim(json_extract(doc, '$.product')) AS product, json_extract(doc, '$.open') AS open, json_extract(doc, '$.stage') AS stage, json_extract(doc, '$.status') AS status,
             json_extract(doc, '$.assigneeId') AS assigneeId, json_extract(doc, '$.nextDueAt') AS nextDueAt, json_extract(doc, '$.nextWarnAt') AS nextWarnAt,
             json_extract(doc, '$.deadlines') AS deadlines, json_extract(doc, '$.resolution') AS resolution, json_extract(doc, '$.stage2Resolution') AS stage2Resolution,
             json_extract(doc, '$.escalation') AS escalation, json_extract(doc, '$.departments') AS departments
           FROM ${CASES} WHERE deleted = 0 AND json_extract(doc, '$.restricted') = 0 ${filter}`,
        )
        .run(...types, ...channels);
    },
    total: () => db.prepare(`SELECT count(*) AS count, group_concat(id) AS ids FROM (${received})`).get(...inRange),
    previousTotal: () => db.prepare(`SELECT count(*) AS count, group_concat(id) AS ids FROM (${received})`).get(range.previousFrom, range.previousTo),
    months: () => grouped(`substr(receivedAt, 1, 7)`, received),
    previousMonths: () =>
      db
        .prepare(`SELECT substr(receivedAt, 1, 7) AS key, count(*) AS count, group_concat(id) AS ids FROM (${received}) GROUP BY key`)
        .all(range.previousFrom, range.previousTo),
    byType: () => grouped('type', received),
    byChannel: () => grouped('channel', received),
    byProduct: () => grouped('product', received),
    backlogTotal: () => db.prepare(`SELECT count(*) AS count, group_concat(id) AS ids FROM (${open})`).get(),
    backlogByAge: () =>
      db
        .prepare(
          `SELECT CASE WHEN age <= 2 THEN '0-2' WHEN age <= 7 THEN '3-7' WHEN age <= 14 THEN '8-14' WHEN age <= 30 THEN '15-30' ELSE '31+' END AS key, count(*) AS count, group_concat(id) AS ids FROM (SELECT id, CAST((? - unixepoch(receivedAt)) / 86400 AS INTEGER) AS age FROM (${open})) GROUP BY key`,
        )
        .all(now / 1000),
    backlogByStage: () => grouped('stage', open),
    backlogByStatus: () => grouped('status', open),
    deadlines: () =>
      db
        .prepare(
          `SELECT json_extract(d.value, '$.kind') AS kind,
             group_concat(DISTINCT CASE WHEN json_extract(d.value, '$.metAt') IS NOT NULL AND json_extract(d.value, '$.metAt') <= json_extract(d.value, '$.dueAt') AND json_extract(d.value, '$.breachedAt') IS NULL THEN r.id END) AS onTime,
             group_concat(DISTINCT CASE WHEN json_extract(d.value, '$.metAt') > json_extract(d.value, '$.dueAt') OR json_extract(d.value, '$.breachedAt') IS NOT NULL OR (json_extract(d.value, '$.metAt') IS NULL AND json_extract(d.value, '$.dueAt') < ?) THEN r.id END) AS breached,
             group_concat(DISTINCT CASE WHEN json_extract(d.value, '$.metAt') IS NULL AND json_extract(d.value, '$.dueAt') >= ? THEN r.id END) AS running,
             group_concat(DISTINCT CASE WHEN json_extract(d.value, '$.extensionId') IS NOT NULL THEN r.id END) AS extended
           FROM (${received}) AS r, json_each(r.deadlines) AS d GROUP BY kind`,
        )
        .all(nowIso, nowIso, ...inRange),
    timeTaken: () =>
      db
        .prepare(
          `SELECT 1 AS stage, (unixepoch(json_extract(resolution, '$.at')) - unixepoch(receivedAt)) / 86400.0 AS days FROM (${received}) WHERE resolution IS NOT NULL
           UNION ALL SELECT 2, (unixepoch(json_extract(stage2Resolution, '$.at')) - unixepoch(json_extract(escalation, '$.requestedAt'))) / 86400.0 FROM (${received}) WHERE stage2Resolution IS NOT NULL
           ORDER BY 1, 2`,
        )
        .all(...inRange, ...inRange),
    outcomes: () => grouped(`json_extract(resolution, '$.outcome')`, received),
    stage2Outcomes: () => grouped(`json_extract(stage2Resolution, '$.outcome')`, received),
    escalated: () =>
      db
        .prepare(`SELECT count(*) AS count, group_concat(id) AS ids FROM (${received}) WHERE escalation IS NOT NULL AND resolution IS NOT NULL`)
        .get(...inRange),
    redress: () =>
      db
        .prepare(
          `SELECT json_extract(x.value, '$.currency') AS currency, sum(json_extract(x.value, '$.amountMinor')) AS total, count(DISTINCT r.id) AS cases, group_concat(DISTINCT r.id) AS ids FROM (${received}) AS r, json_each(r.resolution, '$.redress') AS x WHERE json_extract(x.value, '$.kind') = 'refund' GROUP BY currency`,
        )
        .all(...inRange),
    workloadByAssignee: () =>
      db
        .prepare(
          `SELECT assigneeId AS key, group_concat(id) AS open, group_concat(CASE WHEN nextDueAt < ? THEN id END) AS breached, group_concat(CASE WHEN nextDueAt >= ? AND nextWarnAt <= ? THEN id END) AS dueSoon FROM (${open}) GROUP BY key`,
        )
        .all(now, now, now),
    workloadByDepartment: () =>
      db
        .prepare(
          `SELECT coalesce(dep.value, '') AS key, group_concat(o.id) AS open, group_concat(CASE WHEN o.nextDueAt < ? THEN o.id END) AS breached, group_concat(CASE WHEN o.nextDueAt >= ? AND o.nextWarnAt <= ? THEN o.id END) AS dueSoon FROM (${open}) AS o LEFT JOIN json_each(o.departments) AS dep GROUP BY key`,
        )
        .all(now, now, now),
    thirdParties: () =>
      db
        .prepare(
          `WITH r AS MATERIALIZED (SELECT id FROM temp.report_cases WHERE receivedAt >= ? AND receivedAt < ?),
             entries AS MATERIALIZED (SELECT json_extract(doc, '$.kind') AS kind, json_extract(doc, '$.caseId') AS caseId, json_extract(doc, '$.data.inquiryId') AS inquiry, json_extract(doc, '$.data.partyKind') AS partyKind, json_extract(doc, '$.at') AS at, json_extract(doc, '$.data.dueAt') AS dueAt
               FROM ${TIMELINE} WHERE deleted = 0 AND json_extract(doc, '$.kind') IN ('inquiry', 'inquiry-response')),
             answers AS MATERIALIZED (SELECT inquiry, min(at) AS at FROM entries WHERE kind = 'inquiry-response' GROUP BY inquiry),
             asked AS MATERIALIZED (SELECT * FROM entries WHERE kind = 'inquiry' AND caseId IN (SELECT id FROM r))
           SELECT asked.partyKind AS kind, count(*) AS inquiries, group_concat(DISTINCT asked.caseId) AS sent, group_concat(DISTINCT CASE WHEN answers.at IS NOT NULL THEN asked.caseId END) AS answered,
             group_concat(DISTINCT CASE WHEN answers.at IS NULL AND asked.dueAt < ? THEN asked.caseId END) AS overdue, avg(unixepoch(answers.at) - unixepoch(asked.at)) / 86400.0 AS answerDays
           FROM asked LEFT JOIN answers ON answers.inquiry = asked.inquiry GROUP BY kind`,
        )
        .all(...inRange, nowIso),
  };
  const answers: Record<string, unknown> = {};
  for (const [name, query] of Object.entries(parts)) {
    const start = performance.now();
    answers[name] = query();
    queryMs?.set(name, (queryMs.get(name) ?? 0) + performance.now() - start);
  }
  return answers;
}

const instant = (day: string) => new Date(`${day}T00:00:00.000Z`).toISOString();
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

const scenarios: { name: string; filters: ReportFilters }[] = [
  { name: 'full dashboard, last 12 months', filters: {} },
  { name: 'filtered: 2 types × 2 channels, last 12 months', filters: { types: ['billing', 'product'], channels: ['email', 'telephone'] } },
];

const results = [];
for (const scenario of scenarios) {
  // The range the dashboard resolved, so the SQL asks for the same days.
  const first = await dashboard(scenario.filters);
  const range = {
    from: instant(first.range.from),
    to: dayAfter(first.range.to),
    previousFrom: instant(first.previousRange.from),
    previousTo: dayAfter(first.previousRange.to),
  };
  const firstSql = sqlDashboard(range, scenario.filters) as { total: { count: number }; backlogTotal: { count: number } };
  const ours: number[] = [];
  const baseline: number[] = [];
  const queryMs = new Map<string, number>();
  for (let run = 0; run < RUNS; run += 1) {
    const timeOurs = async () => {
      const start = performance.now();
      await dashboard(scenario.filters);
      ours.push(performance.now() - start);
    };
    const timeSql = () => {
      const start = performance.now();
      sqlDashboard(range, scenario.filters, queryMs);
      baseline.push(performance.now() - start);
    };
    if (run % 2 === 0) {
      await timeOurs();
      timeSql();
    } else {
      timeSql();
      await timeOurs();
    }
  }
  results.push({
    scenario: scenario.name,
    filters: scenario.filters,
    runs: RUNS,
    received: { dashboard: first.volume.total.count, sql: firstSql.total.count },
    open: { dashboard: first.backlog.total.count, sql: firstSql.backlogTotal.count },
    oursMedianMs: round(median(ours)),
    oursP95Ms: round(percentile(ours, 95)),
    sqlMedianMs: round(median(baseline)),
    sqlP95Ms: round(percentile(baseline, 95)),
    ratioMedian: round(median(ours) / median(baseline)),
    sqlMeanMsPerQuery: Object.fromEntries([...queryMs].map(([name, ms]) => [name, round(ms / RUNS)])),
  });
}

printTable(
  `Reports dashboard at ${COUNT} cases (ours = reports.dashboard through the main-process services, cache emptied; baseline = hand-written SQL over the storage's tables)`,
  ['scenario', 'runs', 'received (ours / SQL)', 'open (ours / SQL)', 'ours median', 'SQL median', 'ratio'],
  results.map((r) => [
    r.scenario,
    r.runs,
    `${r.received.dashboard} / ${r.received.sql}`,
    `${r.open.dashboard} / ${r.open.sql}`,
    r.oursMedianMs,
    r.sqlMedianMs,
    r.ratioMedian,
  ]),
);
for (const result of results) console.log(`SQL time per query, ${result.scenario}: ${JSON.stringify(result.sqlMeanMsPerQuery)}`);
console.log(`Wrote ${writeResults('reports', { cases: COUNT, scenarios: results })}`);
await services.close();
fs.rmSync(scratch, { recursive: true, force: true });
