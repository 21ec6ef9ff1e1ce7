/**
 * The groups of case fields that change together. They are the units of the case's conflict
 * policy when two devices edit one case offline (sync issue): edits to different groups both
 * survive, and for one group the later edit wins. Each group remembers when and by whom it last
 * changed (`fieldVersions`), so "later" means the later edit of that group, not of the case.
 *
 * - Each complainant detail is its own group (`complainant.email`), and so is each case detail
 *   (`summary`, `type`, `assignee`…): two people correcting different details never collide.
 * - The workflow state is one group (status, stage, clock, acknowledgement, resolutions,
 *   extensions, inquiries…). Those fields only make sense together: mixing half of one workflow
 *   action with half of another would build a case no state machine allows.
 * - Departments, third parties and related cases are sets: additions and removals from both
 *   sides are merged.
 * - Identity and bookkeeping fields never conflict; derived fields are recomputed after a merge.
 *
 * Merge order (issue 11, "merges do not trust device clocks"): a version's time is causal, like a
 * hybrid logical clock's: an edit is stamped with the device's clock, or just after the newest
 * stamp already in the case it edits, whichever is later. So an edit made on a case that holds
 * another edit (made here or received by sync) is always ordered after it, however wrong either
 * device's clock is: a device one hour fast cannot win against a later edit made on top of its
 * own. Only edits made without seeing each other are ordered by the devices' clocks (nothing
 * else can order them), with ties to the greater staff id. Old versions need no migration:
 * they are times like the new ones.
 */
import { deepEqual } from 'rxdb/plugins/utils';
import type { CaseDocument } from './collections';
import type { FieldVersion, FieldVersions } from './field-versions';

export const WORKFLOW_FIELDS = [
  'stage',
  'status',
  'clock',
  'acknowledgement',
  'resolution',
  'escalation',
  'stage2Resolution',
  'closedAt',
  'externalReferral',
  'extensions',
  'openInquiries',
  'resumeStatus',
] as const satisfies readonly (keyof CaseDocument)[];

export const DETAIL_FIELDS = [
  'channel',
  'type',
  'product',
  'summary',
  'description',
  'desiredOutcome',
  'receivedAt',
  'rootCauseId',
  'rootCauseNote',
  'lessonsLearned',
  'assignee',
] as const satisfies readonly (keyof CaseDocument)[];

export const SET_FIELDS = ['departments', 'relatedCaseIds', 'thirdParties'] as const satisfies readonly (keyof CaseDocument)[];

export type { FieldVersion, FieldVersions };

type Loose = Record<string, unknown>;

/**
 * Every conflict group of these cases: the workflow, the restriction, each detail, each
 * complainant key. The need-to-know restriction (P-7.1: `restricted` and `restrictedTo`) is one
 * group: a restriction and a lift made offline never mix halves.
 */
export function caseGroups(...documents: readonly CaseDocument[]): string[] {
  const complainantKeys = new Set(documents.flatMap((document) => Object.keys(document.complainant)));
  return ['workflow', 'restriction', ...DETAIL_FIELDS, ...[...complainantKeys].sort().map((key) => `complainant.${key}`)];
}

/** The group's value. The clock's start belongs to `receivedAt`, so the workflow leaves it out. */
export function groupValue(document: CaseDocument, group: string): unknown {
  if (group === 'workflow') {
    const value: Loose = {};
    for (const field of WORKFLOW_FIELDS) value[field] = document[field];
    const { receivedAt: _start, ...clock } = document.clock;
    value['clock'] = clock;
    return value;
  }
  if (group === 'restriction') return { restricted: document.restricted, restrictedTo: document.restrictedTo };
  // Reflect.get reads a field by a name only known at run time (a group name) without a cast.
  if (group.startsWith('complainant.')) return Reflect.get(document.complainant, group.slice('complainant.'.length));
  return Reflect.get(document, group);
}

/** A copy of `document` with the group set to `value` (as `groupValue` returned it). */
export function withGroupValue(document: CaseDocument, group: string, value: unknown): CaseDocument {
  if (group === 'workflow') {
    const workflow = value as Loose;
    return { ...document, ...workflow, clock: { ...(workflow['clock'] as CaseDocument['clock']), receivedAt: document.receivedAt } } as CaseDocument;
  }
  if (group === 'restriction') {
    const restriction = value as Pick<CaseDocument, 'restricted' | 'restrictedTo'>;
    return { ...document, restricted: restriction.restricted, restrictedTo: restriction.restrictedTo };
  }
  if (group.startsWith('complainant.')) {
    const key = group.slice('complainant.'.length);
    const complainant = { ...document.complainant, [key]: value };
    // A detail absent on the side that won is absent here too (not present as undefined).
    if (value === undefined) Reflect.deleteProperty(complainant, key);
    return { ...document, complainant };
  }
  const next = { ...document, [group]: value } as CaseDocument;
  // The clock starts when the complaint was received: the two move together.
  return group === 'receivedAt' ? { ...next, clock: { ...next.clock, receivedAt: value as string } } : next;
}

/** Deep equality that ignores key order (documents come back from storage and servers re-keyed). */
export function sameValue(a: unknown, b: unknown): boolean {
  return deepEqual(a, b);
}

/** The groups whose value differs between two states of one case. */
export function changedGroups(before: CaseDocument, after: CaseDocument): string[] {
  return caseGroups(before, after).filter((group) => !sameValue(groupValue(before, group), groupValue(after, group)));
}

/** When and by whom the group last changed: its recorded version, or the case's creation. */
export function versionOf(document: CaseDocument, group: string): FieldVersion {
  return document.fieldVersions?.[group] ?? { at: document.createdAt, by: document.loggedBy };
}

/** The newest stamp in a case: its group versions, its creation and its last save (epoch ms). */
export function newestStamp(document: CaseDocument): number {
  const stamps = [document.createdAt, document.updatedAt, ...Object.values(document.fieldVersions ?? {}).map((version) => version.at)].map((at) =>
    Date.parse(at),
  );
  return Math.max(...stamps.filter((stamp) => Number.isFinite(stamp)));
}

/** A time later than `newestSeen` (epoch ms): the wall-clock time, or 1 ms after what was seen. */
export function causalTime(newestSeen: number, wall: string): string {
  return Date.parse(wall) > newestSeen ? wall : new Date(newestSeen + 1).toISOString();
}

/**
 * The case after a local change: each changed group is stamped with this change's actor and a
 * causal time (the given time, or just after the newest stamp in `before`).
 */
export function stampChangedGroups(before: CaseDocument, after: CaseDocument, version: FieldVersion): CaseDocument {
  const changed = changedGroups(before, after);
  if (changed.length === 0) return after;
  const stamped: FieldVersion = { ...version, at: causalTime(newestStamp(before), version.at) };
  return { ...after, fieldVersions: { ...before.fieldVersions, ...Object.fromEntries(changed.map((group) => [group, stamped])) } };
}
