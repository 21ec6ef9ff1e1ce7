/** P-5.2: the words of a trend alert, in the language the person chose (as the deadline notifications). */
import type { NotificationLanguage } from '../notification-text';
import { TREND_DIMENSIONS } from './trend-dimensions';
import type { TrendSpike } from './trend-check';

const TEXT = {
  'en-GB': {
    title: (dimension: string, value: string) => `Complaints spike — ${dimension}: ${value}`,
    body: (count: number, monday: string, mean: string, weeks: number) =>
      `${count} received in the week from ${monday}, against ${mean} a week in the ${weeks} weeks before`,
  },
  lv: {
    title: (dimension: string, value: string) => `Sūdzību pieaugums — ${dimension}: ${value}`,
    body: (count: number, monday: string, mean: string, weeks: number) =>
      `${count} saņemtas nedēļā no ${monday}; iepriekšējās ${weeks} nedēļās vidēji ${mean} nedēļā`,
  },
} as const;

export interface TrendAlertText {
  readonly title: string;
  readonly body: string;
}

export function trendAlertText(
  spike: TrendSpike,
  context: {
    readonly language: NotificationLanguage;
    readonly monday: string;
    readonly baselineWeeks: number;
    readonly valueLabel: (dimension: string, value: string) => string;
  },
): TrendAlertText {
  const words = TEXT[context.language];
  const dimension = TREND_DIMENSIONS.find((candidate) => candidate.id === spike.dimension)?.label[context.language] ?? spike.dimension;
  const mean = new Intl.NumberFormat(context.language, { maximumFractionDigits: 1 }).format(spike.baselineMean);
  const monday = new Intl.DateTimeFormat(context.language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${context.monday}T12:00:00Z`),
  );
  return {
    title: words.title(dimension, context.valueLabel(spike.dimension, spike.value)),
    body: words.body(spike.count, monday, mean, context.baselineWeeks),
  };
}
