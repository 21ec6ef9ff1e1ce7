/** The case workspace: header, actions, complainant, details, notes and the timeline. */
import { Alert, Anchor, Grid, Skeleton, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { CaseDetail } from '@shared/domain/views';
import { apiQueryKey, useApiQuery } from '../../api/queries';
import { AccessLogPanel } from './AccessLogPanel';
import { ActionBar } from './ActionBar';
import { CaseHeader } from './CaseHeader';
import { ComplainantPanel } from './ComplainantPanel';
import { DetailsPanel } from './DetailsPanel';
import { LettersPanel } from './LettersPanel';
import { NewCorrespondence } from './NewCorrespondence';
import { NoteAndCommunication } from './NoteAndCommunication';
import { RelatedCasesPanel } from './RelatedCasesPanel';
import { CaseTimeline } from './Timeline';
import { lastListPath } from '../cases/list-memory';

export function CaseWorkspacePage({ caseId }: { readonly caseId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // Kept live by cases.changed for this case and by settings.changed (live-queries.ts).
  const query = useApiQuery('cases.get', { caseId });
  const detail = query.data;
  // A change made here answers with the case as saved: show it at once. A fetch still running
  // from before the change is cancelled first, so its older answer cannot replace the newer one.
  const changed = (next: CaseDetail) => {
    const key = apiQueryKey('cases.get', { caseId: next.case.id });
    void client.cancelQueries({ queryKey: key }).then(() => client.setQueryData(key, next));
  };

  if (query.error?.code === 'NOT_FOUND') return <Alert color="red">{t('workspace.notFound')}</Alert>;
  // P-7.1: need-to-know refused the case; nothing of it is shown.
  if (query.error?.code === 'FORBIDDEN')
    return (
      <Alert color="red" data-testid="case-forbidden">
        {t('workspace.forbidden')}
      </Alert>
    );
  if (query.error && !detail) return <Alert color="red">{t('common.failed', { message: query.error.message })}</Alert>;
  if (!detail) return <Skeleton height={400} aria-label={t('workspace.loading')} />;
  return (
    <Stack gap="md" data-testid="page-case">
      <Anchor component={Link} href={lastListPath()} size="sm" data-testid="back-to-list">
        ← {t('workspace.back')}
      </Anchor>
      <CaseHeader detail={detail} onChanged={changed} />
      <NewCorrespondence caseId={detail.case.id} onChanged={changed} />
      <ActionBar detail={detail} onChanged={changed} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            <ComplainantPanel detail={detail} onChanged={changed} />
            <DetailsPanel detail={detail} onChanged={changed} />
            <LettersPanel detail={detail} />
            <RelatedCasesPanel caseId={detail.case.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <NoteAndCommunication detail={detail} onChanged={changed} />
            <CaseTimeline entries={detail.timeline} />
            <AccessLogPanel caseId={detail.case.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
