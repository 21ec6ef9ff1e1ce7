/**
 * P-5.1, P-5.2: complaints received per month or ISO week of the range (report-range.ts), by type, channel and product, beside the
 * previous period. `received` are the cases received in the range; `previous` those received in
 * the previous period (report-range.ts).
 */
import type { CaseRecord } from '../../shared/domain/records';
import type { VolumeReport } from '../../shared/domain/reports';
import { INTAKE_CHANNELS, type IntakeChannel } from '../../shared/domain/vocabulary';
import { figureOf, FigureGroups } from './figure';
import type { ReportContext } from './report-context';
import { officePeriod } from './report-range';

type VolumeCase = Pick<CaseRecord, 'id' | 'receivedAt' | 'type' | 'channel' | 'product'>;

export function volumeReport(received: readonly VolumeCase[], previous: readonly VolumeCase[], context: ReportContext): VolumeReport {
  const { periods, grouping } = context.range;
  const byPeriod = new FigureGroups<string>(periods.map((period) => period.period));
  const previousByPeriod = new FigureGroups<string>(periods.map((period) => period.previous));
  const byType = new FigureGroups<string>();
  const byChannel = new FigureGroups<IntakeChannel>(INTAKE_CHANNELS);
  const byProduct = new FigureGroups<string>();
  for (const record of received) {
    byPeriod.add(officePeriod(context.calendar, record.receivedAt, grouping), record.id);
    byType.add(record.type, record.id);
    byChannel.add(record.channel, record.id);
    byProduct.add(record.product.trim(), record.id);
  }
  for (const record of previous) previousByPeriod.add(officePeriod(context.calendar, record.receivedAt, grouping), record.id);
  return {
    total: figureOf(received.map((record) => record.id)),
    previousTotal: figureOf(previous.map((record) => record.id)),
    grouping,
    periods: periods.map(({ period, start, previous: before }) => ({ period, start, current: byPeriod.get(period), previous: previousByPeriod.get(before) })),
    byType: byType.toKeyed().sort((a, b) => b.figure.count - a.figure.count || a.key.localeCompare(b.key)),
    byChannel: byChannel.toKeyed(),
    byProduct: byProduct.toKeyed().sort((a, b) => b.figure.count - a.figure.count || a.key.localeCompare(b.key)),
  };
}
