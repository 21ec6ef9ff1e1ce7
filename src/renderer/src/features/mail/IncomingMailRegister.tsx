/**
 * The incoming-e-mail register (issue 17), keyboard first like the letter register: the arrow
 * keys move through the messages waiting, the form starts on "What the e-mail is" with defaults
 * from the message (a quoted reference makes it correspondence on that case), and Ctrl+Enter
 * triages it and moves to the next one. "Check the mailbox" imports new messages and moves the
 * triaged ones to the processed folder; what it could not import is listed with the reason.
 */
import { Alert, Badge, Button, Group, List, NativeSelect, Paper, ScrollArea, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INCOMING_KINDS } from '@shared/domain/letters';
import type { IncomingMail, MailImportResult } from '@shared/domain/mail';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { logOnShortcut } from '../../common/register-form-keys';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { moveSelection, nextAfter, triageDefaults, triageInput, type TriageValues } from './triage-form';

function FetchResult({ result }: { readonly result: MailImportResult }) {
  const { t } = useTranslation();
  const errors = useErrors();
  return (
    <Alert color={result.refused.length > 0 ? 'orange' : 'teal'} data-testid="mail-fetch-result">
      <Text size="sm">{t('mail.register.fetched', { imported: result.imported, moved: result.moved })}</Text>
      {result.bounced > 0 && (
        <Text size="sm" data-testid="mail-bounced">
          {t('mail.register.bounced', { number: result.bounced })}
        </Text>
      )}
      {result.refused.length > 0 && (
        <List size="sm" mt="xs" data-testid="mail-refused">
          {result.refused.map((refused) => (
            <List.Item key={refused.uid}>
              <Text span fw={500}>
                {refused.subject || t('mail.register.noSubject')}
              </Text>{' '}
              ({refused.from}): {errors.issue(refused)}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

function TriageForm({ mail, onTriaged }: { readonly mail: IncomingMail; readonly onTriaged: () => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const { settings, typeLabel } = useSettings();
  const { dateTime } = useFormatters();
  const usableTypes = settings.complaintTypes.filter((type) => !type.retired);
  const form = useForm<TriageValues>({ mode: 'controlled', initialValues: triageDefaults(mail, usableTypes[0]?.id ?? '') });
  const [busy, setBusy] = useState(false);
  const [general, setGeneral] = useState<string | null>(null);
  const firstField = useRef<HTMLSelectElement>(null);
  useEffect(() => firstField.current?.focus(), []);
  const kind = form.getValues().kind;

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setGeneral(null);
    try {
      const triaged = await call('mail.triage', triageInput(mail.id, form.getValues()));
      notifications.show({
        color: 'teal',
        message: t('mail.register.triaged', {
          what: t(`postRoom.kinds.${triaged.triage?.kind ?? 'new-complaint'}`),
          reference: triaged.triage?.caseReference ?? '',
        }),
      });
      onTriaged();
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      form.setErrors(fields);
      setGeneral(message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="mail-detail">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <Stack gap={0}>
            <Text fw={600} data-testid="mail-subject">
              {mail.subject || t('mail.register.noSubject')}
            </Text>
            <Text size="sm" c="dimmed">
              {mail.from.name} &lt;{mail.from.address}&gt; · {t('mail.register.receivedAt', { time: dateTime(mail.receivedAt) })}
            </Text>
          </Stack>
          {mail.match && (
            <Badge color="teal" data-testid="mail-match">
              {t('mail.register.matches', { reference: mail.match.reference })}
            </Badge>
          )}
        </Group>
        <ScrollArea.Autosize mah={200}>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-body">
            {mail.text}
          </Text>
        </ScrollArea.Autosize>
        {mail.attachments.length > 0 && (
          <Text size="sm" data-testid="mail-attachments">
            {t('mail.register.attachments', { names: mail.attachments.map((file) => file.name).join(', ') })}
          </Text>
        )}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          onKeyDown={(event) => logOnShortcut(event, () => void submit())}
        >
          <Stack gap="xs">
            {general && <Alert color="red">{general}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                ref={firstField}
                label={t('mail.register.kind')}
                data={INCOMING_KINDS.map((value) => ({ value, label: t(`postRoom.kinds.${value}`) }))}
                {...form.getInputProps('kind')}
                data-testid="mail-kind"
              />
              {kind === 'new-complaint' && (
                <NativeSelect
                  label={t('fields.type')}
                  data={usableTypes.map((type) => ({ value: type.id, label: typeLabel(type.id) }))}
                  {...form.getInputProps('type')}
                  data-testid="mail-type"
                />
              )}
              {(kind === 'correspondence' || kind === 'escalation-request') && (
                <TextInput label={t('postRoom.referenceQuoted')} {...form.getInputProps('reference')} data-testid="mail-reference" />
              )}
              {kind === 'not-a-complaint' && <TextInput label={t('postRoom.routedTo')} {...form.getInputProps('routedTo')} data-testid="mail-routed-to" />}
            </SimpleGrid>
            {kind === 'new-complaint' && (
              <TextInput label={t('mail.register.complainant')} {...form.getInputProps('complainantName')} data-testid="mail-complainant" />
            )}
            <TextInput label={t('fields.summary')} {...form.getInputProps('summary')} data-testid="mail-summary" />
            <Textarea label={t('postRoom.note')} autosize minRows={1} {...form.getInputProps('note')} data-testid="mail-note" />
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {t('mail.register.keyboardHint')}
              </Text>
              <Button type="submit" loading={busy} data-testid="mail-triage">
                {t('mail.register.triage')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}

export function IncomingMailRegister() {
  const { t } = useTranslation();
  const errors = useErrors();
  const { dateTime } = useFormatters();
  const waiting = useApiQuery('mail.list', { include: 'untriaged' });
  const rows = waiting.data ?? [];
  const ids = rows.map((row) => row.id);
  const [selected, setSelected] = useState<string | null>(null);
  const [fetching, setFetching] = useState(false);
  const [result, setResult] = useState<MailImportResult | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const current = rows.find((row) => row.id === selected) ?? rows[0] ?? null;

  const fetchMailbox = async () => {
    setFetching(true);
    setProblem(null);
    try {
      setResult(await call('mail.fetch', {}));
      await waiting.refetch();
    } catch (error) {
      setResult(null);
      setProblem(errors.text(error));
    } finally {
      setFetching(false);
    }
  };

  return (
    <Stack gap="md" data-testid="mail-register">
      <Group justify="space-between">
        <Title order={2} size="h3">
          {t('mail.register.title')}
        </Title>
        <Button onClick={() => void fetchMailbox()} loading={fetching} data-testid="mail-fetch">
          {t('mail.register.fetch')}
        </Button>
      </Group>
      {problem && (
        <Alert color="red" data-testid="mail-fetch-problem">
          {problem}
        </Alert>
      )}
      {result && <FetchResult result={result} />}
      {rows.length === 0 ? (
        <Text c="dimmed" data-testid="mail-empty">
          {t('mail.register.empty')}
        </Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Table
            highlightOnHover
            tabIndex={0}
            aria-label={t('mail.register.listLabel')}
            data-testid="mail-list"
            onKeyDown={(event) => {
              if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
              event.preventDefault();
              setSelected(moveSelection(ids, current?.id ?? null, event.key === 'ArrowDown' ? 1 : -1));
            }}
          >
            <TableHead headings={[t('mail.register.received'), t('mail.register.from'), t('mail.register.subject')]} />
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr
                  key={row.id}
                  onClick={() => setSelected(row.id)}
                  bg={row.id === current?.id ? 'var(--mantine-primary-color-light)' : undefined}
                  aria-current={row.id === current?.id ? 'true' : undefined}
                  data-testid="mail-row"
                >
                  <Table.Td>{dateTime(row.receivedAt)}</Table.Td>
                  <Table.Td>{row.from.name || row.from.address}</Table.Td>
                  <Table.Td>
                    {row.subject || t('mail.register.noSubject')}
                    {row.form && (
                      <Badge ml="xs" size="xs" color="grape">
                        {t('mail.register.webForm')}
                      </Badge>
                    )}
                    {row.match && (
                      <Badge ml="xs" size="xs" color="teal">
                        {row.match.reference}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {current && (
            <TriageForm
              key={current.id}
              mail={current}
              onTriaged={() => {
                setSelected(nextAfter(ids, current.id));
                void waiting.refetch();
              }}
            />
          )}
        </SimpleGrid>
      )}
    </Stack>
  );
}
