/**
 * P-5.2 with P-3.2 and P-4.1 to P-4.4: for each procedure deadline (acknowledgement within 48 hours,
 * stage-1 resolution within 10 working days, escalation acknowledgement within 10 working days,
 * stage-2 resolution), how many of the range's cases met it on time and how many breached it, with
 * the extensions and their reasons. The deadlines are the SLA engine's (computeDeadlines, kept on
 * each case); their states are its deadlineState.
 *
 * - on time: met by its due instant (deadlineState 'met-on-time');
 * - breached: met late, still unmet past its due instant, or breached before an extension replaced
 *   it (issue 18: that breach stays on record);
 * - running: not met and not yet due, so not decided: left out of the percentage;
 * - a closed case whose deadline was never met (e.g. it never escalated that far) counts only if it
 *   closed after the deadline had passed (a breach).
 */
import type { CaseRecord } from '../../shared/domain/records';
import type { DeadlineCompliance, ExtensionReason } from '../../shared/domain/reports';
import { DEADLINE_KINDS, deadlineState, type Deadline, type DeadlineKind } from '../../shared/sla';
import { figureOf, FigureGroups, percent } from './figure';

type ComplianceCase = Pick<CaseRecord, 'id' | 'open' | 'closedAt' | 'deadlines' | 'extensions'>;

export type DeadlineVerdict = 'on-time' | 'breached' | 'running' | 'not-counted';

export function deadlineVerdict(record: Pick<CaseRecord, 'open' | 'closedAt'>, deadline: Deadline, now: Date): DeadlineVerdict {
  if (deadline.breachedAt) return 'breached';
  const state = deadlineState(deadline, now);
  if (state === 'met-on-time') return 'on-time';
  if (state === 'met-late') return 'breached';
  if (record.open) return state === 'breached' ? 'breached' : 'running';
  const closedAt = record.closedAt ? Date.parse(record.closedAt) : null;
  return closedAt !== null && closedAt > Date.parse(deadline.dueAt) ? 'breached' : 'not-counted';
}

function complianceFor(kind: DeadlineKind, cases: readonly ComplianceCase[], now: Date): DeadlineCompliance {
  const verdicts = new FigureGroups<DeadlineVerdict>();
  const extended: string[] = [];
  const reasons = new Map<string, { reason: string; thirdParty: string; ids: string[] }>();
  for (const record of cases) {
    const deadline = record.deadlines.find((candidate) => candidate.kind === kind);
    if (!deadline) continue;
    verdicts.add(deadlineVerdict(record, deadline, now), record.id);
    const extensions = record.extensions.filter((extension) => extension.deadline === kind);
    if (extensions.length > 0) extended.push(record.id);
    for (const extension of extensions) {
      const reason = extension.reason.trim();
      const thirdParty = extension.thirdParty.trim();
      const key = JSON.stringify([reason, thirdParty]);
      const entry = reasons.get(key) ?? { reason, thirdParty, ids: [] };
      entry.ids.push(record.id);
      reasons.set(key, entry);
    }
  }
  const onTime = verdicts.get('on-time');
  const breached = verdicts.get('breached');
  const extensionReasons: ExtensionReason[] = [...reasons.values()]
    .map((entry) => ({ reason: entry.reason, thirdParty: entry.thirdParty, figure: figureOf(entry.ids) }))
    .sort((a, b) => b.figure.count - a.figure.count || a.reason.localeCompare(b.reason));
  return {
    kind,
    onTime,
    breached,
    running: verdicts.get('running'),
    percentOnTime: percent(onTime.count, onTime.count + breached.count),
    extended: figureOf(extended),
    extensionReasons,
  };
}

export function deadlineCompliance(cases: readonly ComplianceCase[], now: Date): DeadlineCompliance[] {
  return DEADLINE_KINDS.map((kind) => complianceFor(kind, cases, now));
}
