/** Settings → Retention (issue 14, P-7.2): the years a closed case keeps personal data, per final outcome. */
import { Alert, Group, NumberInput, Stack, Text } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import { useTranslation } from 'react-i18next';
import { MAX_RETENTION_YEARS, RETENTION_OUTCOMES, type RetentionPolicy, type RetentionView } from '@shared/domain/retention';
import { call } from '../../api/client';
import { useSaveForm } from '../settings/useSaveForm';

export function RetentionPolicyForm({ view, onChanged }: { readonly view: RetentionView; readonly onChanged: (view: RetentionView) => void }) {
  const { t } = useTranslation();
  const {
    form,
    submit,
    general,
    busy: saving,
  } = useSaveForm<RetentionPolicy>(view.policy, async (values) => {
    onChanged(await call('retention.setPolicy', values));
  });
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('retention.policyIntro')}
        </Text>
        {general && (
          <Alert color="red" data-testid="retention-policy-error">
            {general}
          </Alert>
        )}
        <Group grow align="flex-start">
          {RETENTION_OUTCOMES.map((outcome) => (
            <NumberInput
              key={outcome}
              label={t(`retention.outcome.${outcome}`)}
              suffix={` ${t('retention.years')}`}
              min={1}
              max={MAX_RETENTION_YEARS}
              allowDecimal={false}
              {...form.getInputProps(`years.${outcome}`)}
              data-testid={`retention-years-${outcome}`}
            />
          ))}
        </Group>
        <SubmitRow label={t('common.save')} busy={saving} data-testid="retention-policy-save" />
      </Stack>
    </form>
  );
}
