/**
 * Settings → Retention → Erasure on request (issue 14): find everything about a person
 * (people.find), choose the cases and letters that are theirs (similar names are different
 * people), give a reason that names nobody, and erase, all or none.
 */
import { Alert, Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonSearchResult } from '@shared/domain/people-search';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';

const EMPTY_QUERY = { name: '', email: '', phone: '', postcode: '' };

export function ErasureRequest() {
  const { t } = useTranslation();
  const errors = useErrors();
  const [query, setQuery] = useState(EMPTY_QUERY);
  const [found, setFound] = useState<PersonSearchResult | null>(null);
  const [cases, setCases] = useState<ReadonlySet<string>>(new Set());
  const [letters, setLetters] = useState<ReadonlySet<string>>(new Set());
  const [reason, setReason] = useState('');
  const [fieldError, setFieldError] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const flip = (set: ReadonlySet<string>, id: string) => (set.has(id) ? new Set([...set].filter((item) => item !== id)) : new Set([...set, id]));

  const search = async () => {
    setProblem(null);
    try {
      setFound(await call('people.find', query));
      setCases(new Set());
      setLetters(new Set());
    } catch (error) {
      setProblem(errors.text(error));
    }
  };
  const erase = async () => {
    setWorking(true);
    setProblem(null);
    setFieldError({});
    try {
      const record = await call('erasure.erase', { caseIds: [...cases], letterIds: [...letters], reason });
      notifications.show({ color: 'teal', message: t('retention.erased', { cases: record.counts.cases, letters: record.counts.letters }) });
      setFound(null);
      setReason('');
      setQuery(EMPTY_QUERY);
    } catch (error) {
      const { fields, general } = errors.fields(error);
      setFieldError(fields);
      setProblem(general);
    } finally {
      setWorking(false);
    }
  };
  return (
    <Stack gap="sm" data-testid="erasure-request">
      <Text size="sm" c="dimmed">
        {t('retention.requestIntro')}
      </Text>
      <Group grow align="flex-end">
        {(['name', 'email', 'phone', 'postcode'] as const).map((field) => (
          <TextInput
            key={field}
            label={t(`retention.search.${field}`)}
            value={query[field]}
            onChange={(event) => setQuery({ ...query, [field]: event.currentTarget.value })}
            data-testid={`erasure-search-${field}`}
          />
        ))}
        <Button variant="default" onClick={() => void search()} data-testid="erasure-search">
          {t('retention.search.find')}
        </Button>
      </Group>
      {problem && <Alert color="red">{problem}</Alert>}
      {found && (
        <Stack gap="xs" data-testid="erasure-matches">
          {found.cases.length + found.letters.length === 0 && <Text size="sm">{t('retention.search.none')}</Text>}
          {found.cases.map((match) => (
            <Checkbox
              key={match.caseId}
              checked={cases.has(match.caseId)}
              onChange={() => setCases(flip(cases, match.caseId))}
              label={t('retention.search.caseMatch', {
                reference: match.reference,
                name: match.complainantName,
                email: match.email || '—',
                postcode: match.postcode || '—',
              })}
              data-testid="erasure-case"
            />
          ))}
          {found.letters.map((match) => (
            <Checkbox
              key={match.letterId}
              checked={letters.has(match.letterId)}
              onChange={() => setLetters(flip(letters, match.letterId))}
              label={t('retention.search.letterMatch', { name: match.partyName, date: match.date.slice(0, 10), reference: match.caseReference ?? '—' })}
              data-testid="erasure-letter"
            />
          ))}
          <Textarea
            label={t('retention.reason')}
            description={t('retention.reasonHint')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={fieldError['reason']}
            maxLength={500}
            data-testid="erasure-reason"
          />
          <Group justify="flex-end">
            <Button color="red" disabled={cases.size + letters.size === 0} loading={working} onClick={() => void erase()} data-testid="erasure-erase">
              {t('retention.erase', { count: cases.size + letters.size })}
            </Button>
          </Group>
        </Stack>
      )}
    </Stack>
  );
}
