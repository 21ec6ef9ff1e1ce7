/** The case workspace: header, actions, complainant, details, notes and the timeline. */
import { Alert, Anchor, Grid, Skeleton, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CaseDetail } from '../../../../shared/domain/views';
import { call } from '../../api/client';
import { useLiveQuery } from '../../api/live';
import { ActionBar } from './ActionBar';
import { CaseHeader } from './CaseHeader';
import { ComplainantPanel } from './ComplainantPanel';
import { DetailsPanel } from './DetailsPanel';
import { LettersPanel } from './LettersPanel';
import { NoteAndCommunication } from './NoteAndCommunication';
import { CaseTimeline } from './Timeline';

export function CaseWorkspacePage({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const query = useLiveQuery(() => call('cases.get', { caseId }), [caseId], { caseId, settings: true });
  const [latest, setLatest] = useState<CaseDetail | null>(null);
  const detail = latest && latest.case.id === caseId && (!query.data || latest.case.updatedAt >= query.data.case.updatedAt) ? latest : query.data;
  const changed = (next: CaseDetail) => setLatest(next);

  if (query.error?.code === 'NOT_FOUND') return <Alert color="red">{t('workspace.notFound')}</Alert>;
  if (query.error && !detail) return <Alert color="red">{t('common.failed', { message: query.error.message })}</Alert>;
  if (!detail) return <Skeleton height={400} aria-label={t('workspace.loading')} />;
  return (
    <Stack gap="md" data-testid="page-case">
      <Anchor component={Link} href="/cases" size="sm">
        ← {t('workspace.back')}
      </Anchor>
      <CaseHeader detail={detail} onChanged={changed} />
      <ActionBar detail={detail} onChanged={changed} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ComplainantPanel detail={detail} onChanged={changed} />
            <DetailsPanel detail={detail} onChanged={changed} />
            <LettersPanel detail={detail} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <NoteAndCommunication detail={detail} onChanged={changed} />
            <CaseTimeline entries={detail.timeline} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
