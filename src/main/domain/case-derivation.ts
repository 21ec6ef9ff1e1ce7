/**
 * Fields of a case derived from the others, recomputed on every write so they can be indexed
 * and queried: deadlines (SLA engine), the next running deadline, open/closed, sort keys.
 */
import { computeDeadlines, nextRunningDeadline, type SlaPolicy, type WorkingCalendar } from '../../shared/sla';
import type { CaseDocument } from './collections';
import { NO_DEADLINE } from './collections';

export function sortableName(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim().slice(0, 200);
}

type Derived = Pick<
  CaseDocument,
  'deadlines' | 'nextDeadlineKind' | 'nextDueAt' | 'nextWarnAt' | 'open' | 'assigneeId' | 'assigneeName' | 'complainantSortName'
>;

export function deriveCaseFields(record: Omit<CaseDocument, keyof Derived>, calendar: WorkingCalendar, policy: SlaPolicy): Derived {
  const open = record.status !== 'closed';
  const deadlines = computeDeadlines(calendar, policy, record.clock);
  const next = open ? nextRunningDeadline(deadlines) : null;
  return {
    deadlines,
    nextDeadlineKind: next?.kind ?? null,
    nextDueAt: next ? Math.min(Date.parse(next.dueAt), NO_DEADLINE) : NO_DEADLINE,
    nextWarnAt: next ? Math.min(Date.parse(next.warnAt), NO_DEADLINE) : NO_DEADLINE,
    open,
    assigneeId: record.assignee?.id ?? '',
    assigneeName: record.assignee ? sortableName(record.assignee.name) : '',
    complainantSortName: sortableName(record.complainant.name),
  };
}

export function withDerivedFields(record: Omit<CaseDocument, keyof Derived> & Partial<Derived>, calendar: WorkingCalendar, policy: SlaPolicy): CaseDocument {
  return { ...record, ...deriveCaseFields(record, calendar, policy) };
}
