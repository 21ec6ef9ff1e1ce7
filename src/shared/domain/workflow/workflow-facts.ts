/** What the workflow looks at to decide which actions a case allows now (P-3, P-4, P-6). */
import type { ExtendableDeadline } from '../../sla';
import type { CaseRecord } from '../records';
import type { CaseStatus } from '../vocabulary';

export type WorkflowFacts = Pick<CaseRecord, 'status' | 'stage' | 'openInquiries' | 'extensions' | 'externalReferral' | 'resumeStatus'>;

// An extension moves a resolution deadline that is running for real, i.e. after acknowledgement
// (before it, the deadline is only provisional).
const STAGE1_WORKING: readonly CaseStatus[] = ['acknowledged', 'investigating', 'awaiting-third-party'];
const STAGE2_WORKING: readonly CaseStatus[] = ['escalation-acknowledged', 'department-head-review', 'awaiting-third-party'];

/** The resolution deadline an extension would move, given the case's stage (P-4.4). */
export function extendableDeadlineOf(facts: Pick<CaseRecord, 'stage' | 'status'>): ExtendableDeadline | null {
  if (facts.stage === 1 && STAGE1_WORKING.includes(facts.status)) return 'stage1Resolution';
  if (facts.stage === 2 && STAGE2_WORKING.includes(facts.status)) return 'stage2Resolution';
  return null;
}
