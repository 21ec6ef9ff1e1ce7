/** `reports.*`: the managers' dashboard (issue 16). */
import type { ReportService } from '../../reports/report-service';
import type { ApiHandlers } from '../dispatcher';

type Methods = Exclude<Extract<keyof ApiHandlers, `reports.${string}`>, 'reports.recurrence'>;

export function reportHandlers(reports: () => ReportService): Pick<ApiHandlers, Methods> {
  return {
    'reports.dashboard': (input, context) => reports().dashboard(input, context.viewer),
    'reports.exportTable': (input) => reports().csv(input.name, input.header, input.rows),
    'reports.printPdf': (input) => reports().pdf(input.name),
    'reports.exportTableXlsx': (input) => reports().xlsx(input.name, input.title ?? input.name, input.header, input.rows),
  };
}
