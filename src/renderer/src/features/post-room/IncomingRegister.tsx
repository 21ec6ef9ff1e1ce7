/**
 * The incoming post register, built for a pile of envelopes: keyboard first (Ctrl+Enter logs the
 * letter from any field), batch mode (the form clears for the next letter, keeps the date, counts
 * the batch, and can undo the last entry), live checks of the quoted reference and UK postcode,
 * possible duplicates offered before saving, scans attached to the letter. The letter being typed,
 * the batch and Undo are kept for the session (register-session.ts), and a refused letter puts
 * focus on its first field in error (issue 18).
 */
import { Alert, Anchor, Badge, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { useCan } from '../../session/SessionContext';
import { INCOMING_KINDS } from '@shared/domain/letters';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useErrors } from '../../errors/useErrors';
import { readAsBase64 } from '../../common/files';
import { logOnShortcut } from '../../common/register-form-keys';
import { focusFirstError } from '../../common/focus-first-error';
import { useFormatters } from '../../common/format';
import { parseTypedDate } from '../../common/typed-date';
import { useSettings } from '../../settings/SettingsContext';
import {
  blankRegister,
  checkQuotedReference,
  duplicateProbe,
  formPathFor,
  incomingLetterInput,
  letterInputIssues,
  needsReference as kindNeedsReference,
  postcodeHint,
  typedToday,
  type RegisterValues,
} from './incoming-register';
import { keepRegister, registerSession, subscribeRegister } from './register-session';
import { ScanPicker, type PickedScan } from './ScanPicker';
import { ContactOffers } from '../contact-offer/ContactOffers';

function DateHint({ typed }: { readonly typed: string }) {
  const { t } = useTranslation();
  const { longDay } = useFormatters();
  if (typed.trim() === '') return null;
  const day = parseTypedDate(typed);
  return <>{day ? longDay(day) : t('postRoom.notADate')}</>;
}

/** One toast for the batch, replaced by each letter logged, so a pile of post does not bury the screen. */
function announce(toast: { color?: string; message: string }): void {
  notifications.hide('post-room-batch');
  notifications.show({ id: 'post-room-batch', ...toast });
}

