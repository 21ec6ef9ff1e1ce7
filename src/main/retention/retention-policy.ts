/**
 * Issue 14 (P-7.2): which closed cases are past retention. Pure: a case's final outcome (the
 * stage-2 outcome when it went to stage 2, else stage 1's, else `none`), its closing time and the
 * policy's years for that outcome decide; an anonymised or open case is never due.
 */
import { addYears } from 'date-fns';
import { RETENTION_OUTCOMES, type DueCase, type RetentionOutcome, type RetentionPolicy } from '../../shared/domain/retention';
import type { CaseDocument } from '../domain/collections';
import { isAnonymised } from '../erasure/redaction';

export function finalOutcome(record: Pick<CaseDocument, 'resolution' | 'stage2Resolution'>): RetentionOutcome {
  const outcome = record.stage2Resolution?.outcome ?? record.resolution?.outcome ?? 'none';
  return (RETENTION_OUTCOMES as readonly string[]).includes(outcome) ? outcome : 'none';
}

/** When the case's retention ends, or null when it has none running (open, or already anonymised). */
export function retentionEnds(record: CaseDocument, policy: RetentionPolicy): Date | null {
  if (record.open || record.closedAt === null || isAnonymised(record)) return null;
  const closed = Date.parse(record.closedAt);
  if (!Number.isFinite(closed)) return null;
  return addYears(new Date(closed), policy.years[finalOutcome(record)]);
}

export function dueCase(record: CaseDocument, policy: RetentionPolicy, now: Date): DueCase | null {
  const ends = retentionEnds(record, policy);
  if (!ends || ends.getTime() > now.getTime() || record.closedAt === null) return null;
  return {
    caseId: record.id,
    reference: record.reference,
    type: record.type,
    outcome: finalOutcome(record),
    closedAt: record.closedAt,
    dueSince: ends.toISOString(),
  };
}
