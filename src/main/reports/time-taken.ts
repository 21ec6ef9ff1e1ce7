/**
 * P-5.1 time taken, in working days (the SLA engine's timeTaken): stage 1 from receipt to the
 * stage-1 resolution, stage 2 from the escalation request to the stage-2 resolution. Median and
 * 90th percentile by nearest rank (percentile.ts), and the distribution in bands.
 */
import type { CaseRecord } from '../../shared/domain/records';
import { TIME_BANDS, type StageTimeTaken, type TimeBand } from '../../shared/domain/reports';
import { timeTaken, type WorkingCalendar } from '../../shared/sla';
import { figureOf, FigureGroups } from './figure';
import { nearestRank } from './percentile';

type TimedCase = Pick<CaseRecord, 'id' | 'receivedAt' | 'resolution' | 'escalation' | 'stage2Resolution'>;

export function timeBand(workingDays: number): TimeBand {
  if (workingDays <= 2) return '0-2';
  if (workingDays <= 5) return '3-5';
  if (workingDays <= 10) return '6-10';
  if (workingDays <= 20) return '11-20';
  return '21+';
}

function stageTimes(stage: 1 | 2, spans: readonly { id: string; days: number }[]): StageTimeTaken {
  const distribution = new FigureGroups<TimeBand>(TIME_BANDS);
  for (const span of spans) distribution.add(timeBand(span.days), span.id);
  const days = spans.map((span) => span.days);
  return {
    stage,
    resolved: figureOf(spans.map((span) => span.id)),
    medianWorkingDays: nearestRank(days, 50),
    p90WorkingDays: nearestRank(days, 90),
    distribution: distribution.toKeyed(),
  };
}

export function timeTakenReport(cases: readonly TimedCase[], calendar: WorkingCalendar): StageTimeTaken[] {
  const stage1: { id: string; days: number }[] = [];
  const stage2: { id: string; days: number }[] = [];
  for (const record of cases) {
    if (record.resolution) stage1.push({ id: record.id, days: timeTaken(calendar, record.receivedAt, record.resolution.at).workingDays });
    if (record.escalation && record.stage2Resolution)
      stage2.push({ id: record.id, days: timeTaken(calendar, record.escalation.requestedAt, record.stage2Resolution.at).workingDays });
  }
  return [stageTimes(1, stage1), stageTimes(2, stage2)];
}
