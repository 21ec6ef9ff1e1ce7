/**
 * The case's letters: scans of letters received and letters sent. "Generate a letter" fills a
 * template from the case (P-3.2 acknowledgement, P-4.4 extension notice, resolutions, P-6.1 final
 * response); the text can be edited before it is finalised to PDF, after which it cannot change.
 */
import { Alert, Anchor, Badge, Button, Group, Modal, NativeSelect, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconFileSearch, IconMailPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_LANGUAGES, LETTER_TEMPLATES, type LetterLanguage, type LetterTemplateId, type PromisedDates } from '@shared/domain/letters';
import type { CaseDetail } from '@shared/domain/views';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useErrors } from '../../errors/useErrors';
import { useFormatters } from '../../common/format';
import { useCan } from '../../session/SessionContext';
import { LetterEmail } from '../mail/LetterEmail';
import { dispatchText } from './letter-dispatch-text';
import { FileViewer, type ViewedFile } from '../file-viewer/FileViewer';

function suggestedTemplate(detail: CaseDetail): LetterTemplateId {
  const status = detail.case.status;
  if (detail.case.extensions.some((extension) => extension.customerNotice === null)) return 'extension-notice';
  if (status === 'escalation-requested' || status === 'escalation-acknowledged') return 'escalation-acknowledgement';
  if (status === 'stage2-resolution-communicated') return 'stage2-final-response';
  if (status === 'resolution-communicated') return 'stage1-resolution';
  return 'acknowledgement';
}

