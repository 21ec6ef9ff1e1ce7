/**
 * Workload (issue 16): open cases per caseworker and per department, with those whose next
 * deadline is due soon or breached now. "Due soon" and "breached" are the case list's own filters
 * (the earliest running deadline: warned and not yet due; past due), so a drill-down agrees.
 */
import type { CaseRecord, StaffRef } from '../../shared/domain/records';
import type { Figure, WorkloadReport, WorkloadRow } from '../../shared/domain/reports';
import { figureOf } from './figure';

type WorkloadCase = Pick<CaseRecord, 'id' | 'assignee' | 'departments' | 'nextDueAt' | 'nextWarnAt'>;

type Deadline = 'dueSoon' | 'breached' | null;

export function nextDeadlineStanding(record: Pick<CaseRecord, 'nextDueAt' | 'nextWarnAt'>, now: Date): Deadline {
  const at = now.getTime();
  if (record.nextDueAt < at) return 'breached';
  if (record.nextWarnAt <= at) return 'dueSoon';
  return null;
}

class Rows<K> {
  private readonly rows = new Map<string, { key: K; open: string[]; dueSoon: string[]; breached: string[] }>();

  add(id: string, key: K, record: WorkloadCase, now: Date): void {
    const entry = this.rows.get(id) ?? { key, open: [], dueSoon: [], breached: [] };
    entry.open.push(record.id);
    const standing = nextDeadlineStanding(record, now);
    if (standing) entry[standing].push(record.id);
    this.rows.set(id, entry);
  }

  toRows(): WorkloadRow<K>[] {
    const figure = (ids: string[]): Figure => figureOf(ids);
    return [...this.rows.values()].map((entry) => ({
      key: entry.key,
      open: figure(entry.open),
      dueSoon: figure(entry.dueSoon),
      breached: figure(entry.breached),
    }));
  }
}

export function workloadReport(open: readonly WorkloadCase[], now: Date): WorkloadReport {
  const byAssignee = new Rows<StaffRef | null>();
  const byDepartment = new Rows<string>();
  for (const record of open) {
    byAssignee.add(record.assignee?.id ?? '', record.assignee, record, now);
    const departments = record.departments.length > 0 ? record.departments : [''];
    for (const department of departments) byDepartment.add(department, department, record, now);
  }
  const byOpen = <K>(a: WorkloadRow<K>, b: WorkloadRow<K>) => b.open.count - a.open.count;
  return {
    byAssignee: byAssignee.toRows().sort((a, b) => byOpen(a, b) || (a.key?.name ?? '').localeCompare(b.key?.name ?? '')),
    byDepartment: byDepartment.toRows().sort((a, b) => byOpen(a, b) || a.key.localeCompare(b.key)),
  };
}
