/** Error text in the current language, for components (see error-text.ts). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText, fieldErrors, issueText } from './error-text';
import type { FieldIssue } from '@shared/api/errors';

export function useErrors() {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(
    () => ({
      text: (error: unknown) => errorText(t, error, language),
      issue: (issue: Pick<FieldIssue, 'code' | 'params'>) => issueText(t, issue, language),
      fields: (error: unknown, prefix = '') => fieldErrors(error, t, language, prefix),
    }),
    [t, language],
  );
}
