/**
 * "Why this date?" next to a deadline (issue 15): the rule that sets it, every calendar day from
 * its start counted or skipped with the reason (and the holiday's name), and the extension that
 * replaced it, if any. Computed here from the current settings with the same SLA engine the main
 * process used, so it needs no call; when the two disagree (a settings change whose recompute has
 * not reached this case yet), it says so.
 */
import { Alert, Anchor, CloseButton, Group, Popover, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseExtension } from '@shared/domain/records';
import { explainDeadline, type Deadline, type DeadlineKind, type ExplainedDay } from '@shared/sla';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';

/** The procedure rule behind each deadline. */
const RULES: Record<DeadlineKind, string> = {
  acknowledgement: 'P-3.2',
  stage1Resolution: 'P-4.1',
  escalationAcknowledgement: 'P-4.3',
  stage2Resolution: 'P-4.2',
};

export function WhyThisDate({ deadline, extensions }: { readonly deadline: Deadline; readonly extensions: readonly CaseExtension[] }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  return (
    <Popover opened={opened} onChange={setOpened} width={460} position="bottom-start" withArrow shadow="md">
      <Popover.Target>
        <Anchor
          component="button"
          type="button"
          size="xs"
          onClick={() => setOpened((open) => !open)}
          aria-expanded={opened}
          data-testid={`why-${deadline.kind}`}
        >
          {t('deadline.why')}
        </Anchor>
      </Popover.Target>
      <Popover.Dropdown data-testid="why-this-date" data-why-deadline={deadline.kind}>
        {opened && <Explanation deadline={deadline} extensions={extensions} onClose={() => setOpened(false)} />}
      </Popover.Dropdown>
    </Popover>
  );
}

function Explanation({
  deadline,
  extensions,
  onClose,
}: {
  readonly deadline: Deadline;
  readonly extensions: readonly CaseExtension[];
  readonly onClose: () => void;
}) {
  const { t } = useTranslation();
  const { settings, calendar } = useSettings();
  const format = useFormatters();
  const explanation = explainDeadline(calendar, settings.slaPolicy, deadline);
  const extension = deadline.extensionId ? extensions.find((candidate) => candidate.id === deadline.extensionId) : undefined;
  const kind = t(`deadlineKinds.${deadline.kind}`);
  const ruleText =
    explanation.rule.unit === 'working-days'
      ? t('whyThisDate.ruleWorkingDays', { count: explanation.rule.amount, start: format.dateTime(deadline.startsAt), rule: RULES[deadline.kind] })
      : t('whyThisDate.ruleClockHours', { count: explanation.rule.amount, start: format.dateTime(deadline.startsAt), rule: RULES[deadline.kind] });
  return (
    <Stack gap="xs">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Text fw={600} size="sm">
          {t('whyThisDate.title', { deadline: kind, date: format.dateTime(deadline.dueAt) })}
        </Text>
        <CloseButton size="sm" aria-label={t('whyThisDate.close')} onClick={onClose} />
      </Group>
      {deadline.extensionId && (
        <Alert color="orange" p="xs" data-testid="why-extension">
          <Text size="sm">
            {t('whyThisDate.extended', { date: format.dateTime(deadline.dueAt), procedureDate: format.dateTime(explanation.procedureDueAt) })}
          </Text>
          {extension && <Text size="sm">{t('whyThisDate.extensionReason', { reason: extension.reason, approvedBy: extension.approvedBy })}</Text>}
        </Alert>
      )}
      {!explanation.current && (
        <Alert color="yellow" p="xs" data-testid="why-outdated">
          <Text size="sm">{t('whyThisDate.outdated')}</Text>
        </Alert>
      )}
      <Text size="sm">{ruleText}</Text>
      {deadline.provisional && (
        <Text size="sm" c="dimmed">
          {t('whyThisDate.provisional')}
        </Text>
      )}
      {explanation.days.length > 0 && (
        <>
          <ScrollArea.Autosize mah={320} type="auto">
            <DayTable days={explanation.days} />
          </ScrollArea.Autosize>
          <Text size="xs" c="dimmed">
            {t('whyThisDate.endOfDay')}
          </Text>
        </>
      )}
    </Stack>
  );
}

function DayTable({ days }: { readonly days: readonly ExplainedDay[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // Each counted day's number: working day 1, 2, … up to the deadline's day.
  const numbers = days.reduce<number[]>((list, day) => [...list, (list.at(-1) ?? 0) + (day.counted ? 1 : 0)], []);
  return (
    <Table striped withRowBorders={false} data-testid="why-days" fz="sm">
      <TableHead headings={[t('whyThisDate.day'), t('whyThisDate.counts'), t('whyThisDate.reason')]} />
      <Table.Tbody>
        {days.map((day, index) => (
          <Table.Tr key={day.date} data-date={day.date} data-counted={day.counted} data-reason={day.reason}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.shortDay(day.date)}</Table.Td>
            <Table.Td>
              {day.counted ? (
                <Text size="sm" c="teal" fw={600} style={{ whiteSpace: 'nowrap' }}>
                  {t('whyThisDate.counted', { number: numbers[index] ?? 0 })}
                </Text>
              ) : (
                <Text size="sm" c="dimmed">
                  {t('whyThisDate.skipped')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              {t(`dayKinds.${day.reason}`)}
              {day.name ? ` · ${day.name}` : ''}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
