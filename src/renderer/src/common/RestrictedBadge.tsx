/** P-7.1: the mark of a restricted case, in the case list and the case header. */
import { Badge, Tooltip } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function RestrictedBadge({ restricted }: { readonly restricted: boolean }) {
  const { t } = useTranslation();
  if (!restricted) return null;
  return (
    <Tooltip label={t('workspace.restriction.badgeHint')}>
      <Badge color="red" variant="light" leftSection={<IconLock size={12} aria-hidden />} data-testid="restricted-badge">
        {t('workspace.restriction.badge')}
      </Badge>
    </Tooltip>
  );
}
