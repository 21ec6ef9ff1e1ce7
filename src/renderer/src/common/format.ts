/**
 * Dates, times, money and deadline countdowns in the user's language (date-fns locales) and in the
 * office's time zone, where every deadline is defined.
 */
import { TZDate } from '@date-fns/tz';
import { format, formatDistanceStrict } from 'date-fns';
import { enGB, lv } from 'date-fns/locale';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { deadlineState, workingDaysBetween, type DeadlineState, type WorkingCalendar } from '@shared/sla';
import { useSettings } from '../settings/SettingsContext';

const LOCALES = { 'en-GB': enGB, lv } as const;

export interface Formatters {
  dateTime(iso: string): string;
  /** A date and time in the language's short numeric form ("05/01/2027 23:59", "05.01.2027. 23:59"), for narrow columns. */
  shortDateTime(iso: string): string;
  date(iso: string): string;
  /** A calendar day (yyyy-mm-dd) spelled out with its weekday, so a mistyped date stands out. */
  longDay(day: string): string;
  /** A calendar day (yyyy-mm-dd) in the short local form. */
  day(day: string): string;
  /** A calendar day (yyyy-mm-dd) with its short weekday: "Sat 14 Dec 2024". */
  shortDay(day: string): string;
  /** The short name of an ISO weekday (1 = Monday … 7 = Sunday). */
  weekday(isoWeekday: number): string;
  relative(iso: string, now: Date): string;
  money(minor: number, currency: string): string;
  /** A number with at most one decimal, as the language writes it ("12,8" in Latvian; issue 18). */
  decimal(value: number): string;
  /** A percentage given as 0–100, with at most one decimal ("66,7 %" in Latvian). */
  percent(value: number): string;
  countdown(deadline: { dueAt: string; warnAt: string; metAt?: string | null; breachedAt?: string | null }, now: Date): { state: DeadlineState; text: string };
}

export function makeFormatters(language: string, timeZone: string, calendar: WorkingCalendar, t: TFunction): Formatters {
  const locale = language === 'lv' ? LOCALES.lv : LOCALES['en-GB'];
  const inOffice = (iso: string) => new TZDate(Date.parse(iso), timeZone);
  const span = (from: Date, to: Date): string => {
    const ms = to.getTime() - from.getTime();
    if (ms < 24 * 3_600_000) {
      const minutes = Math.max(0, Math.floor(ms / 60_000));
      return t('deadline.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
    }
    return t('deadline.workingDays', { count: workingDaysBetween(calendar, from, to) });
  };
  return {
    dateTime: (iso) => format(inOffice(iso), 'PPp', { locale }),
    shortDateTime: (iso) => format(inOffice(iso), 'P HH:mm', { locale }),
    date: (iso) => format(inOffice(iso), 'P', { locale }),
    longDay: (day) => format(new Date(`${day}T12:00:00`), 'PPPP', { locale }),
    day: (day) => format(new Date(`${day}T12:00:00`), 'P', { locale }),
    shortDay: (day) => format(new Date(`${day}T12:00:00`), 'EEE d MMM yyyy', { locale }),
    // 5 January 2026 was a Monday: ISO weekday n is n − 1 days later.
    weekday: (isoWeekday) => format(new Date(2026, 0, 4 + isoWeekday, 12), 'EEE', { locale }),
    relative: (iso, now) => formatDistanceStrict(new Date(iso), now, { locale, addSuffix: true }),
    money: (minor, currency) => new Intl.NumberFormat(language, { style: 'currency', currency }).format(minor / 100),
    decimal: (value) => new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value),
    percent: (value) => new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100),
    countdown(deadline, now) {
      const state = deadlineState(
        { dueAt: deadline.dueAt, warnAt: deadline.warnAt, metAt: deadline.metAt ?? null, breachedAt: deadline.breachedAt ?? null },
        now,
      );
      const due = new Date(deadline.dueAt);
      if (state === 'met-on-time' || state === 'met-late')
        return { state, text: t('deadline.met', { date: format(inOffice(deadline.metAt ?? deadline.dueAt), 'PPp', { locale }) }) };
      if (state === 'breached') return { state, text: t('deadline.overdue', { time: span(due, now) }) };
      const dueIn = t('deadline.dueIn', { time: span(now, due) });
      // Issue 18: a breach an extension followed stays visible next to the new countdown.
      return { state, text: deadline.breachedAt ? `${t('deadline.breachedThenExtended')} · ${dueIn}` : dueIn };
    },
  };
}

export function useFormatters(): Formatters {
  const { t, i18n } = useTranslation();
  const { settings, calendar } = useSettings();
  return makeFormatters(i18n.language, settings.calendar.timeZone, calendar, t);
}

export const STATE_COLOURS: Record<DeadlineState, string> = {
  'on-track': 'teal',
  'due-soon': 'orange',
  breached: 'red',
  'met-on-time': 'gray',
  'met-late': 'gray',
};
