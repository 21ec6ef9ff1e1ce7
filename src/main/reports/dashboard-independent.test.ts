/**
 * Issue 16 ("every figure is checked against an independent computation"): on 300 seeded demo
 * cases, the dashboard's volume, backlog and workload figures equal what the case list's own
 * queries count for the same filters (cases.count), every figure's drill-down list holds exactly
 * that many cases, and acknowledgement compliance (P-3.2) equals a fresh count by the SLA engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseFilters } from '../../shared/domain/inputs';
import type { Dashboard, Figure } from '../../shared/domain/reports';
import { computeDeadlines, deadlineState } from '../../shared/sla';
import { seedDemoCases } from '../domain/demo/seed-demo';
import { managerViewer, startTestDomain, type TestDomain } from '../domain/test-support';

let t: TestDomain;
let dashboard: Dashboard;

async function counts(views: Record<string, CaseFilters>): Promise<Record<string, number>> {
  const entries = Object.entries(views);
  const answers: Record<string, number> = {};
  for (let start = 0; start < entries.length; start += 50)
    Object.assign(answers, await t.callAs(managerViewer, 'cases.count', { views: Object.fromEntries(entries.slice(start, start + 50)) }));
  return answers;
}

beforeAll(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
  const domain = t.services.domain;
  if (!domain) throw new Error('no domain');
  await seedDemoCases(domain, t.clock, 300);
  t.clock.tickMs = 0;
  dashboard = await t.callAs(managerViewer, 'reports.dashboard', {});
}, 120_000);

afterAll(async () => {
  await t.close();
});

describe('the dashboard against the case list (an independent computation)', () => {
  it('volume by type and channel equals the case list counts for the range', async () => {
    const range = { receivedFrom: dashboard.range.from, receivedTo: dashboard.range.to };
    const views: Record<string, CaseFilters> = { total: range };
    for (const row of dashboard.volume.byType) views[`type:${row.key}`] = { ...range, types: [row.key] };
    for (const row of dashboard.volume.byChannel) views[`channel:${row.key}`] = { ...range, channels: [row.key] };
    const expected = await counts(views);
    expect(dashboard.volume.total.count).toBeGreaterThan(50);
    expect(dashboard.volume.total.count).toBe(expected['total']);
    for (const row of dashboard.volume.byType) expect(row.figure.count, row.key).toBe(expected[`type:${row.key}`]);
    for (const row of dashboard.volume.byChannel) expect(row.figure.count, row.key).toBe(expected[`channel:${row.key}`]);
  });

  it('backlog and workload equal the case list counts of open, breached and due-soon cases', async () => {
    const views: Record<string, CaseFilters> = { open: { open: true } };
    for (const row of dashboard.backlog.byStage) views[`stage:${row.key}`] = { open: true, stages: [row.key] };
    for (const row of dashboard.backlog.byStatus) views[`status:${row.key}`] = { statuses: [row.key] };
    for (const row of dashboard.workload.byAssignee) {
      const assigneeIds = [row.key?.id ?? ''];
      views[`open:${assigneeIds[0]}`] = { open: true, assigneeIds };
      views[`breached:${assigneeIds[0]}`] = { deadline: 'breached', assigneeIds };
      views[`due-soon:${assigneeIds[0]}`] = { deadline: 'due-soon', assigneeIds };
    }
    const expected = await counts(views);
    expect(dashboard.backlog.total.count).toBe(expected['open']);
    for (const row of dashboard.backlog.byStage) expect(row.figure.count).toBe(expected[`stage:${row.key}`]);
    for (const row of dashboard.backlog.byStatus) expect(row.figure.count, row.key).toBe(expected[`status:${row.key}`]);
    expect(dashboard.workload.byAssignee.length).toBeGreaterThan(1);
    for (const row of dashboard.workload.byAssignee) {
      const id = row.key?.id ?? '';
      expect([row.open.count, row.breached.count, row.dueSoon.count], id).toEqual([
        expected[`open:${id}`],
        expected[`breached:${id}`],
        expected[`due-soon:${id}`],
      ]);
    }
  });

  it('every figure drills down to a case list of exactly its count', async () => {
    const figures: Figure[] = [];
    JSON.stringify(dashboard, (_key, value: unknown) => {
      if (value && typeof value === 'object' && 'caseIds' in value && 'count' in value) figures.push(value as Figure);
      return value;
    });
    const views = Object.fromEntries(figures.map((figure, index) => [`f${index}`, { caseIds: [...figure.caseIds] }]));
    const expected = await counts(views);
    figures.forEach((figure, index) => expect(figure.count, `figure ${index}`).toBe(expected[`f${index}`]));
  });

  it("third-party inquiries equal the inquiries on the timelines of the range's cases", async () => {
    const domain = t.services.domain;
    if (!domain) throw new Error('no domain');
    const ids = [...dashboard.volume.total.caseIds];
    const inquiries = await domain.db.timeline.find({ selector: { caseId: { $in: ids }, kind: 'inquiry' } }).exec();
    expect(inquiries.length).toBeGreaterThan(0);
    expect(dashboard.thirdParties.reduce((sum, row) => sum + row.inquiries, 0)).toBe(inquiries.length);
  });

  it('P-3.2 acknowledgement compliance equals a fresh count by the SLA engine', async () => {
    const domain = t.services.domain;
    if (!domain) throw new Error('no domain');
    const calendar = await domain.settings.calendar();
    const { slaPolicy } = await domain.settings.values();
    const ids = new Set(dashboard.volume.total.caseIds);
    const records = (await domain.db.cases.find().exec()).map((document) => document.toJSON()).filter((record) => ids.has(record.id));
    let onTime = 0;
    let late = 0;
    for (const record of records) {
      const [acknowledgement] = computeDeadlines(calendar, slaPolicy, record.clock);
      if (!acknowledgement) continue;
      const state = deadlineState(acknowledgement, t.clock.now());
      if (state === 'met-on-time') onTime += 1;
      else if (
        state === 'met-late' ||
        (record.open && state === 'breached') ||
        (!record.open && record.closedAt && Date.parse(record.closedAt) > Date.parse(acknowledgement.dueAt))
      )
        late += 1;
    }
    const row = dashboard.deadlines.find((candidate) => candidate.kind === 'acknowledgement');
    expect(onTime + late).toBeGreaterThan(20);
    expect([row?.onTime.count, row?.breached.count]).toEqual([onTime, late]);
  });
});
