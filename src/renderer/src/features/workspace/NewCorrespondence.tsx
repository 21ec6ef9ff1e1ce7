/**
 * Issue 18: new correspondence on the case. Opening the case marks it seen for the reader (its
 * assignee sees "new correspondence since you last looked" this once); correspondence that arrived
 * on the closed case waits here for the assignee or a manager to reopen, escalate or take no
 * action, with a reason (recorded on the timeline).
 */
import { Alert, Group, Select, Stack, Text, Textarea } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CORRESPONDENCE_DECISIONS, type AwaitingDecision, type CorrespondenceDecision } from '@shared/domain/correspondence';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { apiQueryKey, useApiQuery } from '../../api/queries';
import { UnreadMarker } from '../../common/UnreadMarker';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';

export function NewCorrespondence({ caseId, onChanged }: { readonly caseId: string; readonly onChanged: (detail: CaseDetail) => void }) {
  const client = useQueryClient();
  const correspondence = useApiQuery('cases.correspondence', { caseId }, { retry: false });
  const [wasUnread, setWasUnread] = useState(false);
  const loaded = correspondence.data !== undefined;
  useEffect(() => {
    if (!loaded) return;
    // Opening the case clears its marker; this view still says what was new.
    const unread = correspondence.data?.unread === true;
    void call('cases.markSeen', { caseId })
      .then(() => {
        setWasUnread(unread);
        return client.invalidateQueries({ queryKey: apiQueryKey('cases.unread', {}) });
      })
      .catch(() => undefined);
    // Once per case opened (not again when the answer is fetched again).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [caseId, loaded]);
  const data = correspondence.data;
  if (!data) return null;
  return (
    <Stack gap="sm">
      {wasUnread && (
        <Group>
          <UnreadMarker label="long" />
        </Group>
      )}
      {data.awaitingDecision.map((waiting) => (
        <ClosedCaseCorrespondence key={waiting.entryId} caseId={caseId} waiting={waiting} mayDecide={data.mayDecide} onChanged={onChanged} />
      ))}
    </Stack>
  );
}

function ClosedCaseCorrespondence({
  caseId,
  waiting,
  mayDecide,
  onChanged,
}: {
  readonly caseId: string;
  readonly waiting: AwaitingDecision;
  readonly mayDecide: boolean;
  readonly onChanged: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errors = useErrors();
  const client = useQueryClient();
  const [decision, setDecision] = useState<CorrespondenceDecision | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<{ decision?: string; reason?: string; general?: string }>({});
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    setProblem({});
    try {
      if (!decision) {
        setProblem({ decision: errors.issue({ code: 'required' }) });
        return;
      }
      const detail = await call('cases.decideCorrespondence', { caseId, entryId: waiting.entryId, decision, reason: reason.trim() });
      onChanged(detail);
      await client.invalidateQueries({ queryKey: apiQueryKey('cases.correspondence', { caseId }) });
    } catch (error) {
      const { fields, general } = errors.fields(error);
      setProblem({
        ...(fields['decision'] ? { decision: fields['decision'] } : {}),
        ...(fields['reason'] ? { reason: fields['reason'] } : {}),
        ...(general ? { general } : {}),
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Alert color="orange" title={t('correspondence.closedTitle')} data-testid="closed-case-correspondence">
      <Stack gap="xs">
        <Text size="sm">
          {t('correspondence.closedBody', {
            date: format.dateTime(waiting.at),
            channel: t(`channels.${waiting.channel}` as 'channels.letter'),
            summary: waiting.summary,
          })}
        </Text>
        {mayDecide ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              void submit();
            }}
          >
            <Stack gap="xs">
              <Text size="sm">{t('correspondence.closedAsk')}</Text>
              <Select
                label={t('correspondence.decision')}
                required
                data={CORRESPONDENCE_DECISIONS.map((value) => ({ value, label: t(`correspondence.decisions.${value}`) }))}
                value={decision}
                onChange={(value) => setDecision(CORRESPONDENCE_DECISIONS.find((known) => known === value) ?? null)}
                error={problem.decision}
                allowDeselect={false}
                data-testid="correspondence-decision"
              />
              <Textarea
                label={t('correspondence.reason')}
                required
                autosize
                minRows={2}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={problem.reason}
                data-testid="correspondence-reason"
              />
              {problem.general && (
                <Text c="red.8" size="sm" role="alert">
                  {problem.general}
                </Text>
              )}
              <SubmitRow label={t('correspondence.submit')} busy={busy} data-testid="correspondence-submit" />
            </Stack>
          </form>
        ) : (
          <Text size="sm">{t('correspondence.closedWaits')}</Text>
        )}
      </Stack>
    </Alert>
  );
}
