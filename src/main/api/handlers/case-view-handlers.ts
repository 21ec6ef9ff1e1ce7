/** `caseViews.*`: the saved case views of the person using this device. */
import type { CaseViewService } from '../../domain/case-views/case-view-service';
import type { ApiHandlers } from '../dispatcher';

type CaseViewMethods = Extract<keyof ApiHandlers, `caseViews.${string}`>;

export function caseViewHandlers(views: () => CaseViewService): Pick<ApiHandlers, CaseViewMethods> {
  return {
    'caseViews.list': () => views().list(),
    'caseViews.save': (input) => views().save(input),
    'caseViews.remove': (input) => views().remove(input.id),
    'caseViews.import': (input) => views().import(input),
  };
}
