import { Alert, Chip, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkingCalendar } from '@shared/sla';
import { createWorkingCalendar } from '@shared/sla/public-holidays';
import { call } from '../../api/client';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import type { CalendarForm, NotedDay } from './calendar-form';
import { DayListEditor } from './DayListEditor';
import { useSettingsForm } from './useSettingsForm';
import { YearCalendar } from './YearCalendar';

const REGIONS = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'LV', 'IE', 'DE', 'FR', 'LT', 'EE'];
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/**
 * The working calendar ("Working days", issue 15): holiday region, time zone, the working week,
 * office closures and extra working days, each with a note, and the year's calendar with every
 * kind of day marked, previewing the edits before they are saved.
 */
export function CalendarSettings() {
  const { t } = useTranslation();
  const { settings, calendar: saved } = useSettings();
  const format = useFormatters();
  const [year, setYear] = useState(new Date().getFullYear());
  const stored = settings.calendar;
  const noted = (days: readonly string[]): NotedDay[] => days.map((day) => ({ day, note: stored.dayNotes[day] ?? '' }));
  const { form, submit, general, busy } = useSettingsForm<CalendarForm>(
    {
      region: stored.region,
      timeZone: stored.timeZone,
      workWeek: stored.workWeek.map(String),
      closures: noted(stored.closures),
      extraWorkingDays: noted(stored.extraWorkingDays),
    },
    (values) =>
      call('settings.updateCalendar', {
        region: values.region,
        timeZone: values.timeZone.trim(),
        workWeek: values.workWeek.map(Number),
        closures: values.closures.map((entry) => entry.day),
        extraWorkingDays: values.extraWorkingDays.map((entry) => entry.day),
        dayNotes: Object.fromEntries(
          [...values.closures, ...values.extraWorkingDays]
            .filter((entry) => entry.day !== '' && entry.note.trim() !== '')
            .map((entry) => [entry.day, entry.note]),
        ),
      }),
    // The API names a listed day by its index; the form's field is that row's day.
    (path) => (/^(closures|extraWorkingDays)\.\d+$/.test(path) ? `${path}.day` : path.startsWith('workWeek') ? 'workWeek' : path),
  );
  const values = form.getValues();
  const preview = usePreview(values, saved);
  const notes = Object.fromEntries([...values.closures, ...values.extraWorkingDays].map((entry) => [entry.day, entry.note]));
  const holidays = [...preview.holidays(year).entries()];
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="calendar-form">
        <Stack gap="md">
          {general && <Alert color="red">{general}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('settings.calendar.region')}
              data={[...new Set([...REGIONS, stored.region])]}
              searchable
              allowDeselect={false}
              {...form.getInputProps('region')}
            />
            <TextInput label={t('settings.calendar.timeZone')} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <Stack gap={4}>
            <Text fw={500} size="sm" id="work-week-label">
              {t('settings.calendar.workWeek')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('settings.calendar.workWeekHint')}
            </Text>
            <Chip.Group multiple {...form.getInputProps('workWeek')}>
              <Group gap={6} role="group" aria-labelledby="work-week-label" data-testid="work-week">
                {WEEKDAYS.map((weekday) => (
                  <Chip key={weekday} value={String(weekday)} size="sm" data-weekday={weekday}>
                    {format.weekday(weekday)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
            {form.errors['workWeek'] && (
              <Text size="xs" c="red">
                {form.errors['workWeek']}
              </Text>
            )}
          </Stack>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <DayListEditor
              form={form}
              field="closures"
              label={t('settings.calendar.closures')}
              hint={t('settings.calendar.closuresHint')}
              addLabel={t('settings.calendar.addClosure')}
            />
            <DayListEditor
              form={form}
              field="extraWorkingDays"
              label={t('settings.calendar.extraWorkingDays')}
              hint={t('settings.calendar.extraWorkingDaysHint')}
              addLabel={t('settings.calendar.addExtraWorkingDay')}
            />
          </SimpleGrid>
          <SubmitRow label={t('common.save')} busy={busy} data-testid="calendar-save" />
        </Stack>
      </form>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs" align="flex-end">
          <Stack gap={0}>
            <Title order={2} size="h4">
              {t('settings.calendar.yearView', { year })}
            </Title>
            {form.isDirty() && (
              <Text size="xs" c="dimmed">
                {t('settings.calendar.previewNote')}
              </Text>
            )}
          </Stack>
          <NumberInput w={110} label={t('settings.calendar.year')} value={year} min={2000} max={2100} onChange={(value) => setYear(Number(value) || year)} />
        </Group>
        <YearCalendar calendar={preview} year={year} notes={notes} />
      </Paper>
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('settings.calendar.holidaysIn', { year })}
        </Title>
        <Table data-testid="holiday-list">
          <Table.Tbody>
            {holidays.map(([day, name]) => (
              <Table.Tr key={day}>
                <Table.Td w={160}>{format.date(`${day}T12:00:00Z`)}</Table.Td>
                <Table.Td>{name}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Paper>
    </Stack>
  );
}

/** The calendar as edited so far; while an edit is unfinished (a half-typed region), the saved one. */
function usePreview(values: CalendarForm, saved: WorkingCalendar): WorkingCalendar {
  const key = JSON.stringify([
    values.region,
    values.timeZone,
    values.workWeek,
    values.closures.map((entry) => entry.day),
    values.extraWorkingDays.map((entry) => entry.day),
  ]);
  return useMemo(() => {
    try {
      return createWorkingCalendar({
        region: values.region,
        timeZone: values.timeZone.trim() || 'UTC',
        workWeek: values.workWeek.map(Number),
        closures: values.closures.map((entry) => entry.day).filter(Boolean),
        extraWorkingDays: values.extraWorkingDays.map((entry) => entry.day).filter(Boolean),
      });
    } catch {
      return saved;
    }
    // The key holds every value the calendar is made from.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, saved]);
}
