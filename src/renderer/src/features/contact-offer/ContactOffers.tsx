/**
 * Issue 18: "contact details offered to the existing case". While a letter or a new complaint is
 * typed, the sender is looked up by e-mail, telephone and customer number; for each open case of
 * theirs whose details differ, the form says which details differ (never the case's values: a
 * clerk may not see them, P-7.1) and offers to update the case. Nothing changes until the person
 * presses "Update case …"; the main process audits it on the case's timeline.
 */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactOffer, ContactSource } from '@shared/domain/contact-update';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useErrors } from '../../errors/useErrors';
import { recognisable, typedContact, type TypedContactValues } from './contact-offer-input';

export function ContactOffers({ values, source }: { readonly values: TypedContactValues; readonly source: ContactSource }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const [probe] = useDebouncedValue(JSON.stringify(typedContact(values)), 300);
  const contact = typedContact(values);
  const asked = JSON.parse(probe) as ReturnType<typeof typedContact>;
  const offers = useApiQuery('cases.contactOffers', asked, { enabled: recognisable(asked) });
  const [busy, setBusy] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const shown = recognisable(asked) ? (offers.data ?? []) : [];
  if (shown.length === 0) return null;

  const fieldList = (offer: ContactOffer) => offer.differs.map((field) => t(`contactOffer.fields.${field}`)).join(', ');
  const matchList = (offer: ContactOffer) => offer.matchedBy.map((field) => t(`contactOffer.fields.${field}`)).join(', ');

  const update = async (offer: ContactOffer) => {
    setBusy(offer.caseId);
    setProblem(null);
    try {
      // What is typed now, not what was typed when the offer was made.
      await call('cases.updateContact', { caseId: offer.caseId, source, contact });
      notifications.show({ color: 'teal', message: t('contactOffer.updated', { reference: offer.reference }) });
      await offers.refetch();
    } catch (error) {
      // The reason is given at the offer (no field of this form is in error).
      const { fields, general } = errors.fields(error);
      setProblem(Object.values(fields).join(' ') || general || errors.text(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="xs" mt="sm" data-testid="contact-offers">
      {problem && (
        <Alert color="red" role="alert" data-testid="contact-offer-problem">
          {problem}
        </Alert>
      )}
      {shown.map((offer) => (
        <Alert
          key={offer.caseId}
          color="blue"
          title={t('contactOffer.title', { reference: offer.reference, name: offer.complainantName })}
          data-testid="contact-offer"
        >
          <Group justify="space-between" wrap="nowrap" align="flex-end">
            <Text size="sm">{t('contactOffer.body', { matchedBy: matchList(offer), fields: fieldList(offer) })}</Text>
            <Button size="compact-sm" variant="light" loading={busy === offer.caseId} onClick={() => void update(offer)} data-testid="contact-offer-update">
              {t('contactOffer.update', { reference: offer.reference })}
            </Button>
          </Group>
        </Alert>
      ))}
    </Stack>
  );
}
