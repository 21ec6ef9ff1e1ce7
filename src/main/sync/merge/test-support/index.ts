/**
 * The documents the conflict-policy tests merge (issue 12: one home): two members of staff, a
 * received case, a local edit stamped as the case service stamps it, and an outgoing letter.
 */
import type { StaffRef } from '@shared/domain/records';
import { stampChangedGroups } from '@main/domain/case-field-groups';
import type { CaseDocument } from '@main/domain/collections';
import { receivedCaseState } from '@main/domain/received-case';
import type { LetterDocument } from '@main/post-room/letters-collection';

export const ann: StaffRef = { id: 'staff-ann', name: 'Ann' };
export const bob: StaffRef = { id: 'staff-bob', name: 'Bob' };

/** Case 7KQ2-0001-X, received by e-mail on 20 November 2026 and not yet acknowledged. */
export const baseCase: CaseDocument = {
  id: 'case-1',
  reference: '7KQ2-0001-X',
  complainant: {
    kind: 'customer',
    name: 'Jānis Bērziņš',
    email: 'janis@example.lv',
    phone: '',
    address: null,
    preferredChannel: 'email',
    customerNumber: '',
    orderNumber: '',
  },
  complainantSortName: 'janis berzins',
  channel: 'email',
  receivedAt: '2026-11-20T09:00:00.000Z',
  loggedAt: '2026-11-20T09:05:00.000Z',
  loggedBy: ann,
  type: 'product',
  product: '',
  summary: 'Monitor broke',
  description: '',
  desiredOutcome: '',
  ...receivedCaseState('2026-11-20T09:00:00.000Z'),
  open: true,
  assignee: null,
  assigneeId: '',
  assigneeName: '',
  departments: ['Warehouse'],
  restricted: false,
  restrictedTo: [],
  deadlines: [],
  nextDeadlineKind: null,
  nextDueAt: 0,
  nextWarnAt: 0,
  relatedCaseIds: [],
  createdAt: '2026-11-20T09:05:00.000Z',
  updatedAt: '2026-11-20T09:05:00.000Z',
  updatedBy: ann,
  fieldVersions: {},
};

/** A local edit as the case service makes it: changed groups stamped with the time and actor. */
export function edit(from: CaseDocument, changes: Partial<CaseDocument>, at: string, by: StaffRef): CaseDocument {
  return stampChangedGroups(from, { ...from, ...changes, updatedAt: at, updatedBy: by } as CaseDocument, { at, by });
}

/** The acknowledgement letter of case-1, finalised and not posted. */
export const outgoingLetter = {
  id: 'letter-1',
  direction: 'out',
  caseId: 'case-1',
  caseReference: '7KQ2-0001-X',
  receivedOn: null,
  letterDate: null,
  party: { name: 'Jānis', addressLines: [], postcode: '', country: 'LV' },
  referenceQuoted: '',
  kind: null,
  routedTo: '',
  note: '',
  summary: 'Acknowledgement',
  files: [],
  template: 'acknowledgement',
  language: 'en-GB',
  text: 'Dear…',
  finalisedAt: '2026-11-21T09:00:00.000Z',
  posting: null,
  postedOn: '',
  batchId: '',
  loggedAt: '2026-11-21T09:00:00.000Z',
  loggedBy: ann,
  voided: false,
} as LetterDocument;

/** `letter` with a posting logged by `by` at `at`. */
export function posted(letter: LetterDocument, by: StaffRef, at: string, tracking: string): LetterDocument {
  return {
    ...letter,
    posting: { postedOn: at.slice(0, 10), postClass: 'signed-for', trackingNumber: tracking, loggedAt: at, loggedBy: by },
    postedOn: at.slice(0, 10),
  };
}
