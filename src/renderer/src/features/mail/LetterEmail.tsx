/**
 * A finalised letter sent by e-mail (issue 17): "Send by e-mail" queues it for the complainant
 * and sends it when the server can be reached; the line says where it stands (sent when, waiting
 * for the server, or refused, with the reason), and "Try again" sends what is queued.
 */
import { Button, Group, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';

export function LetterEmail({ letterId }: { readonly letterId: string }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const { dateTime } = useFormatters();
  const outbox = useApiQuery('mail.outbox', {});
  const entry = (outbox.data ?? []).find((candidate) => candidate.letterId === letterId);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
    } catch (error) {
      // A refusal about this letter (letterId) is said, not only "check the form" (issue 18 §2: a date that moved).
      const { fields, general } = errors.fields(error);
      setProblem(general ?? Object.values(fields)[0] ?? errors.text(error));
    } finally {
      setBusy(false);
      void outbox.refetch();
    }
  };
  const status = !entry
    ? null
    : entry.state === 'sent'
      ? t('mail.outbox.sent', { time: dateTime(entry.sentAt ?? entry.queuedAt), to: entry.to })
      : entry.state === 'refused'
        ? t('mail.outbox.refused', { to: entry.to })
        : t('mail.outbox.waiting', { reason: entry.problem ? errors.issue({ code: entry.problem }) : '' });
  return (
    <Group gap="xs" data-testid="letter-email">
      {status && (
        <Text size="sm" c={entry?.state === 'refused' ? 'red' : undefined} data-testid="letter-email-status">
          {status}
        </Text>
      )}
      {problem && (
        <Text size="sm" c="red">
          {problem}
        </Text>
      )}
      {!entry && (
        <Button
          size="compact-xs"
          variant="light"
          leftSection={<IconSend size={12} aria-hidden />}
          loading={busy}
          onClick={() => void act(() => call('mail.send', { letterId }))}
          data-testid="send-letter-email"
        >
          {t('mail.outbox.send')}
        </Button>
      )}
      {entry && (entry.state === 'queued' || entry.state === 'sending') && (
        <Button size="compact-xs" variant="subtle" loading={busy} onClick={() => void act(() => call('mail.sendQueued', {}))}>
          {t('mail.outbox.retry')}
        </Button>
      )}
    </Group>
  );
}
