/**
 * P-5.2 outcomes of the range's cases: upheld, partly upheld and not upheld at each stage; the
 * escalation rate (cases escalated to stage 2 of those resolved at stage 1, P-4.2); and refunds
 * (redress with an amount) in total and per refunded case, per currency, over both stages.
 */
import type { CaseRecord } from '../../shared/domain/records';
import type { OutcomesReport, RedressTotal } from '../../shared/domain/reports';
import { OUTCOMES, type Outcome } from '../../shared/domain/vocabulary';
import { figureOf, FigureGroups, percent } from './figure';

type OutcomeCase = Pick<CaseRecord, 'id' | 'resolution' | 'escalation' | 'stage2Resolution'>;

export function outcomesReport(cases: readonly OutcomeCase[]): OutcomesReport {
  const stage1 = new FigureGroups<Outcome>(OUTCOMES);
  const stage2 = new FigureGroups<Outcome>(OUTCOMES);
  const escalated: string[] = [];
  const redress = new Map<string, { totalMinor: number; ids: string[] }>();
  for (const record of cases) {
    if (record.resolution) stage1.add(record.resolution.outcome, record.id);
    if (record.stage2Resolution) stage2.add(record.stage2Resolution.outcome, record.id);
    if (record.resolution && record.escalation) escalated.push(record.id);
    for (const item of [...(record.resolution?.redress ?? []), ...(record.stage2Resolution?.redress ?? [])]) {
      if (item.amountMinor === null || item.amountMinor <= 0) continue;
      const currency = item.currency ?? '';
      const entry = redress.get(currency) ?? { totalMinor: 0, ids: [] };
      entry.totalMinor += item.amountMinor;
      entry.ids.push(record.id);
      redress.set(currency, entry);
    }
  }
  const resolved = figureOf(cases.filter((record) => record.resolution).map((record) => record.id));
  const totals: RedressTotal[] = [...redress.entries()]
    .map(([currency, entry]) => {
      const refunded = figureOf(entry.ids);
      return { currency, totalMinor: entry.totalMinor, cases: refunded, perCaseMinor: Math.round(entry.totalMinor / refunded.count) };
    })
    .sort((a, b) => a.currency.localeCompare(b.currency));
  return {
    stage1: stage1.toKeyed(),
    stage2: stage2.toKeyed(),
    stage1Resolved: resolved,
    escalated: figureOf(escalated),
    escalationRatePercent: percent(escalated.length, resolved.count),
    redress: totals,
  };
}
