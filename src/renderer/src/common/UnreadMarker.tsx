/** Issue 18: "updated since I last looked": new correspondence on a case its assignee has not opened since. */
import { Badge, VisuallyHidden } from '@mantine/core';
import { IconMailFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/queries';

/** The reader's cases with correspondence they have not seen (kept live by cases.changed). */
export function useUnreadCases(): ReadonlySet<string> {
  const unread = useApiQuery('cases.unread', {}, { retry: false });
  return new Set(unread.data?.caseIds ?? []);
}

/** In the list, an envelope (its words for screen readers); in the workspace, the words. */
export function UnreadMarker({ label = 'short' }: { readonly label?: 'short' | 'long' }) {
  const { t } = useTranslation();
  if (label === 'short') {
    return (
      <Badge color="blue" variant="filled" size="sm" px={4} data-testid="unread-marker" title={t('correspondence.unread')}>
        <IconMailFilled size={12} aria-hidden />
        <VisuallyHidden>{t('correspondence.unread')}</VisuallyHidden>
      </Badge>
    );
  }
  return (
    <Badge color="blue" variant="filled" size="md" leftSection={<IconMailFilled size={12} aria-hidden />} data-testid="unread-marker">
      {t('correspondence.unread')}
    </Badge>
  );
}
