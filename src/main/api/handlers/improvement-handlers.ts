/** `improvementActions.*` and `reports.recurrence` (issue 16, P-5.3). The actor is the signed-in account. */
import type { DomainServices } from '../../domain/domain-services';
import type { RecurrenceReports } from '../../reports/recurrence-service';
import { signedIn, type ApiHandlers } from '../dispatcher';

type Methods = Extract<keyof ApiHandlers, `improvementActions.${string}` | 'reports.recurrence'>;

export function improvementHandlers(domain: () => DomainServices, recurrence: () => RecurrenceReports): Pick<ApiHandlers, Methods> {
  return {
    'improvementActions.list': () => domain().improvements.list(),
    'improvementActions.save': (input, context) => {
      const viewer = signedIn(context);
      return domain().improvements.save(input, { id: viewer.accountId, name: viewer.name });
    },
    'improvementActions.mine': (_input, context) => domain().improvements.dueFor(signedIn(context).accountId),
    'reports.recurrence': (_input, context) => recurrence().report(context.viewer),
  };
}
