/**
 * The need-to-know rule (P-7.1, shared/identity/case-access.ts) as query selectors, so lists,
 * counts and searches filter in the query: a page and its count come from the same selector and
 * always agree, and no count reveals a case its reader cannot open. A test proves each selector
 * matches exactly the cases the pure rule grants.
 */
import type { MangoQuerySelector } from 'rxdb';
import { isClerk, seesAllCases, worksCases } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import { DomainError } from '../../shared/domain/domain-error';
import type { CaseDocument } from './collections';

type Selector = MangoQuerySelector<CaseDocument>;

/** What a read needs: the full case (lists, counts, details), or to find it for post (projection). */
export type VisibilityLevel = 'full' | 'find';

function namedOn(accountId: string): Selector {
  return { restricted: true, restrictedTo: { $elemMatch: { $eq: accountId } } } as Selector;
}

/**
 * The cases this viewer sees at this level, as the alternatives of a `$or`; null when the viewer
 * sees none (no viewer, no roles, a clerk asking for full cases).
 */
export function visibilityAlternatives(viewer: Viewer | null | undefined, level: VisibilityLevel): Selector[] | null {
  if (!viewer || viewer.accountId === '') return null;
  const id = viewer.accountId;
  if (level === 'find' && isClerk(viewer)) return [{ restricted: false }, namedOn(id)];
  if (!worksCases(viewer)) return null;
  if (seesAllCases(viewer)) return [{ restricted: false }, namedOn(id)];
  const alternatives: Selector[] = [{ restricted: false, assigneeId: id }];
  if (viewer.departments.length > 0) alternatives.push({ restricted: false, departments: { $in: [...viewer.departments] } } as Selector);
  alternatives.push(namedOn(id));
  return alternatives;
}

/** `selector` narrowed to what the viewer sees; null when the viewer sees nothing at all. */
export function visibleSelector(selector: Selector, viewer: Viewer | null | undefined, level: VisibilityLevel = 'full'): Selector | null {
  const alternatives = visibilityAlternatives(viewer, level);
  if (!alternatives) return null;
  const visible: Selector = { $or: alternatives };
  if (!('$or' in selector)) return { ...selector, ...visible };
  const and = (selector.$and ?? []) as Selector[];
  return { ...selector, $and: [...and, visible] };
}

const assigneeTag = (accountId: string) => `assignee:${accountId}`;
const departmentTag = (department: string) => `department:${department}`;
const namedTag = (accountId: string) => `named:${accountId}`;

/**
 * The storage's row tags of a case (storage/row-tags.ts): who and which departments may see it
 * under P-7.1. Kept in the indexes, so a caseworker's page is read almost as fast as a manager's.
 */
export function caseAccessTags(document: Partial<Pick<CaseDocument, 'assigneeId' | 'departments' | 'restrictedTo'>>): string[] {
  // Every stored row passes through here (a deleted case too): anything unexpected adds no tag.
  const strings = (values: unknown): string[] => (Array.isArray(values) ? values.filter((value): value is string => typeof value === 'string') : []);
  return [
    ...(typeof document.assigneeId === 'string' && document.assigneeId !== '' ? [assigneeTag(document.assigneeId)] : []),
    ...strings(document.departments).map(departmentTag),
    ...strings(document.restrictedTo).map(namedTag),
  ];
}

/**
 * For a viewer who sees only some cases (a caseworker): tags one of which every case they see
 * carries (`caseAccessTags`): they are its assignee or a named person, or it is in one of their
 * departments. The storage skips other rows in the index; the selector still decides. Null for
 * viewers who see all cases, or none.
 */
export function visibilityPrefilter(viewer: Viewer | null | undefined): string[] | null {
  if (!viewer || viewer.accountId === '' || !worksCases(viewer) || seesAllCases(viewer)) return null;
  return [assigneeTag(viewer.accountId), namedTag(viewer.accountId), ...viewer.departments.map(departmentTag)];
}

/** P-7.1: the refusal of a case the caller may not see. Nothing is read further or changed. */
export function caseForbidden(caseId: string): DomainError {
  const message = `You may not see case ${caseId} (need-to-know, P-7.1).`;
  return new DomainError('FORBIDDEN', message, [{ path: 'caseId', code: 'case_not_visible', message }]);
}
