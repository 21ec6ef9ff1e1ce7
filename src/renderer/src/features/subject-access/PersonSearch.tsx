/**
 * Subject access, step 1 (issue 14): search by name, e-mail, phone or postcode, then tick the
 * matches that are this person. Each match shows what tells similar names apart (e-mail, phone,
 * postcode, what matched); nothing is ticked for the administrator. A letter filed on a ticked
 * case goes with it.
 */
import { Alert, Badge, Button, Checkbox, Group, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { SubmitRow } from '../../components/SubmitRow';
import { TableHead } from '../../components/TableHead';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonMatchField, PersonSearchResult } from '@shared/domain/people-search';
import { call } from '../../api/client';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';

export interface Selection {
  readonly caseIds: readonly string[];
  readonly letterIds: readonly string[];
  /** The name on the first ticked case (or letter): the export's heading, which the administrator may change. */
  readonly subjectName: string;
}

function MatchedOn({ fields }: { readonly fields: readonly PersonMatchField[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      {fields.map((field) => (
        <Badge key={field} size="xs" variant="light">
          {t(`subjectAccess.matchFields.${field}`)}
        </Badge>
      ))}
    </Group>
  );
}

function toggle(list: readonly string[], id: string, on: boolean): string[] {
  return on ? [...list, id] : list.filter((entry) => entry !== id);
}

export function PersonSearch({ onReview }: { readonly onReview: (selection: Selection) => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const errors = useErrors();
  const [result, setResult] = useState<PersonSearchResult | null>(null);
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [letterIds, setLetterIds] = useState<string[]>([]);
  const [searching, setSearching] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const form = useForm({ mode: 'controlled', initialValues: { name: '', email: '', phone: '', postcode: '' } });

  const search = async (values: typeof form.values) => {
    setSearching(true);
    setGeneral(null);
    try {
      setResult(await call('people.find', values));
      setCaseIds([]);
      setLetterIds([]);
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      form.setErrors(fields);
      setGeneral(message);
    } finally {
      setSearching(false);
    }
  };

  const review = () => {
    if (!result) return;
    const firstCase = result.cases.find((entry) => caseIds.includes(entry.caseId));
    const firstLetter = result.letters.find((entry) => letterIds.includes(entry.letterId));
    onReview({
      caseIds,
      letterIds: letterIds.filter((id) => !result.letters.some((entry) => entry.letterId === id && entry.caseId !== null && caseIds.includes(entry.caseId))),
      subjectName: firstCase?.complainantName ?? firstLetter?.partyName ?? '',
    });
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('subjectAccess.searchTitle')}
      </Title>
      <form onSubmit={form.onSubmit((values) => void search(values))} noValidate>
        <Stack gap="sm">
          {general && (
            <Alert color="red" data-testid="sar-search-error">
              {general}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 4 }}>
            <TextInput label={t('subjectAccess.name')} {...form.getInputProps('name')} data-testid="sar-name" />
            <TextInput label={t('subjectAccess.email')} {...form.getInputProps('email')} data-testid="sar-email" />
            <TextInput label={t('subjectAccess.phone')} {...form.getInputProps('phone')} data-testid="sar-phone" />
            <TextInput label={t('subjectAccess.postcode')} {...form.getInputProps('postcode')} data-testid="sar-postcode" />
          </SimpleGrid>
          <SubmitRow label={t('common.search')} busy={searching} data-testid="sar-search" />
        </Stack>
      </form>
      {result && result.cases.length === 0 && result.letters.length === 0 && (
        <Text size="sm" data-testid="sar-no-matches">
          {t('subjectAccess.noMatches')}
        </Text>
      )}
      {result && result.cases.length > 0 && (
        <Table striped withTableBorder data-testid="sar-cases" aria-label={t('subjectAccess.casesFound')}>
          <TableHead
            headings={[
              t('subjectAccess.select'),
              t('subjectAccess.reference'),
              t('subjectAccess.name'),
              t('subjectAccess.email'),
              t('subjectAccess.phone'),
              t('subjectAccess.postcode'),
              t('subjectAccess.received'),
              t('subjectAccess.status'),
              t('subjectAccess.matchedOn'),
            ]}
          />
          <Table.Tbody>
            {result.cases.map((entry) => (
              <Table.Tr key={entry.caseId} data-testid="sar-case" data-reference={entry.reference}>
                <Table.Td>
                  <Checkbox
                    aria-label={`${t('subjectAccess.select')}: ${entry.reference}`}
                    checked={caseIds.includes(entry.caseId)}
                    onChange={(event) => setCaseIds((list) => toggle(list, entry.caseId, event.currentTarget.checked))}
                    data-testid="sar-case-select"
                  />
                </Table.Td>
                <Table.Td>{entry.reference}</Table.Td>
                <Table.Td>{entry.complainantName}</Table.Td>
                <Table.Td>{entry.email}</Table.Td>
                <Table.Td>{entry.phone}</Table.Td>
                <Table.Td>{entry.postcode}</Table.Td>
                <Table.Td>{format.date(entry.receivedAt)}</Table.Td>
                <Table.Td>{t(`statuses.${entry.status}`)}</Table.Td>
                <Table.Td>
                  <MatchedOn fields={entry.matchedOn} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {result && result.letters.length > 0 && (
        <Table striped withTableBorder data-testid="sar-letters" aria-label={t('subjectAccess.lettersFound')}>
          <TableHead
            headings={[
              t('subjectAccess.select'),
              t('subjectAccess.date'),
              t('subjectAccess.direction'),
              t('subjectAccess.party'),
              t('subjectAccess.postcode'),
              t('subjectAccess.onCase'),
              t('subjectAccess.matchedOn'),
            ]}
          />
          <Table.Tbody>
            {result.letters.map((entry) => {
              const withCase = entry.caseId !== null && caseIds.includes(entry.caseId);
              return (
                <Table.Tr key={entry.letterId} data-testid="sar-letter">
                  <Table.Td>
                    <Checkbox
                      aria-label={`${t('subjectAccess.select')}: ${entry.partyName} ${entry.date}`}
                      title={withCase ? t('subjectAccess.withCase') : undefined}
                      checked={withCase || letterIds.includes(entry.letterId)}
                      disabled={withCase}
                      onChange={(event) => setLetterIds((list) => toggle(list, entry.letterId, event.currentTarget.checked))}
                      data-testid="sar-letter-select"
                    />
                  </Table.Td>
                  <Table.Td>{entry.date.length === 10 ? format.day(entry.date) : format.date(entry.date)}</Table.Td>
                  <Table.Td>{t(`directions.${entry.direction}`)}</Table.Td>
                  <Table.Td>{entry.partyName}</Table.Td>
                  <Table.Td>{entry.postcode}</Table.Td>
                  <Table.Td>{entry.caseReference ?? '—'}</Table.Td>
                  <Table.Td>
                    <MatchedOn fields={entry.matchedOn} />
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      {result && (
        <Group justify="flex-end">
          <Button onClick={review} disabled={caseIds.length + letterIds.length === 0} data-testid="sar-review">
            {t('subjectAccess.review')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
