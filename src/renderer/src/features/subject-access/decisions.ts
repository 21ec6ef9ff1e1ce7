/**
 * Issue 14, subject access: the administrator's decision on each reviewed entry (include, redact
 * or exclude, with a reason), and what `people.export` is sent. A withheld entry without a reason
 * is not sent: the screen asks for the reason first.
 */
import { WITHHELD_CASE_FIELDS, type WithheldCaseField, type WithheldEntry, type WithheldField, type WithheldKind } from '@shared/domain/subject-access';

export type EntryAction = 'include' | 'redact' | 'exclude';

export interface Decision {
  readonly action: EntryAction;
  readonly reason: string;
}

export type Decisions = Readonly<Record<string, Decision>>;

export const INCLUDED: Decision = { action: 'include', reason: '' };

export function decisionKey(kind: WithheldKind, id: string): string {
  return `${kind}:${id}`;
}

export function decisionOf(decisions: Decisions, kind: WithheldKind, id: string): Decision {
  return decisions[decisionKey(kind, id)] ?? INCLUDED;
}

/** A case's field: only included or excluded (left out of the case), with a reason. */
export function fieldKey(caseId: string, field: WithheldCaseField): string {
  return `field:${caseId}:${field}`;
}

function isCaseField(value: string | undefined): value is WithheldCaseField {
  return (WITHHELD_CASE_FIELDS as readonly (string | undefined)[]).includes(value);
}

/** The case fields to withhold, as `people.export` takes them. */
export function withheldFields(decisions: Decisions): WithheldField[] {
  const fields: WithheldField[] = [];
  for (const [key, decision] of Object.entries(decisions)) {
    const [kind, caseId, field] = key.split(':');
    if (kind !== 'field' || !caseId || !isCaseField(field) || decision.action === 'include') continue;
    fields.push({ caseId, field, reason: decision.reason.trim() });
  }
  return fields;
}

function parse(key: string): { kind: WithheldKind; id: string } | null {
  const [kind, ...rest] = key.split(':');
  if (kind !== 'timeline' && kind !== 'letter' && kind !== 'file') return null;
  return { kind, id: rest.join(':') };
}

/** The entries to withhold, as `people.export` takes them. */
export function withheldEntries(decisions: Decisions): WithheldEntry[] {
  const entries: WithheldEntry[] = [];
  for (const [key, decision] of Object.entries(decisions)) {
    const target = parse(key);
    if (!target || decision.action === 'include') continue;
    entries.push({ ...target, action: decision.action, reason: decision.reason.trim() });
  }
  return entries;
}

/** The keys of withheld entries still without a reason. */
export function missingReasons(decisions: Decisions): string[] {
  return Object.entries(decisions)
    .filter(([, decision]) => decision.action !== 'include' && decision.reason.trim() === '')
    .map(([key]) => key);
}
