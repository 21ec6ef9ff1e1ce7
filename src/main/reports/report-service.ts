/**
 * Issue 16: the managers' dashboard, computed in the main process from this device's own data (so
 * it works offline). P-7.1: only the cases the viewer may see are counted, through the same
 * visibility selector as the case list, so a drill-down's count equals the figure.
 *
 * Results are cached per viewer, filters and minute, and the cache is emptied whenever cases or
 * settings change (`cases.changed`, `settings.changed`: the calendar moves deadlines).
 */
import type { MangoQuerySelector } from 'rxdb';
import type { CaseRecord, TimelineEntry } from '../../shared/domain/records';
import type { Dashboard, ReportFilters } from '../../shared/domain/reports';
import type { Viewer } from '../../shared/identity/viewer';
import type { Clock } from '../domain/clock';
import type { CaseDocument } from '../domain/collections';
import type { DomainServices } from '../domain/domain-services';
import { visibleSelector } from '../domain/case-visibility';
import { computeDashboard, type Inquiries } from './dashboard';
import type { InquiryAnswered, InquirySent } from './third-parties';
import { resolveRange } from './report-range';
import { dayBookCsv } from '../post-room/day-book-csv';
import { tableXlsx } from './table-xlsx';
import { ReportCache } from './report-cache';
import { DomainError } from '../../shared/domain/domain-error';

type Selector = MangoQuerySelector<CaseDocument>;

/** The port the Electron adapter (src/main/electron/print-to-pdf.ts) fills: the window as PDF bytes. */
export type PagePrinter = () => Promise<Uint8Array>;

/** Enough for a handful of managers each trying a few filters; the oldest entry goes first. */
const CACHE_ENTRIES = 20;

export class ReportService {
  private readonly cache = new ReportCache<Dashboard>(CACHE_ENTRIES);

  constructor(
    private readonly domain: Pick<DomainServices, 'db' | 'queries' | 'settings'>,
    private readonly clock: Clock,
    /** Prints the app's window to PDF (Electron's printToPDF); none where Electron does not run. */
    private readonly printPage: PagePrinter | null = null,
  ) {}

  /** Cases or settings changed: every cached dashboard is stale. */
  invalidate(): void {
    this.cache.invalidate();
  }

  get cachedEntries(): number {
    return this.cache.size;
  }

  async dashboard(filters: ReportFilters, viewer: Viewer | null | undefined): Promise<Dashboard> {
    const now = this.clock.now();
    return this.cache.get([viewer?.accountId ?? null, viewer?.roles ?? [], viewer?.departments ?? [], filters], now, () => this.compute(filters, viewer, now));
  }

  /** A table of the dashboard as CSV (injection-safe, as the day book). */
  csv(name: string, header: readonly string[], rows: readonly (readonly string[])[]): { name: string; mimeType: string; dataBase64: string } {
    return { name: `${name}.csv`, mimeType: 'text/csv', dataBase64: dayBookCsv(header, rows).toString('base64') };
  }

  /** The printable report shown in the window, as a PDF; refused (pdf_not_available) without Electron's printer. */
  async pdf(name: string): Promise<{ name: string; mimeType: string; dataBase64: string }> {
    if (!this.printPage)
      throw new DomainError('UNAVAILABLE', 'A PDF can only be printed where Electron runs.', [
        { path: '', code: 'pdf_not_available', message: 'A PDF can only be printed where Electron runs.' },
      ]);
    return { name: `${name}.pdf`, mimeType: 'application/pdf', dataBase64: Buffer.from(await this.printPage()).toString('base64') };
  }

  /** The same table as an XLSX workbook (exceljs). */
  async xlsx(
    name: string,
    title: string,
    header: readonly string[],
    rows: readonly (readonly string[])[],
  ): Promise<{ name: string; mimeType: string; dataBase64: string }> {
    return {
      name: `${name}.xlsx`,
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      dataBase64: (await tableXlsx(title, header, rows)).toString('base64'),
    };
  }

  private async compute(filters: ReportFilters, viewer: Viewer | null | undefined, now: Date): Promise<Dashboard> {
    const calendar = await this.domain.settings.calendar();
    const range = resolveRange(calendar, now, filters.from, filters.to, filters.groupBy);
    const cases = await this.casesFor(filters, viewer);
    return computeDashboard(cases, { calendar, now, range }, await this.inquiriesOf(cases.map((record) => record.id)));
  }

  /** The third-party inquiries of these cases and their answers, from the timeline. */
  private async inquiriesOf(caseIds: readonly string[]): Promise<Inquiries> {
    if (caseIds.length === 0) return { sent: [], answered: [] };
    const entries = await this.domain.db.timeline.find({ selector: { caseId: { $in: [...caseIds] }, kind: { $in: ['inquiry', 'inquiry-response'] } } }).exec();
    const sent: InquirySent[] = [];
    const answered: InquiryAnswered[] = [];
    for (const document of entries) {
      const entry = document.toJSON() as TimelineEntry;
      if (entry.kind === 'inquiry')
        sent.push({ caseId: entry.caseId, inquiryId: entry.data.inquiryId, partyKind: entry.data.partyKind, at: entry.at, dueAt: entry.data.dueAt });
      if (entry.kind === 'inquiry-response') answered.push({ inquiryId: entry.data.inquiryId, at: entry.at });
    }
    return { sent, answered };
  }

  /** Every case matching the filters (any date) that the viewer may see. */
  private async casesFor(filters: ReportFilters, viewer: Viewer | null | undefined): Promise<CaseRecord[]> {
    const base = await this.domain.queries.selectorFor({
      ...(filters.types ? { types: filters.types } : {}),
      ...(filters.channels ? { channels: filters.channels } : {}),
      ...(filters.stages ? { stages: filters.stages } : {}),
      ...(filters.assigneeIds ? { assigneeIds: filters.assigneeIds } : {}),
    });
    const withDepartments: Selector = filters.departments?.length ? ({ ...base, departments: { $in: [...filters.departments] } } as Selector) : base;
    const withProducts: Selector = filters.products?.length ? { ...withDepartments, product: { $in: [...filters.products] } } : withDepartments;
    const selector = visibleSelector(withProducts, viewer);
    if (!selector) return [];
    const documents = await this.domain.db.cases.find({ selector }).exec();
    return documents.map((document) => document.toJSON() as CaseDocument);
  }
}
