/**
 * The office's calendar for a year, month by month, with every kind of day marked (issue 15):
 * working days, extra working days, days outside the working week, public holidays and office
 * closures, in the order of precedence the SLA engine applies.
 */
import { Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import type { CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import { DAY_REASONS, explainDay, type DayReason, type ExplainedDay, type WorkingCalendar } from '@shared/sla';
import { useFormatters } from '../../common/format';

const COLOURS: Record<DayReason, string | null> = {
  working: null,
  'extra-working-day': 'teal',
  weekend: 'gray',
  'public-holiday': 'red',
  closure: 'orange',
};

function dayStyle(reason: DayReason): CSSProperties {
  const colour = COLOURS[reason];
  return {
    textAlign: 'center',
    padding: '2px 0',
    borderRadius: 4,
    fontSize: 'var(--mantine-font-size-xs)',
    ...(colour ? { background: `var(--mantine-color-${colour}-light)`, color: `var(--mantine-color-${colour}-light-color)` } : {}),
    ...(reason === 'extra-working-day' ? { fontWeight: 700 } : {}),
  };
}

const pad = (value: number) => String(value).padStart(2, '0');

/** The days of a month, from Monday of its first week, as weeks of seven (null outside the month). */
function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = new Date(Date.UTC(year, month, 1));
  const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7; // Monday first
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, index) => `${year}-${pad(month + 1)}-${pad(index + 1)}`)];
  const weeks: (string | null)[][] = [];
  for (let start = 0; start < cells.length; start += 7)
    weeks.push([...cells.slice(start, start + 7), ...Array<null>(Math.max(0, start + 7 - cells.length)).fill(null)]);
  return weeks;
}

export function YearCalendar({
  calendar,
  year,
  notes,
}: {
  readonly calendar: WorkingCalendar;
  readonly year: number;
  readonly notes: Readonly<Record<string, string>>;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const monthName = new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' });
  const describe = (day: ExplainedDay) => [format.shortDay(day.date), t(`dayKinds.${day.reason}`), day.name, notes[day.date]].filter(Boolean).join(' · ');
  return (
    <Stack gap="sm" data-testid="year-calendar" data-year={year}>
      <Group gap="md" aria-label={t('settings.calendar.legend')}>
        {DAY_REASONS.map((reason) => (
          <Group key={reason} gap={6}>
            <span style={{ ...dayStyle(reason), display: 'inline-block', width: 18, border: '1px solid var(--mantine-color-default-border)' }} aria-hidden>
              1
            </span>
            <Text size="xs">{t(`dayKinds.${reason}`)}</Text>
          </Group>
        ))}
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        {Array.from({ length: 12 }, (_, month) => (
          <Paper key={month} withBorder p={6}>
            <table style={{ width: '100%', borderCollapse: 'separate', borderSpacing: 2 }}>
              <caption style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', textAlign: 'left' }}>
                {monthName.format(new Date(Date.UTC(year, month, 1)))}
              </caption>
              <thead>
                <tr>
                  {[1, 2, 3, 4, 5, 6, 7].map((weekday) => (
                    <th key={weekday} scope="col" style={{ fontSize: 'var(--mantine-font-size-xs)', fontWeight: calendar.workWeek.has(weekday) ? 600 : 400 }}>
                      {format.weekday(weekday)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthWeeks(year, month).map((week, row) => (
                  <tr key={row}>
                    {week.map((date, column) => {
                      if (!date) return <td key={column} />;
                      const day = explainDay(calendar, date);
                      return (
                        <td key={date} style={dayStyle(day.reason)} title={describe(day)} aria-label={describe(day)} data-date={date} data-reason={day.reason}>
                          {Number(date.slice(8))}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
