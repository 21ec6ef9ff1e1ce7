/** What every section of the dashboard is computed against. */
import type { WorkingCalendar } from '../../shared/sla';
import type { ResolvedRange } from './report-range';

export interface ReportContext {
  readonly calendar: WorkingCalendar;
  readonly now: Date;
  readonly range: ResolvedRange;
}