export function IncomingRegister() {
  // Clerks file post against a case's reference; only those who may open cases get links to them.
  const opensCases = useCan()('cases.get');
  const { t } = useTranslation();
  const errors = useErrors();
  const { settings, typeLabel } = useSettings();
  const firstField = useRef<HTMLSelectElement>(null);
  const formNode = useRef<HTMLFormElement>(null);
  // Issue 18: the letter, its scans, the batch and Undo live in the session, not in this component,
  // so Ctrl+K, another page or another post-room tab does not lose them.
  const { scans, batch, batchId } = useSyncExternalStore(subscribeRegister, registerSession);
  const setScans = (next: PickedScan[]) => keepRegister({ scans: next });
  const [general, setGeneral] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const usableTypes = settings.complaintTypes.filter((type) => !type.retired);
  const blank = (keep?: Pick<RegisterValues, 'receivedOn' | 'kind'>) => blankRegister(usableTypes[0]?.id ?? '', typedToday(settings.calendar.timeZone), keep);
  const form = useForm<RegisterValues>({
    mode: 'controlled',
    initialValues: registerSession().values ?? blank(),
    onValuesChange: (next) => keepRegister({ values: next }),
  });
  /** The next letter's form, kept for the session even if the register was left meanwhile. */
  const startNext = (next: RegisterValues) => {
    keepRegister({ values: next });
    form.setValues(next);
  };
  const values = form.getValues();
  const needsReference = kindNeedsReference(values.kind);

  // Live check of the quoted reference: its check character, then the case it names.
  const [quoted] = useDebouncedValue(values.referenceQuoted, 150);
  const referenceCheck = checkQuotedReference(quoted);
  const quotedReference = referenceCheck?.ok ? referenceCheck.reference : '';
  const referenceCase = useApiQuery('cases.quickSearch', { query: quotedReference, limit: 1 }, { enabled: quotedReference !== '' });
  // Issue 18: post on a known case is usually from its complainant: their name is filled in (still
  // editable) unless the clerk already typed one. Clerks see only the name, never the address.
  const knownComplainant = quotedReference !== '' ? referenceCase.data?.hits[0]?.complainantName : undefined;
  useEffect(() => {
    if (knownComplainant && form.getValues().sender.name.trim() === '') form.setFieldValue('sender.name', knownComplainant);
  }, [knownComplainant]); // eslint-disable-line react-hooks/exhaustive-deps -- only a newly found case fills it
  const postcode = postcodeHint(values.sender);

  const [probe] = useDebouncedValue(JSON.stringify(duplicateProbe(values)), 300);
  const lookFor = JSON.parse(probe) as ReturnType<typeof duplicateProbe>;
  const duplicates = useApiQuery('cases.findDuplicates', lookFor ?? {}, { enabled: lookFor !== null, placeholderData: keepPreviousData });
  const matches = lookFor ? (duplicates.data ?? []) : [];

  /** Issue 18: the errors at their fields, and focus on the first of them in form order (live checks included). */
  const showFieldErrors = (fields: Record<string, string>, current: RegisterValues) => {
    const errorsAt = Object.fromEntries(Object.entries(fields).map(([path, text]) => [formPathFor(path), text]));
    form.setErrors(errorsAt);
    const reference = kindNeedsReference(current.kind) ? checkQuotedReference(current.referenceQuoted) : null;
    const live = [...(reference && !reference.ok ? ['referenceQuoted'] : []), ...(postcodeHint(current.sender).invalid ? ['sender.postcode'] : [])];
    focusFirstError(formNode.current, [...Object.keys(errorsAt), ...live]);
  };

  const submit = async () => {
    if (busy) return;
    setGeneral(null);
    form.clearErrors();
    const current = form.getValues();
    // The API's own checks first: every field error at once, nothing sent.
    const issues = letterInputIssues(incomingLetterInput(current, [], batchId));
    const reference = kindNeedsReference(current.kind) ? checkQuotedReference(current.referenceQuoted) : null;
    if (issues.length > 0 || (reference && !reference.ok)) {
      const fields: Record<string, string> = {};
      for (const found of issues) if (!(found.path in fields)) fields[found.path] = errors.issue(found);
      showFieldErrors(fields, current);
      setGeneral(t('common.fixErrors'));
      return;
    }
    setBusy(true);
    try {
      const uploads = await Promise.all(
        scans.map(async (scan) => ({ name: scan.file.name, mimeType: scan.file.type, dataBase64: await readAsBase64(scan.file) })),
      );
      const letter = await call('post.logIncoming', incomingLetterInput(current, uploads, batchId));
      keepRegister({ batch: [letter, ...registerSession().batch], scans: [] });
      startNext(blank({ receivedOn: current.receivedOn, kind: current.kind }));
      announce({ color: 'teal', message: letter.caseReference ? t('postRoom.loggedWithCase', { reference: letter.caseReference }) : t('postRoom.logged') });
      firstField.current?.focus();
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      showFieldErrors(fields, current);
      setGeneral(message ?? t('common.fixErrors'));
    } finally {
      setBusy(false);
    }
  };

  /** Issue 18: a fresh letter (the date received and kind stay, as after logging one), by button or Esc. */
  const clear = () => {
    const current = form.getValues();
    startNext(blank({ receivedOn: current.receivedOn, kind: current.kind }));
    form.clearErrors();
    setScans([]);
    setGeneral(null);
    firstField.current?.focus();
  };

  const undo = async () => {
    const last = batch[0];
    if (!last) return;
    try {
      await call('post.undo', { letterId: last.id });
      keepRegister({ batch: registerSession().batch.filter((letter) => letter.id !== last.id) });
      announce({ message: t('postRoom.undone') });
    } catch (error) {
      setGeneral(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <Stack gap="md">
      <form
        ref={formNode}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
        onKeyDown={(event) => {
          if (logOnShortcut(event, () => void submit())) return;
          // An open list (a select's options) closes first; Esc on the form itself clears it.
          if (event.key === 'Escape' && !event.defaultPrevented) {
            event.preventDefault();
            clear();
          }
        }}
        data-testid="incoming-form"
      >
        <Paper withBorder p="md">
          <Stack gap="sm">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {t('postRoom.incomingTitle')}
              </Title>
              <Group gap="xs">
                <Badge size="lg" variant="light" data-testid="batch-count">
                  {t('postRoom.batchCount', { count: batch.length })}
                </Badge>
                <Button size="xs" variant="default" disabled={batch.length === 0} onClick={() => void undo()} data-testid="undo-last">
                  {t('postRoom.undoLast')}
                </Button>
              </Group>
            </Group>
            <Text size="xs" c="dimmed">
              {t('postRoom.keyboardHint')}
            </Text>
            {general && (
              <Alert color="red" role="alert">
                {general}
              </Alert>
            )}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                ref={firstField}
                // Keyboard first: the clerk starts typing as soon as the register opens.
                autoFocus
                label={t('postRoom.kind')}
                data={INCOMING_KINDS.map((kind) => ({ value: kind, label: t(`postRoom.kinds.${kind}`) }))}
                {...form.getInputProps('kind')}
                data-testid="letter-kind"
              />
              <TextInput
                label={t('postRoom.receivedOn')}
                required
                placeholder="dd/mm/yyyy"
                description={<DateHint typed={values.receivedOn} />}
                {...form.getInputProps('receivedOn')}
                data-testid="letter-received-on"
              />
              {needsReference ? (
                <TextInput
                  label={t('postRoom.referenceQuoted')}
                  required
                  {...form.getInputProps('referenceQuoted')}
                  error={
                    form.errors['referenceQuoted'] ??
                    (referenceCheck && !referenceCheck.ok ? t(`postRoom.referenceProblems.${referenceCheck.problem}`) : undefined)
                  }
                  description={
                    referenceCheck?.ok
                      ? referenceCase.data?.hits[0]
                        ? `✓ ${referenceCase.data.hits[0].reference} · ${referenceCase.data.hits[0].complainantName}`
                        : t('postRoom.referenceUnknown')
                      : undefined
                  }
                  data-testid="letter-reference"
                />
              ) : (
                <TextInput
                  label={t('postRoom.letterDate')}
                  placeholder="dd/mm/yyyy"
                  description={<DateHint typed={values.letterDate} />}
                  {...form.getInputProps('letterDate')}
                  data-testid="letter-date"
                />
              )}
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {/* Issue 18: the possible-duplicate warning sits directly under the name that raises it, so the
                  clerk sees it while typing at 1366×768 (it was below the fold, after the contact fields). The
                  live region is always there, so a screen reader announces the warning as it appears; the
                  focus stays in the name field, and Tab reaches the warning's links next. */}
              <Stack gap="xs">
                <TextInput
                  label={t('postRoom.senderName')}
                  required
                  {...form.getInputProps('sender.name')}
                  // A name filled from the case is selected on entry, so typing another replaces it.
                  onFocus={(event) => event.currentTarget.select()}
                  data-testid="letter-sender"
                />
                <div aria-live="polite" data-testid="letter-duplicates-region">
                  {matches.length > 0 && (
                    <Alert color="yellow" title={t('newCase.duplicateHint', { count: matches.length })} data-testid="letter-duplicates">
                      <List size="sm">
                        {matches.map((match) => (
                          <List.Item key={match.id}>
                            <Group gap="xs">
                              {opensCases ? (
                                <Anchor component={Link} href={`/case/${match.id}`}>
                                  {match.reference}
                                </Anchor>
                              ) : (
                                <Text size="sm" ff="monospace">
                                  {match.reference}
                                </Text>
                              )}
                              <Text size="sm">{match.complainantName}</Text>
                              <Button
                                size="compact-xs"
                                variant="light"
                                onClick={() => {
                                  form.setFieldValue('kind', 'correspondence');
                                  form.setFieldValue('referenceQuoted', match.reference);
                                }}
                              >
                                {t('postRoom.logAsCorrespondence')}
                              </Button>
                            </Group>
                          </List.Item>
                        ))}
                      </List>
                    </Alert>
                  )}
                </div>
              </Stack>
              <Textarea label={t('postRoom.senderAddress')} autosize minRows={2} {...form.getInputProps('sender.addressLines')} data-testid="letter-address" />
              {/* Issue 18: the country comes before the postcode it decides the format of; focusing it selects
                  the code, so typing "LV" over the pre-filled "GB" replaces it instead of doing nothing. */}
              <TextInput
                label={t('postRoom.country')}
                maxLength={2}
                {...form.getInputProps('sender.country')}
                onFocus={(event) => event.currentTarget.select()}
                onChange={(event) => form.setFieldValue('sender.country', event.currentTarget.value.toUpperCase())}
                data-testid="letter-country"
              />
              <TextInput
                label={t('postRoom.postcode')}
                {...form.getInputProps('sender.postcode')}
                error={form.errors['sender.postcode'] ?? (postcode.invalid ? t('postRoom.postcodeInvalid') : undefined)}
                description={!postcode.invalid && postcode.normalised ? `→ ${postcode.normalised}` : undefined}
                onBlur={() => !postcode.invalid && postcode.normalised && form.setFieldValue('sender.postcode', postcode.normalised)}
                data-testid="letter-postcode"
              />
            </SimpleGrid>
            {values.kind === 'new-complaint' && (
              <NativeSelect
                label={t('fields.type')}
                data={usableTypes.map((type) => ({ value: type.id, label: typeLabel(type.id) }))}
                {...form.getInputProps('type')}
                data-testid="letter-type"
              />
            )}
            {values.kind === 'not-a-complaint' && (
              <TextInput label={t('postRoom.routedTo')} required {...form.getInputProps('routedTo')} data-testid="letter-routed-to" />
            )}
            <TextInput label={t('postRoom.summary')} required {...form.getInputProps('summary')} data-testid="letter-summary" />
            <Textarea label={t('postRoom.note')} autosize minRows={1} {...form.getInputProps('note')} />
            {/* Issue 18: how else to reach the sender, all optional; after the summary so that a letter without them costs no keystrokes (Ctrl+Enter logs it). */}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('postRoom.senderEmail')} type="email" autoComplete="off" {...form.getInputProps('sender.email')} data-testid="letter-email" />
              <TextInput label={t('postRoom.senderPhone')} type="tel" autoComplete="off" {...form.getInputProps('sender.phone')} data-testid="letter-phone" />
              <TextInput
                label={t('postRoom.customerNumber')}
                autoComplete="off"
                {...form.getInputProps('sender.customerNumber')}
                data-testid="letter-customer-number"
              />
            </SimpleGrid>
            {/* Issue 18: new contact details of a sender who already has a case are offered to that case, never written silently. */}
            <ContactOffers values={values.sender} source="letter" />
            <ScanPicker scans={scans} onChange={setScans} error={form.errors['scans'] as string | undefined} />
            <Group justify="flex-end">
              <Button variant="default" onClick={clear} data-testid="clear-letter">
                {t('postRoom.clear')}
              </Button>
              <Button type="submit" loading={busy} data-testid="log-letter">
                {t('postRoom.logLetter')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>
      {batch.length > 0 && (
        <Table data-testid="batch-list">
          <Table.Caption>{t('postRoom.batchCaption')}</Table.Caption>
          <TableHead headings={[t('postRoom.kind'), t('postRoom.senderName'), t('postRoom.caseOrRoute'), t('postRoom.summary')]} />
          <Table.Tbody>
            {batch.map((letter) => (
              <Table.Tr key={letter.id}>
                <Table.Td>{t(`postRoom.kinds.${letter.kind ?? 'new-complaint'}`)}</Table.Td>
                <Table.Td>{letter.party.name}</Table.Td>
                <Table.Td>
                  {letter.caseId && opensCases ? (
                    <Anchor component={Link} href={`/case/${letter.caseId}`} ff="monospace">
                      {letter.caseReference}
                    </Anchor>
                  ) : letter.caseId ? (
                    // A clerk sees the reference to file the letter, not the case (no link).
                    <Text span ff="monospace" data-testid="case-reference">
                      {letter.caseReference}
                    </Text>
                  ) : (
                    letter.routedTo
                  )}
                </Table.Td>
                <Table.Td>{letter.summary}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
