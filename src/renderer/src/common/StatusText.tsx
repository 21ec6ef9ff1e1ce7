import { useTranslation } from 'react-i18next';
import type { CaseStatus } from '@shared/domain/vocabulary';

export function StatusText({ stage, status }: { readonly stage: 1 | 2; readonly status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <span>
      {t(`stages.${stage}`)} · {t(`statuses.${status}`)}
    </span>
  );
}
