/**
 * Why a case's deadlines moved (issue 15): the timeline entry written with the recomputed case
 * when an administrator changes the working calendar or the SLA policy.
 *
 * Settings sync, and each device recomputes its open cases when a change arrives (a case created
 * offline elsewhere must follow too). Both devices then compute the same deadlines, and the entry
 * is the same on both: its id, time and author come from the stored settings change and the case,
 * never from the device or the moment of the recompute. Whichever device writes it first, the
 * other finds it and does not write it again; if both write it before they sync, the copies are
 * identical and replication keeps one.
 */
import crypto from 'node:crypto';
import type { Deadline } from '../../shared/sla';
import type { DeadlinesMoved, SettingChange, TimelineEntry } from '../../shared/domain/records';
import type { CaseDocument } from './collections';
import type { DeadlineSettingsChange } from './settings-service';

/** The deadlines whose due date changed, in the order of the case. */
export function movedDeadlines(before: readonly Deadline[], after: readonly Deadline[]): DeadlinesMoved['moved'] {
  return after.flatMap((deadline) => {
    const earlier = before.find((candidate) => candidate.kind === deadline.kind);
    return earlier && earlier.dueAt !== deadline.dueAt ? [{ deadline: deadline.kind, from: earlier.dueAt, to: deadline.dueAt }] : [];
  });
}

const DAY_LISTS = ['closures', 'extraWorkingDays'] as const;

/** What changed between two values of a deadline setting, field by field. */
export function settingChanges(change: DeadlineSettingsChange): SettingChange[] {
  const before: Record<string, unknown> = { ...change.before };
  const after: Record<string, unknown> = { ...change.after };
  const changes: SettingChange[] = [];
  for (const setting of Object.keys(after)) {
    if (setting === 'dayNotes' || stableJson(before[setting]) === stableJson(after[setting])) continue;
    if (change.area === 'calendar' && (DAY_LISTS as readonly string[]).includes(setting)) {
      const [was, is] = [new Set(change.before[setting as (typeof DAY_LISTS)[number]]), change.after[setting as (typeof DAY_LISTS)[number]]];
      const added = is.filter((day) => !was.has(day));
      const removed = [...was].filter((day) => !is.includes(day));
      const notes = Object.fromEntries(added.flatMap((day) => (change.after.dayNotes[day] ? [[day, change.after.dayNotes[day]]] : [])));
      changes.push({ setting: setting as (typeof DAY_LISTS)[number], added, removed, notes });
    } else {
      changes.push({ setting, before: before[setting], after: after[setting] });
    }
  }
  return changes;
}

/** JSON with object keys in a fixed order, so equal values give equal text on every device. */
function stableJson(value: unknown): string {
  return (
    JSON.stringify(value, (_key, item: unknown) =>
      typeof item === 'object' && item !== null && !Array.isArray(item)
        ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
        : item,
    ) ?? 'null'
  );
}

/** The same id on every device for one case and one stored settings change. */
export function deadlinesMovedEntryId(caseId: string, change: DeadlineSettingsChange): string {
  const hash = crypto
    .createHash('sha256')
    .update(stableJson([caseId, change.area, change.at, change.by.id, change.after]))
    .digest('hex');
  return `moved-${hash.slice(0, 40)}`;
}

/** The entry recording why the case's deadlines moved, or null when no due date moved (e.g. only a warning time). */
export function deadlinesMovedEntry(current: CaseDocument, next: CaseDocument, change: DeadlineSettingsChange): TimelineEntry | null {
  const moved = movedDeadlines(current.deadlines, next.deadlines);
  if (moved.length === 0) return null;
  // Never before the case existed (a case logged offline before the change reached its device).
  const at = current.createdAt > change.at ? current.createdAt : change.at;
  return {
    id: deadlinesMovedEntryId(current.id, change),
    caseId: current.id,
    kind: 'deadlines-moved',
    at,
    recordedAt: at,
    order: 0,
    by: change.by,
    data: { because: change.area, moved, changes: settingChanges(change) },
  };
}
