/** `cases.*`: the complaint domain's commands and queries. */
import type { DomainServices } from '../../domain/domain-services';
import type { ApiHandlers } from '../dispatcher';

type CaseMethods = Extract<keyof ApiHandlers, `cases.${string}`>;

export function caseHandlers(domain: () => DomainServices): Pick<ApiHandlers, CaseMethods> {
  const detail = async (caseId: string) => domain().queries.get(caseId);
  return {
    'cases.create': (input) => domain().cases.create(input),
    'cases.get': (input) => detail(input.caseId),
    'cases.list': (input) => domain().queries.list(input),
    'cases.count': (input) => domain().queries.count(input),
    'cases.updateDetails': async (input) => (await domain().cases.updateDetails(input), detail(input.caseId)),
    'cases.assign': async (input) => (await domain().cases.assign(input), detail(input.caseId)),
    'cases.act': async (input) => (await domain().cases.act(input), detail(input.caseId)),
    'cases.addNote': async (input) => (await domain().cases.addNote(input), detail(input.caseId)),
    'cases.addCommunication': async (input) => (await domain().cases.addCommunication(input), detail(input.caseId)),
    'cases.quickSearch': (input) => domain().queries.quickSearch(input.query, input.limit),
    'cases.findDuplicates': (input) => domain().queries.findPossibleDuplicates(input),
  };
}
