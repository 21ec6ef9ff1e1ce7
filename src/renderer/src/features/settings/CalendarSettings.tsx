import { Alert, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Textarea, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { createWorkingCalendar } from '../../../../shared/sla';
import { call } from '../../api/client';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import { useSettingsForm } from './useSettingsForm';

const REGIONS = ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR', 'LV', 'IE', 'DE', 'FR', 'LT', 'EE'];

/** Region, time zone and closure days, with the resulting public holidays shown for a year. */
export function CalendarSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const format = useFormatters();
  const [year, setYear] = useState(new Date().getFullYear());
  const { form, submit, general, busy } = useSettingsForm(
    { region: settings.calendar.region, timeZone: settings.calendar.timeZone, closures: settings.calendar.closures.join('\n') },
    (values) => call('settings.updateCalendar', { region: values.region, timeZone: values.timeZone.trim(), closures: values.closures.split(/\s+/).filter(Boolean) }),
    (path) => (path.startsWith('closures') ? 'closures' : path),
  );
  const values = form.getValues();
  const holidays = holidaysOf(values.region, values.timeZone, year);
  return (
    <Stack gap="md">
      <form onSubmit={submit} noValidate data-testid="calendar-form">
        <Stack gap="sm">
          {general && <Alert color="red">{general}</Alert>}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select label={t('settings.calendar.region')} data={[...new Set([...REGIONS, settings.calendar.region])]} searchable allowDeselect={false} {...form.getInputProps('region')} />
            <TextInput label={t('settings.calendar.timeZone')} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <Textarea label={t('settings.calendar.closures')} description="YYYY-MM-DD" autosize minRows={2} {...form.getInputProps('closures')} />
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      <Paper withBorder p="md">
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4">
            {t('settings.calendar.holidaysIn', { year })}
          </Title>
          <NumberInput w={110} label={t('settings.calendar.year')} value={year} min={2000} max={2100} onChange={(value) => setYear(Number(value) || year)} />
        </Group>
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

function holidaysOf(region: string, timeZone: string, year: number): [string, string][] {
  try {
    return [...createWorkingCalendar({ region, timeZone: timeZone || 'UTC' }).holidays(year).entries()];
  } catch {
    return []; // An unfinished region or time zone while typing: nothing to show yet.
  }
}
