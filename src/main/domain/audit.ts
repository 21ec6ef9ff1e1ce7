/**
 * The audit trail: one entry per changed field (who, when, field, before, after). Nested objects
 * are compared leaf by leaf ('complainant.email'); derived and bookkeeping fields are left out
 * because they only restate changes already recorded.
 */
import type { CaseDocument } from './collections';

const NOT_AUDITED = new Set([
  'deadlines',
  'nextDeadlineKind',
  'nextDueAt',
  'nextWarnAt',
  'open',
  'assigneeId',
  'assigneeName',
  'complainantSortName',
  'updatedAt',
  'updatedBy',
  'fieldVersions',
  '_meta',
  '_rev',
  '_attachments',
  '_deleted',
]);

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function diff(before: unknown, after: unknown, path: string, out: FieldChange[]): void {
  if (same(before, after)) return;
  if (isPlainObject(before) && isPlainObject(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) diff(before[key], after[key], `${path}.${key}`, out);
    return;
  }
  out.push({ field: path, before: before ?? null, after: after ?? null });
}

export function auditChanges(before: Partial<CaseDocument>, after: Partial<CaseDocument>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    if (NOT_AUDITED.has(key)) continue;
    diff((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], key, changes);
  }
  return changes;
}
