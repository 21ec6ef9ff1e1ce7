/** `cases.*`: the complaint domain's commands and queries. */
import type { DomainServices } from '../../domain/domain-services';
import type { AccessLog } from '../../domain/access-log/access-log';
import type { CaseAttachments } from '../../post-room/case-attachments';
import { recordAcknowledgementByTelephone } from '../../domain/acknowledgement-delivery';
import { exportCaseList } from '../../reports/case-list-export';
import { signedIn, type ApiHandlers, type CallContext } from '../dispatcher';

type CaseMethods = Extract<keyof ApiHandlers, `cases.${string}`>;

export function caseHandlers(domain: () => DomainServices, accessLog: () => AccessLog, attachments: () => CaseAttachments): Pick<ApiHandlers, CaseMethods> {
  // P-7.1: every read answers for the caller's viewer; none (signed out) sees nothing.
  const detail = async (caseId: string, context: CallContext) => domain().queries.open(caseId, context.viewer);
  // A write to a case the caller may not open is refused before anything is written.
  const canOpen = (caseId: string, context: CallContext) => domain().queries.assertCanOpen(caseId, context.viewer);
  return {
    // Issue 18: a complaint, note or communication is stored with its files (checked as scans are), all or nothing.
    'cases.create': (input) => attachments().create(input),
    // P-7.2: opening a case's details is logged (once per visit).
    'cases.get': async (input, context) => {
      const opened = await detail(input.caseId, context);
      await accessLog().record(context.viewer, 'opened', [{ id: opened.case.id, reference: opened.case.reference }]);
      return opened;
    },
    'cases.list': (input, context) => domain().queries.list(input, context.viewer),
    'cases.count': (input, context) => domain().queries.count(input, context.viewer),
    'cases.updateDetails': async (input, context) => (
      await canOpen(input.caseId, context),
      await domain().cases.updateDetails(input),
      detail(input.caseId, context)
    ),
    'cases.assign': async (input, context) => (await canOpen(input.caseId, context), await domain().cases.assign(input), detail(input.caseId, context)),
    'cases.act': async (input, context) => (await canOpen(input.caseId, context), await domain().cases.act(input), detail(input.caseId, context)),
    'cases.recordAcknowledgementByTelephone': async (input, context) => (
      await canOpen(input.caseId, context),
      await recordAcknowledgementByTelephone(domain(), input),
      detail(input.caseId, context)
    ),
    'cases.addNote': async (input, context) => (await canOpen(input.caseId, context), await attachments().addNote(input), detail(input.caseId, context)),
    'cases.addCommunication': async (input, context) => (
      await canOpen(input.caseId, context),
      await attachments().addCommunication(input),
      detail(input.caseId, context)
    ),
    'cases.restrict': async (input, context) => (await domain().cases.restrict(input, context.viewer), detail(input.caseId, context)),
    'cases.quickSearch': (input, context) => domain().queries.quickSearch(input.query, input.limit, context.viewer),
    'cases.correspondence': (input, context) => domain().correspondence.forCase(input.caseId, signedIn(context)),
    'cases.markSeen': async (input, context) => (
      await domain().correspondence.markSeen(input.caseId, signedIn(context)),
      domain().correspondence.forCase(input.caseId, signedIn(context))
    ),
    'cases.unread': async (_input, context) => ({ caseIds: await domain().correspondence.unreadCaseIds(signedIn(context)) }),
    'cases.decideCorrespondence': async (input, context) => (await domain().correspondence.decide(input, signedIn(context)), detail(input.caseId, context)),
    'cases.assignMany': async (input, context) => ({ assigned: await domain().cases.assignMany(input, context.viewer) }),
    // P-7.2: every case in an export is logged as exported, with the file's name.
    'cases.export': async (input, context) => {
      const exported = await exportCaseList(domain(), input, context.viewer);
      await accessLog().record(context.viewer, 'exported', exported.cases, exported.file.name);
      return { ...exported.file, rows: exported.cases.length };
    },
    'cases.related': (input, context) => domain().related.list(input.caseId, context.viewer),
    'cases.link': async (input, context) => (await domain().related.link(input, context.viewer), domain().related.list(input.caseId, context.viewer)),
    'cases.findDuplicates': (input, context) => domain().queries.findPossibleDuplicates(input, context.viewer),
    'cases.auditTrail': (input, context) => domain().audit.page(input, context.viewer),
    'cases.contactOffers': (input, context) => domain().contacts.offers(input, context.viewer),
    'cases.updateContact': async (input, context) => ({ fields: await domain().contacts.update(input, context.viewer) }),
  };
}
