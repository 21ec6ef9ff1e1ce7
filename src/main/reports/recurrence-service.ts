/**
 * Issue 16, P-5.3: the recurrence report for a viewer, from this device's data (works offline).
 * Only the cases the viewer may open are counted (P-7.1, the case list's own selector), so each
 * figure's drill-down shows as many cases as it counts. Cached like the dashboard (report-cache.ts):
 * per viewer and minute, emptied when cases change (a cause recorded) or settings do (an action
 * saved, the calendar).
 */
import type { RecurrenceReport } from '../../shared/domain/recurrence';
import type { Viewer } from '../../shared/identity/viewer';
import type { Clock } from '../domain/clock';
import type { CaseDocument } from '../domain/collections';
import type { DomainServices } from '../domain/domain-services';
import { visibleSelector } from '../domain/case-visibility';
import { recurrenceReport, type RecurrenceCase } from './recurrence';
import { ReportCache } from './report-cache';

/** One report per viewer; a handful of managers. */
const CACHE_ENTRIES = 10;

export class RecurrenceReports {
  private readonly cache = new ReportCache<RecurrenceReport>(CACHE_ENTRIES);

  constructor(
    private readonly domain: Pick<DomainServices, 'db' | 'settings' | 'improvements'>,
    private readonly clock: Clock,
  ) {}

  /** Cases or settings changed: every cached report is stale. */
  invalidate(): void {
    this.cache.invalidate();
  }

  get cachedEntries(): number {
    return this.cache.size;
  }

  report(viewer: Viewer | null | undefined): Promise<RecurrenceReport> {
    const now = this.clock.now();
    return this.cache.get([viewer?.accountId ?? null, viewer?.roles ?? [], viewer?.departments ?? []], now, () => this.compute(viewer, now));
  }

  private async compute(viewer: Viewer | null | undefined, now: Date): Promise<RecurrenceReport> {
    const actions = await this.domain.improvements.list();
    const causeIds = [...new Set(actions.filter((action) => action.status === 'completed').flatMap((action) => action.rootCauseIds))];
    const calendar = await this.domain.settings.calendar();
    const selector = causeIds.length === 0 ? null : visibleSelector({ rootCauseId: { $in: causeIds } }, viewer);
    const cases: RecurrenceCase[] = selector
      ? (await this.domain.db.cases.find({ selector }).exec()).map((document) => {
          const record = document.toJSON() as CaseDocument;
          return { id: record.id, receivedAt: record.receivedAt, rootCauseId: record.rootCauseId };
        })
      : [];
    return recurrenceReport(cases, actions, calendar, now);
  }
}
