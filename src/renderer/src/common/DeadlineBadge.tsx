import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeadlineKind } from '../../../shared/sla';
import { STATE_COLOURS, useFormatters } from './format';

export interface DeadlineBadgeProps {
  readonly deadline: { kind: DeadlineKind; dueAt: string; warnAt: string; metAt?: string | null; breachedAt?: string | null } | null;
  readonly now: Date;
  readonly withKind?: boolean;
}

/** A deadline's live countdown (working days or hours) coloured by its state. */
export function DeadlineBadge({ deadline, now, withKind = false }: DeadlineBadgeProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  if (!deadline) return <span>{t('deadline.none')}</span>;
  const { state, text } = format.countdown(deadline, now);
  const label = withKind ? `${t(`deadlineKinds.${deadline.kind}`)}: ${text}` : text;
  return (
    <Tooltip label={`${t(`deadlineKinds.${deadline.kind}`)} · ${t(`deadlineStates.${state}`)} · ${t('deadline.due', { date: format.dateTime(deadline.dueAt) })}`}>
      <Badge color={state === 'breached' ? 'red.9' : STATE_COLOURS[state]} variant={state === 'breached' ? 'filled' : 'light'} data-state={state} style={{ textTransform: 'none' }}>
        {label}
      </Badge>
    </Tooltip>
  );
}
