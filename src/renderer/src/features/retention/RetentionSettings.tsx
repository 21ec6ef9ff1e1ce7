/** Settings → Retention and erasure (issue 14, P-7.2; administrators): policy, cases due, erasure on request, the register, cleaning the server. */
import { Paper, Stack, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RetentionView } from '@shared/domain/retention';
import { useApiQuery } from '../../api/hooks';
import { DueCases } from './DueCases';
import { ErasureRequest } from './ErasureRequest';
import { CleanServer, ErasureRegister } from './ErasureRegister';
import { RetentionPolicyForm } from './RetentionPolicyForm';

export function RetentionSettings() {
  const { t } = useTranslation();
  const status = useApiQuery('retention.status', {});
  const [saved, setSaved] = useState<RetentionView | null>(null);
  const view = status.data ?? saved;
  if (!view) return null;
  const section = (key: 'policy' | 'due' | 'request' | 'register' | 'server', content: ReactNode) => (
    <Paper withBorder p="md" data-testid={`retention-section-${key}`}>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t(`retention.sections.${key}`)}
        </Title>
        {content}
      </Stack>
    </Paper>
  );
  return (
    <Stack data-testid="retention-settings">
      {section('policy', <RetentionPolicyForm view={view} onChanged={setSaved} />)}
      {section('due', <DueCases view={view} />)}
      {section('request', <ErasureRequest />)}
      {section('register', <ErasureRegister />)}
      {section('server', <CleanServer />)}
    </Stack>
  );
}
