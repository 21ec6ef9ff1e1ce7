/**
 * The conflict policy of a case (sync issue, "no lost updates"): two devices changed one case
 * before they synced. A field group (domain/case-field-groups.ts) changed on one side only takes
 * that change; a group changed on both sides to different values keeps the later edit of that
 * group (edits.ts) and reports the losing value, which the caller records in the case's
 * timeline. Departments and related cases merge as sets. Derived fields are left to the caller,
 * which recomputes them with the SLA rules.
 */
import { caseGroups, groupValue, SET_FIELDS, versionOf, withGroupValue, type FieldVersion } from '../../domain/case-field-groups';
import type { CaseDocument } from '../../domain/collections';
import { chooseEdit, compareEdits, mergeSets, type Edit } from './edits';

export interface CaseConflict {
  readonly caseId: string;
  readonly group: string;
  readonly kept: Edit;
  readonly discarded: Edit;
}

export interface CaseMerge {
  readonly merged: CaseDocument;
  readonly conflicts: readonly CaseConflict[];
}

type GroupEdit = Edit & { readonly version: FieldVersion };

function groupEdit(document: CaseDocument, group: string): GroupEdit {
  const version = versionOf(document, group);
  return { value: groupValue(document, group), at: version.at, by: version.by, version };
}

const plain = (edit: GroupEdit): Edit => ({ value: edit.value, at: edit.at, by: edit.by });

export function mergeCases(base: CaseDocument | undefined, a: CaseDocument, b: CaseDocument): CaseMerge {
  // Identity and bookkeeping come from the side edited last (identity is the same on both).
  const latest = compareEdits({ value: a, at: a.updatedAt, by: a.updatedBy }, { value: b, at: b.updatedAt, by: b.updatedBy }) >= 0 ? a : b;
  let merged: CaseDocument = latest;
  const versions: Record<string, FieldVersion> = {};
  const conflicts: CaseConflict[] = [];
  for (const group of caseGroups(a, b, ...(base ? [base] : []))) {
    const { kept, discarded } = chooseEdit(base ? { value: groupValue(base, group) } : null, groupEdit(a, group), groupEdit(b, group));
    if (discarded) conflicts.push({ caseId: a.id, group, kept: plain(kept), discarded: plain(discarded) });
    merged = withGroupValue(merged, group, kept.value);
    if (a.fieldVersions?.[group] || b.fieldVersions?.[group]) versions[group] = kept.version;
  }
  for (const field of SET_FIELDS) merged = { ...merged, [field]: mergeSets(base?.[field], a[field], b[field]) };
  return { merged: { ...merged, fieldVersions: versions }, conflicts };
}
