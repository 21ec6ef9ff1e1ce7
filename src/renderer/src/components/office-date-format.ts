/**
 * Dates as the app's language writes them (issue 18), not as the PC's locale does: en-GB
 * DD/MM/YYYY, Latvian DD.MM.YYYY. Forms and the API keep `YYYY-MM-DD`.
 */
import type { Language } from '../i18n/i18n';

/** The dayjs display format for a language. */
export function dateFormatFor(language: string): string {
  return language === 'lv' ? 'DD.MM.YYYY' : 'DD/MM/YYYY';
}

/** The dayjs format naming a calendar month: "November 2026", "2026. gada novembris". */
export function monthFormatFor(language: string): string {
  return language === 'lv' ? 'YYYY. [gada] MMMM' : 'MMMM YYYY';
}

/** The dayjs locale (calendar month and weekday names) for a language. */
export function dayjsLocaleFor(language: string): 'lv' | 'en-gb' {
  return language === ('lv' satisfies Language) ? 'lv' : 'en-gb';
}

const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/**
 * A typed date to `YYYY-MM-DD`: day first with '/', '.' or '-' (whichever language is on screen,
 * so a date copied from a letter or the register still reads), or ISO; null when the calendar has
 * no such day (31.02.2026) or the text is not a date.
 */
export function parseTypedDate(text: string): string | null {
  const trimmed = text.trim();
  const dayFirst = DAY_FIRST.exec(trimmed);
  const iso = ISO.exec(trimmed);
  const parts = dayFirst ? [dayFirst[3], dayFirst[2], dayFirst[1]] : iso ? [iso[1], iso[2], iso[3]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

const TYPED_TIME = /^(.+?)[ T]+(\d{1,2})[:.](\d{2})(?::\d{2})?$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})/;

/**
 * A typed date and 24-hour time ("07.12.2026 16:00", "07/12/2026 16:00" or "2026-12-07T16:00")
 * to the `YYYY-MM-DD HH:mm:ss` string the date picker holds; null when not a real moment.
 */
export function parseTypedDateTime(text: string): string | null {
  const match = TYPED_TIME.exec(text.trim());
  if (!match) return null;
  const day = parseTypedDate(match[1] ?? '');
  const [hour, minute] = [Number(match[2]), Number(match[3])];
  if (!day || hour > 23 || minute > 59) return null;
  return `${day} ${pad(hour, 2)}:${pad(minute, 2)}:00`;
}

/** The picker's `YYYY-MM-DD HH:mm:ss` as the language writes it, by text alone (no PC time zone). */
export function formatDateTime(value: string, language: string): string {
  const match = DATE_TIME.exec(value);
  if (!match) return '';
  const [, year, month, day, hour, minute] = match;
  const separator = language === 'lv' ? '.' : '/';
  return `${day}${separator}${month}${separator}${year} ${hour}:${minute}`;
}

/** The forms' datetime-local string ('YYYY-MM-DDTHH:mm') ↔ the picker's 'YYYY-MM-DD HH:mm:ss'. */
export function toPickerDateTime(value: string): string | null {
  const match = DATE_TIME.exec(value);
  return match ? `${match[1]}-${match[2]}-${match[3]} ${match[4]}:${match[5]}:00` : null;
}

export function fromPickerDateTime(value: string | null): string {
  const match = value ? DATE_TIME.exec(value) : null;
  return match ? `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}` : '';
}
