import { Alert, Button, Group, NativeSelect, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MERGE_FIELDS } from '@shared/domain/letter-templates';
import { LETTER_LANGUAGES, LETTER_TEMPLATES, type LetterLanguage, type LetterTemplateId } from '@shared/domain/letters';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';

/** The outgoing letter templates, editable per template and language. */
export function LetterTemplatesSettings() {
  const { t } = useTranslation();
  // Templates are settings: settings.changed refreshes them (live-queries.ts).
  const templates = useApiQuery('post.templates', {});
  const [template, setTemplate] = useState<LetterTemplateId>('acknowledgement');
  const [language, setLanguage] = useState<LetterLanguage>('en-GB');
  const current = templates.data?.[template][language];
  return (
    <Stack gap="sm">
      <Group grow>
        <NativeSelect
          label={t('letters.template')}
          data={LETTER_TEMPLATES.map((value) => ({ value, label: t(`letters.templates.${value}`) }))}
          value={template}
          onChange={(event) => setTemplate(event.currentTarget.value as LetterTemplateId)}
        />
        <NativeSelect
          label={t('language.label')}
          data={LETTER_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as LetterLanguage)}
        />
      </Group>
      {/* Keyed: choosing another template or language starts from its stored text. */}
      {current !== undefined && (
        <TemplateEditor
          key={`${template}|${language}|${current}`}
          template={template}
          language={language}
          initial={current}
          onSaved={() => void templates.refetch()}
        />
      )}
    </Stack>
  );
}

function TemplateEditor({
  template,
  language,
  initial,
  onSaved,
}: {
  readonly template: LetterTemplateId;
  readonly language: LetterLanguage;
  readonly initial: string;
  readonly onSaved: () => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    try {
      await call('post.saveTemplate', { template, language, text });
      onSaved();
      notifications.show({ color: 'teal', message: t('common.saved') });
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  };
  return (
    <Stack gap="sm">
      {error && <Alert color="red">{error}</Alert>}
      <Textarea label={t('letters.text')} autosize minRows={14} value={text} onChange={(event) => setText(event.currentTarget.value)} />
      <Text size="xs" c="dimmed">
        {t('letters.mergeFields')}: {MERGE_FIELDS.map((field) => `{{${field}}}`).join(' ')}
      </Text>
      <Group justify="flex-end">
        <Button onClick={() => void save()}>{t('common.save')}</Button>
      </Group>
    </Stack>
  );
}
