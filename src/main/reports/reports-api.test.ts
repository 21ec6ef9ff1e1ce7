/**
 * Issue 16 through the API as the renderer calls it: `reports.dashboard` for managers and
 * administrators only; its figures drill down to a case list of exactly as many cases (the
 * `caseIds` filter); the cache is emptied on `cases.changed`; bad input is refused and changes
 * nothing; CSV exports are injection-safe, and XLSX exports (exceljs) read back as the table.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportService } from './report-service';
import { testViewer, managerViewer, phoneComplaint, startTestDomain, type TestDomain } from '../domain/test-support';

let t: TestDomain;
const created: string[] = [];

beforeAll(async () => {
  t = await startTestDomain('2026-11-23T09:00:00.000Z');
  const cases: { type: string; channel: 'letter' | 'email' | 'telephone'; when: { receivedOn: string } | { receivedAt: string }; departments?: string[] }[] = [
    { type: 'billing', channel: 'letter', when: { receivedOn: '2026-11-02' }, departments: ['Warehouse'] },
    { type: 'billing', channel: 'email', when: { receivedAt: '2026-11-10T10:00:00.000Z' } },
    { type: 'product', channel: 'telephone', when: { receivedAt: '2026-10-15T10:00:00.000Z' } },
  ];
  for (const [index, spec] of cases.entries()) {
    const complainant = { ...phoneComplaint.complainant, name: `Person ${index}`, email: `p${index}@example.lv` };
    const { caseId } = await t.call('cases.create', {
      ...phoneComplaint,
      complainant,
      type: spec.type,
      channel: spec.channel,
      ...spec.when,
      departments: spec.departments ?? [],
    });
    created.push(caseId);
  }
});

afterAll(async () => {
  await t.close();
});

describe('reports.dashboard (issue 16)', () => {
  it('counts the cases received in the range, by type and channel', async () => {
    const dashboard = await t.callAs(managerViewer, 'reports.dashboard', {});
    expect(dashboard.range).toEqual({ from: '2025-12-01', to: '2026-11-23' });
    expect(dashboard.volume.total.count).toBe(3);
    expect(dashboard.volume.byType.find((row) => row.key === 'billing')?.figure.count).toBe(2);
    expect(dashboard.backlog.total.count).toBe(3);
    const filtered = await t.callAs(managerViewer, 'reports.dashboard', { types: ['billing'], departments: ['Warehouse'] });
    expect(filtered.volume.total.caseIds).toEqual([created[0]]);
    const byProduct = await t.callAs(managerViewer, 'reports.dashboard', { products: [phoneComplaint.product] });
    expect(byProduct.volume.total.count).toBe(3);
    expect((await t.callAs(managerViewer, 'reports.dashboard', { products: ['No such product'] })).volume.total.count).toBe(0);
  });

  it('groups volumes per ISO week when asked: each week drills down to exactly its cases, beside the same week of the previous period', async () => {
    const weekly = await t.callAs(managerViewer, 'reports.dashboard', { from: '2026-10-12', to: '2026-11-15', groupBy: 'week' });
    expect(weekly.volume.grouping).toBe('week');
    expect(weekly.previousRange).toEqual({ from: '2026-09-07', to: '2026-10-11' });
    expect(weekly.volume.periods.map((row) => [row.period, row.current.count, row.previous.count])).toEqual([
      ['2026-W42', 1, 0],
      ['2026-W43', 0, 0],
      ['2026-W44', 0, 0],
      ['2026-W45', 1, 0],
      ['2026-W46', 1, 0],
    ]);
    for (const row of weekly.volume.periods) {
      expect((await t.callAs(managerViewer, 'cases.list', { filters: { caseIds: [...row.current.caseIds] } })).total).toBe(row.current.count);
    }
    expect((await t.callAs(managerViewer, 'reports.dashboard', { from: '2026-10-12', to: '2026-11-15' })).volume.periods.map((row) => row.period)).toEqual([
      '2026-10',
      '2026-11',
    ]);
  });

  it('refuses a grouping other than month or week at its field', async () => {
    expect(await t.failAs(managerViewer, 'reports.dashboard', { groupBy: 'day' })).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'groupBy' }] });
  });

  it('each figure drills down to a case list with exactly its cases (the caseIds filter)', async () => {
    const dashboard = await t.callAs(managerViewer, 'reports.dashboard', {});
    const billing = dashboard.volume.byType.find((row) => row.key === 'billing')?.figure;
    const list = await t.callAs(managerViewer, 'cases.list', { filters: { caseIds: [...(billing?.caseIds ?? [])] } });
    expect(list.total).toBe(billing?.count);
    expect(list.items.map((item) => item.id).sort()).toEqual([...(billing?.caseIds ?? [])].sort());
    // An empty set is no case, not every case.
    expect((await t.callAs(managerViewer, 'cases.list', { filters: { caseIds: [] } })).total).toBe(0);
  });

  it('recomputes after cases change (the cache is emptied on cases.changed)', async () => {
    const before = await t.callAs(managerViewer, 'reports.dashboard', {});
    expect(t.services.reports?.cachedEntries).toBeGreaterThan(0);
    const changed = new Promise<void>((resolve) => {
      const stop = t.services.events.listenAll((channel) => channel === 'cases.changed' && (stop(), resolve()));
    });
    const { caseId } = await t.call('cases.create', {
      ...phoneComplaint,
      complainant: { ...phoneComplaint.complainant, name: 'Late Comer' },
      receivedAt: '2026-11-20T10:00:00.000Z',
    });
    // The change feed publishes cases.changed; the next dashboard (in the same minute) sees the new case.
    await changed;
    expect((await t.callAs(managerViewer, 'reports.dashboard', {})).volume.total.count).toBe(before.volume.total.count + 1);
    created.push(caseId);
  });

  it('is for managers and administrators only', async () => {
    expect((await t.failAs(testViewer('cw', ['caseworker']), 'reports.dashboard', {})).code).toBe('FORBIDDEN');
    expect((await t.failAs(testViewer('clerk', ['clerk']), 'reports.dashboard', {})).code).toBe('FORBIDDEN');
    expect((await t.failAs(null, 'reports.dashboard', {})).code).toBe('UNAUTHENTICATED');
    const admin = await t.callAs(testViewer('admin-only', ['administrator']), 'reports.dashboard', {});
    expect(admin.volume.total.count).toBe(created.length);
  });

  it('refuses a range that ends before it starts, and unknown filters, naming the field', async () => {
    const reversed = await t.failAs(managerViewer, 'reports.dashboard', { from: '2026-11-01', to: '2026-10-01' });
    expect(reversed.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(reversed)).toContain('start_after_end');
    expect((await t.failAs(managerViewer, 'reports.dashboard', { colour: 'red' })).code).toBe('VALIDATION_FAILED');
    expect((await t.failAs(managerViewer, 'reports.dashboard', { from: '2026-13-45' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('reports.exportTable (issue 16: every table to CSV)', () => {
  it('writes an injection-safe CSV (a cell starting with = is not a formula)', async () => {
    const file = await t.callAs(managerViewer, 'reports.exportTable', { name: 'volume-by-type', header: ['Type', 'Cases'], rows: [['=HYPERLINK("x")', '2']] });
    expect(file.name).toBe('volume-by-type.csv');
    const text = Buffer.from(file.dataBase64, 'base64').toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain('"Type","Cases"');
  });

  it('refuses rows that do not match the header and names outside letters, digits and dashes', async () => {
    expect((await t.failAs(managerViewer, 'reports.exportTable', { name: 'x', header: ['A', 'B'], rows: [['1']] })).code).toBe('VALIDATION_FAILED');
    expect((await t.failAs(managerViewer, 'reports.exportTable', { name: '../evil', header: ['A'], rows: [] })).code).toBe('VALIDATION_FAILED');
  });
});

describe('reports.exportTableXlsx (issue 16: every table to XLSX, written by exceljs)', () => {
  it('writes a workbook that exceljs reads back: header, counts as numbers, text (even =…) as text', async () => {
    const file = await t.callAs(managerViewer, 'reports.exportTableXlsx', {
      name: 'volume-by-type',
      title: 'Received by type: [all]',
      header: ['Type', 'Cases', 'On time'],
      rows: [
        ['=HYPERLINK("x")', '2', '50.0%'],
        ['2026', '10', '—'],
      ],
    });
    expect(file).toMatchObject({ name: 'volume-by-type.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(file.dataBase64, 'base64')).buffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Received by type all');
    const values = (sheet?.getSheetValues() ?? []).filter(Boolean).map((row) => (Array.isArray(row) ? row.slice(1) : row));
    expect(values).toEqual([
      ['Type', 'Cases', 'On time'],
      ['=HYPERLINK("x")', 2, '50.0%'],
      ['2026', 10, '—'],
    ]);
    expect(sheet?.getCell('A2').formula).toBeUndefined();
    expect(sheet?.getCell('A2').type).toBe(ExcelJS.ValueType.String);
  });

  it('refuses a ragged table as the CSV export does, and is for managers only', async () => {
    expect((await t.failAs(managerViewer, 'reports.exportTableXlsx', { name: 'x', header: ['A', 'B'], rows: [['1']] })).code).toBe('VALIDATION_FAILED');
    expect((await t.failAs(testViewer('casey', ['caseworker']), 'reports.exportTableXlsx', { name: 'x', header: ['A'], rows: [] })).code).toBe('FORBIDDEN');
  });
});

describe('reports.printPdf (issue 16: the monthly report as a PDF where Electron runs)', () => {
  it('is refused with a translated code where there is no printer (the harness, plain Node), changing nothing', async () => {
    const refused = await t.failAs(managerViewer, 'reports.printPdf', { name: 'monthly-report-2026-11' });
    expect(refused.code).toBe('UNAVAILABLE');
    expect(refused.issues.map((issue) => issue.code)).toEqual(['pdf_not_available']);
    expect((await t.failAs(managerViewer, 'reports.printPdf', { name: '../x' })).code).toBe('VALIDATION_FAILED');
    expect((await t.failAs(testViewer('casey', ['caseworker']), 'reports.printPdf', { name: 'x' })).code).toBe('FORBIDDEN');
  });

  it('returns what the page printer (Electron’s printToPDF adapter) printed, as a named PDF', async () => {
    const domain = t.services.domain!;
    const pdf = new TextEncoder().encode('%PDF-1.7 fake');
    const service = new ReportService(domain, t.clock, () => Promise.resolve(pdf));
    const file = await service.pdf('monthly-report-2026-11');
    expect(file).toMatchObject({ name: 'monthly-report-2026-11.pdf', mimeType: 'application/pdf' });
    expect(Buffer.from(file.dataBase64, 'base64').toString('latin1')).toBe('%PDF-1.7 fake');
  });
});
