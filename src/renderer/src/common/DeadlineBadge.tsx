import { Badge, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineKind } from '@shared/sla';
import { STATE_COLOURS, useFormatters } from './format';

export interface DeadlineBadgeProps {
  readonly deadline: { kind: DeadlineKind; dueAt: string; warnAt: string; metAt?: string | null; breachedAt?: string | null } | null;
  readonly now: Date;
  readonly withKind?: boolean;
  /**
   * Issue 18: the date and time the deadline falls due, as text on screen under the countdown (not
   * only in the tooltip, which keyboards and screen readers cannot reach). The stage-2
   * acknowledgement shows its 5-working-day target while it is ahead (P-4.3), then its limit.
   */
  readonly withDue?: boolean;
}

/** A deadline's live countdown (working days or hours) coloured by its state. */
export function DeadlineBadge({ deadline, now, withKind = false, withDue = false }: DeadlineBadgeProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!deadline) return <span>{t('deadline.none')}</span>;
  const { state, text } = format.countdown(deadline, now);
  const label = withKind ? `${t(`deadlineKinds.${deadline.kind}`)}: ${text}` : text;
  const badge = (
    <Tooltip
      label={`${t(`deadlineKinds.${deadline.kind}`)} · ${t(`deadlineStates.${state}`)} · ${t('deadline.due', { date: format.dateTime(deadline.dueAt) })}`}
    >
      <Badge
        size={withDue ? 'sm' : 'md'}
        color={state === 'breached' ? 'red.9' : STATE_COLOURS[state]}
        variant={state === 'breached' ? 'filled' : 'light'}
        data-state={state}
        style={{ textTransform: 'none' }}
      >
        {label}
      </Badge>
    </Tooltip>
  );
  if (!withDue || deadline.metAt) return badge;
  const aimFirst = deadline.kind === 'escalationAcknowledgement' && now.getTime() < Date.parse(deadline.warnAt);
  return (
    <span style={{ display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 }}>
      {badge}
      <Text component="span" size="xs" lh={1.2} data-testid="deadline-due-at" data-due={deadline.dueAt}>
        {aimFirst ? t('deadline.aimBy', { date: format.shortDateTime(deadline.warnAt) }) : t('deadline.due', { date: format.shortDateTime(deadline.dueAt) })}
      </Text>
    </span>
  );
}
