/** The workflow state every case starts in when it is logged (P-3.2): stage 1, received, nothing done yet. */
import type { CaseDocument } from './collections';

type ReceivedState = Pick<
  CaseDocument,
  | 'stage'
  | 'status'
  | 'thirdParties'
  | 'clock'
  | 'acknowledgement'
  | 'resolution'
  | 'escalation'
  | 'stage2Resolution'
  | 'rootCauseId'
  | 'rootCauseNote'
  | 'lessonsLearned'
  | 'closedAt'
  | 'externalReferral'
  | 'extensions'
  | 'openInquiries'
  | 'resumeStatus'
>;

export function receivedCaseState(receivedAt: string): ReceivedState {
  return {
    stage: 1,
    status: 'received',
    thirdParties: [],
    clock: { receivedAt },
    acknowledgement: null,
    resolution: null,
    escalation: null,
    stage2Resolution: null,
    rootCauseId: null,
    rootCauseNote: '',
    lessonsLearned: '',
    closedAt: null,
    externalReferral: null,
    extensions: [],
    openInquiries: [],
    resumeStatus: null,
  };
}
