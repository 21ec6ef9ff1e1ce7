/** Settings → Retention and erasure (issue 14, P-7.2; administrators): policy, cases due, erasure on request, the register, cleaning the server. */
import { Stack } from '@mantine/core';
import { SectionCard } from '../../components/SectionCard';
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
    <SectionCard title={t(`retention.sections.${key}`)} data-testid={`retention-section-${key}`}>
      {content}
    </SectionCard>
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
