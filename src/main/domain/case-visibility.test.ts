/**
 * P-7.1: the query selectors grant exactly what the pure need-to-know rule grants, for every
 * viewer × case of a table that covers each branch of the rule.
 */
import { fillWithDefaultSettings, getQueryMatcher, normalizeMangoQuery, type MangoQuery, type MangoQuerySelector, type RxDocumentData } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { caseAccess, type CaseAccessFacts } from '../../shared/identity/case-access';
import type { Viewer } from '../../shared/identity/viewer';
import type { StaffRole } from '../../shared/domain/vocabulary';
import { caseSchema, type CaseDocument } from './collections';
import { caseAccessTags, visibilityPrefilter, visibleSelector, type VisibilityLevel } from './case-visibility';

const viewer = (accountId: string, roles: StaffRole[], departments: string[] = []): Viewer => ({ accountId, name: accountId, roles, departments });

const VIEWERS: (Viewer | null)[] = [
  null,
  viewer('mona', ['manager']),
  viewer('ada', ['administrator']),
  viewer('cas', ['caseworker'], ['billing']),
  viewer('cid', ['caseworker']),
  viewer('cleo', ['clerk'], ['billing']),
  viewer('cora', ['clerk', 'caseworker'], ['billing', 'sales']),
  viewer('nora', [], ['billing']),
];

const FACTS: CaseAccessFacts[] = [
  { assigneeId: 'cid', departments: ['billing'], restricted: false, restrictedTo: [] },
  { assigneeId: '', departments: ['sales'], restricted: false, restrictedTo: [] },
  { assigneeId: '', departments: [], restricted: false, restrictedTo: [] },
  { assigneeId: 'cas', departments: ['billing'], restricted: true, restrictedTo: ['cid', 'mona'] },
  { assigneeId: '', departments: [], restricted: true, restrictedTo: ['cleo'] },
  { assigneeId: 'cora', departments: ['sales'], restricted: true, restrictedTo: [] },
];

const schema = fillWithDefaultSettings(caseSchema);

function matches(selector: MangoQuerySelector<CaseDocument>, facts: CaseAccessFacts): boolean {
  const query: MangoQuery<CaseDocument> = { selector };
  const document = { id: 'c', open: true, ...facts } as unknown as RxDocumentData<CaseDocument>;
  return getQueryMatcher(schema, normalizeMangoQuery(schema, query))(document);
}

describe('P-7.1 need-to-know in the query', () => {
  for (const level of ['full', 'find'] as VisibilityLevel[]) {
    it(`the ${level} selector matches exactly the cases the rule grants, for every viewer × case`, () => {
      for (const who of VIEWERS) {
        const selector = visibleSelector({ open: true }, who, level);
        for (const facts of FACTS) {
          const access = caseAccess(who, facts);
          const granted = level === 'full' ? access === 'full' : access !== 'none';
          const label = `${who?.accountId ?? 'nobody'} × ${JSON.stringify(facts)}`;
          expect(selector === null ? false : matches(selector, facts), label).toBe(granted);
        }
      }
    });
  }

  it('keeps the filters: the narrowing is added, never replacing a condition', () => {
    const filters: MangoQuerySelector<CaseDocument> = { status: 'received', $or: [{ open: true }] };
    const selector = visibleSelector(filters, viewer('cas', ['caseworker'], ['billing']));
    expect(selector).toMatchObject({ status: 'received', $or: [{ open: true }] });
    expect(selector?.$and).toHaveLength(1);
  });

  it('the row tags are a necessary condition: every case a caseworker may open carries one of their tags', () => {
    for (const who of VIEWERS) {
      const prefilter = visibilityPrefilter(who);
      if (prefilter === null) continue;
      for (const facts of FACTS) {
        const carries = caseAccessTags(facts).some((tag) => prefilter.includes(tag));
        if (caseAccess(who, facts) === 'full') expect(carries, `${who?.accountId ?? 'nobody'} × ${JSON.stringify(facts)}`).toBe(true);
      }
    }
    // And it narrows: a case of another department, assigned to someone else, carries none.
    expect(caseAccessTags(FACTS[1] as CaseAccessFacts).some((tag) => visibilityPrefilter(viewer('cas', ['caseworker'], ['billing']))?.includes(tag))).toBe(
      false,
    );
  });

  it('managers and administrators are never prefiltered (they see every case)', () => {
    expect(visibilityPrefilter(viewer('mona', ['manager']))).toBeNull();
    expect(visibilityPrefilter(viewer('ada', ['administrator']))).toBeNull();
  });

  it('odd stored values add no tag and never throw', () => {
    const odd = JSON.parse('{"assigneeId":"","departments":[7,"sales",null],"restrictedTo":"cid"}') as Parameters<typeof caseAccessTags>[0];
    expect(caseAccessTags(odd)).toEqual(['department:sales']);
  });
});
