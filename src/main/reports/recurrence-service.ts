/**
 * Issue 16, P-5.3: the recurrence report for a viewer, from this device's data (works offline).
 * Only the cases the viewer may open are counted (P-7.1, the case list's own selector), so each
 * figure's drill-down shows as many cases as it counts.
 */
import type { RecurrenceReport } from '../../shared/domain/recurrence';
import type { Viewer } from '../../shared/identity/viewer';
import type { Clock } from '../domain/clock';
import type { CaseDocument } from '../domain/collections';
import type { DomainServices } from '../domain/domain-services';
import { visibleSelector } from '../domain/case-visibility';
import { recurrenceReport, type RecurrenceCase } from './recurrence';

export class RecurrenceReports {
  constructor(
    private readonly domain: Pick<DomainServices, 'db' | 'settings' | 'improvements'>,
    private readonly clock: Clock,
  ) {}

  async report(viewer: Viewer | null | undefined): Promise<RecurrenceReport> {
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
    return recurrenceReport(cases, actions, calendar, this.clock.now());
  }
}
