/**
 * A list of calendar days with a note each (office closures, extra working days), edited in the
 * calendar settings form: add a row, type the day and why, remove a row.
 */
import { ActionIcon, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../common/format';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import type { CalendarForm, DayListField } from './calendar-form';

export function DayListEditor({
  form,
  field,
  label,
  hint,
  addLabel,
}: {
  readonly form: UseFormReturnType<CalendarForm>;
  readonly field: DayListField;
  readonly label: string;
  readonly hint: string;
  readonly addLabel: string;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const days = form.getValues()[field];
  const error = form.errors[field];
  return (
    <Stack gap={4} data-testid={`day-list-${field}`}>
      <Text fw={500} size="sm">
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
      {error && (
        <Text size="xs" c="red">
          {error}
        </Text>
      )}
      {days.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('settings.calendar.none')}
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4}>
          <Table.Tbody>
            {days.map((entry, index) => {
              const shown = /^\d{4}-\d{2}-\d{2}$/.test(entry.day) ? format.shortDay(entry.day) : entry.day;
              return (
                <Table.Tr key={index} data-row={index}>
                  <Table.Td w={190}>
                    <OfficeDateInput aria-label={`${label}: ${t('settings.calendar.day')} ${index + 1}`} {...form.getInputProps(`${field}.${index}.day`)} />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${label}: ${t('settings.calendar.note')} ${index + 1}`}
                      placeholder={t('settings.calendar.notePlaceholder')}
                      maxLength={200}
                      {...form.getInputProps(`${field}.${index}.note`)}
                    />
                  </Table.Td>
                  <Table.Td w={40}>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={t('settings.calendar.remove', { day: shown })}
                      onClick={() => form.removeListItem(field, index)}
                    >
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button variant="light" size="xs" leftSection={<IconPlus size={14} aria-hidden />} onClick={() => form.insertListItem(field, { day: '', note: '' })}>
          {addLabel}
        </Button>
      </Group>
    </Stack>
  );
}
