import { ActionIcon, Alert, Badge, CopyButton, Group, Paper, Select, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { acknowledgementBounce, acknowledgementUndelivered, type AcknowledgementUndelivered, type CaseRecord } from '@shared/domain/records/case-record';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { DeadlineBadge } from '../../common/DeadlineBadge';
import { useFormatters } from '../../common/format';
import { StatusText } from '../../common/StatusText';
import { useNow } from '../../common/useNow';
import { useSettings } from '../../settings/SettingsContext';
import { RestrictedBadge } from '../../common/RestrictedBadge';
import { RestrictionControl } from './Restriction';
import { AcknowledgementByTelephone } from './AcknowledgementByTelephone';
import { WhyThisDate } from './WhyThisDate';

/** Issue 17: the bounce recorded for the acknowledgement this deadline is for (P-3.2, P-4.3). */
function bouncedFor(record: CaseRecord, kind: string): AcknowledgementUndelivered | null {
  if (kind === 'acknowledgement') return acknowledgementBounce(record, 'acknowledgement');
  return kind === 'escalationAcknowledgement' ? acknowledgementBounce(record, 'escalation-acknowledgement') : null;
}

function AcknowledgementDelivery({ bounced }: { readonly bounced: AcknowledgementUndelivered | null }) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!bounced) return null;
  return (
    <Text size="xs" c={bounced.reached ? 'dimmed' : 'orange'} data-testid="acknowledgement-delivery">
      {bounced.reached
        ? t('deadline.acknowledgementReached', { date: format.dateTime(bounced.reached.at), channel: t(`channels.${bounced.reached.channel}`) })
        : t('deadline.acknowledgementUndelivered')}
    </Text>
  );
}

export function CaseHeader({ detail, onChanged }: { readonly detail: CaseDetail; readonly onChanged: (detail: CaseDetail) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { settings } = useSettings();
  const now = useNow();
  const record = detail.case;
  const missingNotice = record.extensions.some((extension) => extension.customerNotice === null);
  // Issue 17, P-3.2: the acknowledgement e-mail bounced and nothing has reached the customer since.
  const undelivered = acknowledgementUndelivered(record);
  const assign = async (assigneeId: string | null) => {
    try {
      onChanged(await call('cases.assign', { caseId: record.id, assigneeId }));
    } catch (error) {
      notifications.show({ color: 'red', message: t('common.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };
  return (
    <Paper withBorder p="md" data-testid="case-header">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <Title order={1} size="h2" ff="monospace" data-testid="case-reference">
              {record.reference}
            </Title>
            <CopyButton value={record.reference}>
              {({ copied, copy }) => (
                <Tooltip label={copied ? t('common.copied') : t('workspace.copyReference')}>
                  <ActionIcon
                    variant="subtle"
                    aria-label={t('workspace.copyReference')}
                    onClick={() => {
                      copy();
                      notifications.show({ message: t('workspace.referenceCopied', { reference: record.reference }) });
                    }}
                  >
                    {copied ? <IconCheck size={18} aria-hidden /> : <IconCopy size={18} aria-hidden />}
                  </ActionIcon>
                </Tooltip>
              )}
            </CopyButton>
            <Badge size="lg" variant="light" data-testid="case-status" data-status={record.status}>
              <StatusText stage={record.stage} status={record.status} />
            </Badge>
            <RestrictedBadge restricted={record.restricted} />
          </Group>
          <Select
            w={240}
            label={t('workspace.assignee')}
            placeholder={t('common.unassigned')}
            data={settings.staff
              .filter((member) => member.active || member.id === record.assignee?.id)
              .map((member) => ({ value: member.id, label: member.name }))}
            value={record.assignee?.id ?? null}
            onChange={(value) => void assign(value)}
            clearable
            data-testid="case-assignee"
          />
        </Group>
        <Group justify="space-between" wrap="wrap">
          <Text fw={500}>{record.summary}</Text>
          <RestrictionControl record={record} onChanged={onChanged} />
        </Group>
        <Group gap="xs" aria-label={t('workspace.deadlines')} data-testid="case-deadlines">
          {detail.case.deadlines.map((deadline) => (
            <Group key={deadline.kind} gap={4} data-deadline={deadline.kind} data-due={deadline.dueAt}>
              <DeadlineBadge deadline={deadline} now={now} withKind />
              {!deadline.metAt && (
                // Issue 18: the date and time itself, on screen (not only in a tooltip), for keyboards and screen readers.
                <Text size="xs" data-testid={`due-${deadline.kind}`}>
                  {deadline.kind === 'escalationAcknowledgement'
                    ? t('deadline.dueWithTarget', { date: format.dateTime(deadline.dueAt), target: format.dateTime(deadline.warnAt) })
                    : t('deadline.due', { date: format.dateTime(deadline.dueAt) })}
                </Text>
              )}
              {/* The deadline stays met when the e-mail went; beside it, that the customer did not get it (or when they did). */}
              {deadline.metAt && <AcknowledgementDelivery bounced={bouncedFor(record, deadline.kind)} />}
              <WhyThisDate deadline={deadline} extensions={record.extensions} />
              {deadline.provisional && !deadline.metAt && (
                <Text size="xs" c="dimmed">
                  {t('deadline.provisional')}
                </Text>
              )}
              {deadline.extensionId && (
                <Text size="xs" c="dimmed">
                  {t('deadline.extended')}
                </Text>
              )}
            </Group>
          ))}
        </Group>
        {undelivered && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="acknowledgement-undelivered">
            <Stack gap="xs">
              <Text size="sm">
                {t(undelivered.kind === 'acknowledgement' ? 'workspace.acknowledgementUndelivered' : 'workspace.escalationAcknowledgementUndelivered', {
                  to: undelivered.to,
                  sentAt: format.dateTime(undelivered.sentAt),
                  bouncedAt: format.dateTime(undelivered.bouncedAt),
                  reason: undelivered.reason,
                })}
              </Text>
              <AcknowledgementByTelephone caseId={record.id} onChanged={onChanged} />
            </Stack>
          </Alert>
        )}
        {missingNotice && (
          <Alert color="orange" icon={<IconAlertTriangle size={18} aria-hidden />} data-testid="extension-warning">
            {t('workspace.extensionWithoutNotice')}
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
