/**
 * Need-to-know (P-7.1): who sees a case, and how much of it. One pure rule, used by every read
 * path in the main process (as a predicate here, and as the equivalent query selector in
 * `src/main/domain/case-visibility.ts`) and by the renderer to decide what to offer.
 *
 * - Managers and administrators see every case in full.
 * - A caseworker sees in full the cases assigned to them and those of their departments.
 * - A clerk sees a post-room projection of a case (reference, complainant name, status), enough to
 *   attach post to it, never its details, notes or timeline.
 * - A **restricted** case (e.g. a complaint about a member of staff) is narrowed to the people
 *   named on it. Everybody else sees nothing of it, managers and administrators included: the
 *   complaint may be about one of them, and P-7.1 gives access only to staff involved in
 *   resolving it. A named person sees it in full if they work cases (caseworker, manager or
 *   administrator) and as the post-room projection if they are only a clerk. The manager who
 *   restricts a case is always named, so someone can lift it.
 * - Nobody (no viewer, or a viewer with no roles) sees anything: a missing viewer never means
 *   "sees everything".
 */
import type { StaffRole } from '../domain/vocabulary';
import type { Viewer } from './viewer';

/** How much of a case a viewer may see, from least to most. */
export type CaseAccess = 'none' | 'post-room' | 'full';

/** The fields of a case the rule reads. */
export interface CaseAccessFacts {
  readonly assigneeId: string;
  readonly departments: readonly string[];
  readonly restricted: boolean;
  /** Account ids of the people a restricted case is narrowed to. */
  readonly restrictedTo: readonly string[];
}

const SEES_ALL: readonly StaffRole[] = ['manager', 'administrator'];
const WORKS_CASES: readonly StaffRole[] = ['caseworker', 'manager', 'administrator'];

function holds(viewer: Viewer, roles: readonly StaffRole[]): boolean {
  return viewer.roles.some((role) => roles.includes(role));
}

export function seesAllCases(viewer: Viewer | null | undefined): boolean {
  return !!viewer && holds(viewer, SEES_ALL);
}

export function worksCases(viewer: Viewer | null | undefined): boolean {
  return !!viewer && holds(viewer, WORKS_CASES);
}

export function isClerk(viewer: Viewer | null | undefined): boolean {
  return !!viewer && viewer.roles.includes('clerk');
}

/** P-7.1: how much of this case this viewer may see. */
export function caseAccess(viewer: Viewer | null | undefined, facts: CaseAccessFacts): CaseAccess {
  if (!viewer || viewer.accountId === '') return 'none';
  if (facts.restricted) {
    if (!facts.restrictedTo.includes(viewer.accountId)) return 'none';
    if (worksCases(viewer)) return 'full';
    return isClerk(viewer) ? 'post-room' : 'none';
  }
  if (seesAllCases(viewer)) return 'full';
  if (holds(viewer, ['caseworker'])) {
    if (facts.assigneeId !== '' && facts.assigneeId === viewer.accountId) return 'full';
    if (facts.departments.some((department) => viewer.departments.includes(department))) return 'full';
  }
  return isClerk(viewer) ? 'post-room' : 'none';
}

export function canOpenCase(viewer: Viewer | null | undefined, facts: CaseAccessFacts): boolean {
  return caseAccess(viewer, facts) === 'full';
}

/** Sees at least the post-room projection: may find the case to attach post to it. */
export function canFindCase(viewer: Viewer | null | undefined, facts: CaseAccessFacts): boolean {
  return caseAccess(viewer, facts) !== 'none';
}

/** Who may restrict a case or lift the restriction: a manager who can see it (P-7.1). */
export function canRestrictCase(viewer: Viewer | null | undefined, facts: CaseAccessFacts): boolean {
  return !!viewer && viewer.roles.includes('manager') && canOpenCase(viewer, facts);
}
