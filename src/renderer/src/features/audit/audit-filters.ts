/**
 * The audit view's filters as typed (dates as dd/mm/yyyy, like the register) and the API input
 * they become; a date that is not a real one is named, and nothing is asked until it is fixed.
 */
import type { ApiInput } from '@shared/api/contract';
import type { TimelineKind } from '@shared/domain/vocabulary';
import { AUDIT_PAGE_SIZE } from '@shared/domain/audit-trail';
import { parseTypedDate } from '../../common/typed-date';

export interface AuditFilters {
  readonly personId: string | null;
  readonly kinds: readonly TimelineKind[];
  readonly from: string;
  readonly to: string;
  /** 1-based. */
  readonly page: number;
}

export const NO_AUDIT_FILTERS: AuditFilters = { personId: null, kinds: [], from: '', to: '', page: 1 };

/** The query for these filters, or the typed dates that are not dates. */
export function auditQuery(filters: AuditFilters): { input: ApiInput<'cases.auditTrail'> } | { badDates: ('from' | 'to')[] } {
  const from = filters.from.trim() === '' ? undefined : parseTypedDate(filters.from);
  const to = filters.to.trim() === '' ? undefined : parseTypedDate(filters.to);
  const badDates = [...(from === null ? (['from'] as const) : []), ...(to === null ? (['to'] as const) : [])];
  if (badDates.length > 0) return { badDates };
  return {
    input: {
      ...(filters.personId ? { personId: filters.personId } : {}),
      kinds: [...filters.kinds],
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      offset: (filters.page - 1) * AUDIT_PAGE_SIZE,
      limit: AUDIT_PAGE_SIZE,
    },
  };
}