export function LettersPanel({ detail }: { readonly detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const errors = useErrors();
  const format = useFormatters();
  // Kept live by letters.changed (live-queries.ts).
  const letters = useApiQuery('post.list', { caseId: detail.case.id });
  const sendsEmail = useCan()('mail.send');
  const [composing, setComposing] = useState(false);
  const [template, setTemplate] = useState<LetterTemplateId>(suggestedTemplate(detail));
  const [language, setLanguage] = useState<LetterLanguage>(i18n.language === 'lv' ? 'lv' : 'en-GB');
  const [text, setText] = useState('');
  // Issue 18 §2: the dates the draft promised, so finalising re-renders any that moved since.
  const [draftedDates, setDraftedDates] = useState<PromisedDates>({});
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Issue 19: a file that is on the team server while offline says so (never "not found").
  const [fileError, setFileError] = useState<string | null>(null);
  // Issue 18: a scan or letter opens in the app's viewer (download from there).
  const [viewed, setViewed] = useState<ViewedFile | null>(null);
  const openFile = (fileId: string) => {
    setFileError(null);
    void call('post.file', { fileId }).then(setViewed, (caught: unknown) => setFileError(errors.text(caught)));
  };

  const draft = async (nextTemplate = template, nextLanguage = language) => {
    setError(null);
    try {
      const drafted = await call('post.draftLetter', { caseId: detail.case.id, template: nextTemplate, language: nextLanguage });
      setText(drafted.text);
      setDraftedDates(drafted.dates);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  const finalise = async () => {
    setBusy(true);
    try {
      const finalised = await call('post.finaliseLetter', { caseId: detail.case.id, template, language, text, draftedDates });
      // The main process re-rendered a promised date that had moved since the draft: say so.
      setNotice(finalised.text === text ? null : t('letters.datesCorrected'));
      setComposing(false);
      void letters.refetch();
    } catch (caught) {
      const { fields, general } = errors.fields(caught);
      setError(general ?? Object.values(fields)[0] ?? t('common.fixErrors'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="letters-panel">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {t('letters.title')}
        </Title>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMailPlus size={14} aria-hidden />}
          onClick={() => {
            const suggestion = suggestedTemplate(detail);
            setTemplate(suggestion);
            setComposing(true);
            void draft(suggestion, language);
          }}
          data-testid="generate-letter"
        >
          {t('letters.generate')}
        </Button>
      </Group>
      {notice && (
        <Alert color="blue" mb="xs" withCloseButton onClose={() => setNotice(null)} role="status" data-testid="letter-dates-corrected">
          {notice}
        </Alert>
      )}
      {fileError && (
        <Alert color="yellow" mb="xs" withCloseButton onClose={() => setFileError(null)} data-testid="file-error">
          {fileError}
        </Alert>
      )}
      {(letters.data ?? []).length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('letters.none')}
        </Text>
      ) : (
        // A list rather than a table: the panel sits in a narrow column and file names are long.
        <Stack gap={0} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {(letters.data ?? []).map((letter) => (
            <Stack
              key={letter.id}
              component="li"
              gap={2}
              py="xs"
              style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}
              data-letter-id={letter.id}
            >
              <Group gap="xs" wrap="nowrap">
                <Badge variant="light" color={letter.direction === 'in' ? 'blue' : 'grape'} style={{ flexShrink: 0 }}>
                  {t(`directions.${letter.direction}`)}
                </Badge>
                <Text size="sm" fw={500}>
                  {letter.direction === 'in'
                    ? t(`postRoom.kinds.${letter.kind ?? 'correspondence'}`)
                    : t(`letters.templates.${letter.template ?? 'acknowledgement'}`)}
                </Text>
                <Text size="sm" c="dimmed" ml="auto" style={{ whiteSpace: 'nowrap' }}>
                  {letter.direction === 'in' && letter.receivedOn ? format.day(letter.receivedOn) : format.date(letter.loggedAt)}
                </Text>
              </Group>
              {letter.direction === 'out' && (
                <Text size="sm" fw={letter.posting ? undefined : 600} data-testid="letter-dispatch">
                  {dispatchText(letter.posting, t, format)}
                </Text>
              )}
              {/* Issue 17: a letter that went out (by post or e-mail) is not offered for sending again. */}
              {letter.direction === 'out' && letter.posting === null && sendsEmail && detail.case.complainant.email !== '' && (
                <LetterEmail letterId={letter.id} />
              )}
              {letter.files.map((file) => (
                <Anchor
                  key={file.id}
                  component="button"
                  size="sm"
                  ta="left"
                  style={{ overflowWrap: 'anywhere' }}
                  onClick={() => openFile(file.id)}
                  aria-label={t('fileViewer.open', { name: file.name })}
                  data-testid="open-file"
                >
                  <IconFileSearch size={12} aria-hidden /> {file.name}
                </Anchor>
              ))}
            </Stack>
          ))}
        </Stack>
      )}
      <FileViewer key={viewed?.name ?? ''} file={viewed} onClose={() => setViewed(null)} />
      <Modal opened={composing} onClose={() => setComposing(false)} title={t('letters.generate')} size="xl">
        <Stack gap="sm" data-testid="letter-composer">
          {error && <Alert color="red">{error}</Alert>}
          <Group grow>
            <NativeSelect
              label={t('letters.template')}
              data={LETTER_TEMPLATES.map((value) => ({ value, label: t(`letters.templates.${value}`) }))}
              value={template}
              onChange={(event) => {
                const next = event.currentTarget.value as LetterTemplateId;
                setTemplate(next);
                void draft(next, language);
              }}
              data-testid="letter-template"
            />
            <NativeSelect
              label={t('language.label')}
              data={LETTER_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
              value={language}
              onChange={(event) => {
                const next = event.currentTarget.value as LetterLanguage;
                setLanguage(next);
                void draft(template, next);
              }}
            />
          </Group>
          <Textarea
            label={t('letters.text')}
            description={t('letters.editHint')}
            autosize
            minRows={12}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            data-testid="letter-text"
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setComposing(false)}>
              {t('common.cancel')}
            </Button>
            <Button onClick={() => void finalise()} loading={busy} disabled={text.trim() === ''} data-testid="finalise-letter">
              {t('letters.finalise')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
