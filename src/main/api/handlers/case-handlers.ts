/** `cases.*`: the complaint domain's commands and queries. */
import type { DomainServices } from '../../domain/domain-services';
import { can } from '../../../shared/identity/permissions';
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
    // Someone who may not open cases (a clerk) sees what attaching post needs: reference, complainant name, status.
    'cases.quickSearch': async (input, context) => {
      const found = await domain().queries.quickSearch(input.query, input.limit);
      return can(context.viewer, 'cases.get') ? found : { ...found, hits: found.hits.map((hit) => ({ ...hit, summary: '' })) };
    },
    'cases.findDuplicates': async (input, context) => {
      const found = await domain().queries.findPossibleDuplicates(input);
      if (can(context.viewer, 'cases.get')) return found;
      return found.map((item) => ({ ...item, type: '', assignee: null, nextDeadline: null, openInquiries: 0, extensionWithoutNotice: false, receivedAt: '', updatedAt: '' }));
    },
  };
}
