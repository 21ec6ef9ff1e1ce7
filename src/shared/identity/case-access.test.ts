import { describe, expect, it } from 'vitest';
import type { StaffRole } from '../domain/vocabulary';
import { caseAccess, canFindCase, canOpenCase, canRestrictCase, type CaseAccess, type CaseAccessFacts } from './case-access';
import type { Viewer } from './viewer';

const viewer = (accountId: string, roles: StaffRole[], departments: string[] = []): Viewer => ({ accountId, name: accountId, roles, departments });

const VIEWERS = {
  manager: viewer('mona', ['manager']),
  administrator: viewer('ada', ['administrator']),
  caseworkerBilling: viewer('cas', ['caseworker'], ['billing']),
  caseworkerNoDepartment: viewer('cid', ['caseworker']),
  clerk: viewer('cleo', ['clerk'], ['billing']),
  clerkAndCaseworker: viewer('cora', ['clerk', 'caseworker'], ['billing']),
  noRoles: viewer('nora', [], ['billing']),
} as const;

const CASES = {
  /** Assigned to cid, involving billing. */
  billingAssignedToCid: { assigneeId: 'cid', departments: ['billing'], restricted: false, restrictedTo: [] },
  /** Unassigned, involving sales only. */
  salesUnassigned: { assigneeId: '', departments: ['sales'], restricted: false, restrictedTo: [] },
  /** Billing, restricted to cid and mona. */
  restrictedToCidAndMona: { assigneeId: 'cas', departments: ['billing'], restricted: true, restrictedTo: ['cid', 'mona'] },
  /** Restricted to the clerk only (a letter still has to reach it). */
  restrictedToCleo: { assigneeId: '', departments: [], restricted: true, restrictedTo: ['cleo'] },
} satisfies Record<string, CaseAccessFacts>;

type ViewerName = keyof typeof VIEWERS;
type CaseName = keyof typeof CASES;

/** P-7.1, the whole table: every viewer × every case. */
const EXPECTED: Record<ViewerName, Record<CaseName, CaseAccess>> = {
  manager: { billingAssignedToCid: 'full', salesUnassigned: 'full', restrictedToCidAndMona: 'full', restrictedToCleo: 'none' },
  administrator: { billingAssignedToCid: 'full', salesUnassigned: 'full', restrictedToCidAndMona: 'none', restrictedToCleo: 'none' },
  caseworkerBilling: { billingAssignedToCid: 'full', salesUnassigned: 'none', restrictedToCidAndMona: 'none', restrictedToCleo: 'none' },
  caseworkerNoDepartment: { billingAssignedToCid: 'full', salesUnassigned: 'none', restrictedToCidAndMona: 'full', restrictedToCleo: 'none' },
  clerk: { billingAssignedToCid: 'post-room', salesUnassigned: 'post-room', restrictedToCidAndMona: 'none', restrictedToCleo: 'post-room' },
  clerkAndCaseworker: { billingAssignedToCid: 'full', salesUnassigned: 'post-room', restrictedToCidAndMona: 'none', restrictedToCleo: 'none' },
  noRoles: { billingAssignedToCid: 'none', salesUnassigned: 'none', restrictedToCidAndMona: 'none', restrictedToCleo: 'none' },
};

describe('P-7.1 need-to-know: who sees a case', () => {
  for (const [viewerName, expected] of Object.entries(EXPECTED) as [ViewerName, Record<CaseName, CaseAccess>][]) {
    for (const [caseName, access] of Object.entries(expected) as [CaseName, CaseAccess][]) {
      it(`${viewerName} × ${caseName} → ${access}`, () => {
        expect(caseAccess(VIEWERS[viewerName], CASES[caseName])).toBe(access);
        expect(canOpenCase(VIEWERS[viewerName], CASES[caseName])).toBe(access === 'full');
        expect(canFindCase(VIEWERS[viewerName], CASES[caseName])).toBe(access !== 'none');
      });
    }
  }

  it('a missing viewer sees nothing, never everything', () => {
    for (const facts of Object.values(CASES)) {
      expect(caseAccess(null, facts)).toBe('none');
      expect(caseAccess(undefined, facts)).toBe('none');
      expect(caseAccess(viewer('', ['manager']), facts)).toBe('none');
    }
  });

  it('an unassigned case is not "assigned" to a viewer with an empty id', () => {
    expect(caseAccess(viewer('', ['caseworker']), CASES.salesUnassigned)).toBe('none');
  });

  it('a case in several departments is seen by a member of any of them', () => {
    const facts: CaseAccessFacts = { assigneeId: '', departments: ['sales', 'billing'], restricted: false, restrictedTo: [] };
    expect(caseAccess(VIEWERS.caseworkerBilling, facts)).toBe('full');
  });

  it('only a manager who can open a case may restrict it or lift the restriction', () => {
    expect(canRestrictCase(VIEWERS.manager, CASES.salesUnassigned)).toBe(true);
    expect(canRestrictCase(VIEWERS.manager, CASES.restrictedToCleo)).toBe(false);
    expect(canRestrictCase(VIEWERS.administrator, CASES.salesUnassigned)).toBe(false);
    expect(canRestrictCase(VIEWERS.caseworkerBilling, CASES.billingAssignedToCid)).toBe(false);
    expect(canRestrictCase(null, CASES.salesUnassigned)).toBe(false);
  });
});
