/**
 * Subject access, step 3 (issue 14): who the export is for, the summary's language and where the
 * archive goes (in the app, Electron's save dialog; in the browser harness, a typed path), then
 * the export. It is refused while a withheld entry has no reason; the main process refuses a bad
 * path with its reason and writes nothing.
 */
import { Alert, Button, Checkbox, Group, Select, Stack, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LETTER_LANGUAGES, type LetterLanguage } from '@shared/domain/letters';
import type { SubjectAccessExportResult } from '@shared/domain/subject-access';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/hooks';
import { useErrors } from '../../errors/useErrors';
import { missingReasons, withheldEntries, withheldFields, type Decisions } from './decisions';
import type { Selection } from './PersonSearch';

function isLanguage(value: string | null): value is LetterLanguage {
  return value === 'en-GB' || value === 'lv';
}

export function ExportForm({
  selection,
  decisions,
  onExported,
}: {
  readonly selection: Selection;
  readonly decisions: Decisions;
  readonly onExported: (result: SubjectAccessExportResult) => void;
}) {
  const { t, i18n } = useTranslation();
  const errors = useErrors();
  const info = useApiQuery('app.info', {});
  const [subjectName, setSubjectName] = useState(selection.subjectName);
  const [language, setLanguage] = useState<LetterLanguage>(i18n.language === 'lv' ? 'lv' : 'en-GB');
  const [destination, setDestination] = useState('');
  const [overwrite, setOverwrite] = useState(false);
  const [exporting, setExporting] = useState(false);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const missing = missingReasons(decisions);

  const choose = async () => {
    setGeneral(null);
    try {
      const choice = await call('people.chooseArchive', { suggestedName: `subject-access-${subjectName || 'export'}.zip` });
      if (choice.path) {
        setDestination(choice.path);
        // The save dialog has asked before replacing a file.
        setOverwrite(true);
      }
    } catch (error) {
      setGeneral(errors.text(error));
    }
  };

  const run = async () => {
    setExporting(true);
    setGeneral(null);
    setFieldErrors({});
    try {
      onExported(
        await call('people.export', {
          caseIds: [...selection.caseIds],
          letterIds: [...selection.letterIds],
          subjectName,
          withheld: withheldEntries(decisions),
          withheldFields: withheldFields(decisions),
          destination,
          overwrite,
          language,
        }),
      );
    } catch (error) {
      const { fields, general: message } = errors.fields(error);
      setFieldErrors(fields);
      setGeneral(message ?? (Object.keys(fields).some((field) => field !== 'destination' && field !== 'subjectName') ? errors.text(error) : null));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('subjectAccess.exportTitle')}
      </Title>
      {general && (
        <Alert color="red" data-testid="sar-export-error">
          {general}
        </Alert>
      )}
      {missing.length > 0 && (
        <Alert color="orange" data-testid="sar-reasons-missing">
          {t('subjectAccess.reasonNeeded')}
        </Alert>
      )}
      <Group grow align="flex-start">
        <TextInput
          label={t('subjectAccess.subjectName')}
          required
          value={subjectName}
          error={fieldErrors['subjectName']}
          onChange={(event) => setSubjectName(event.currentTarget.value)}
          data-testid="sar-subject-name"
        />
        <Select
          label={t('subjectAccess.language')}
          value={language}
          allowDeselect={false}
          data={LETTER_LANGUAGES.map((value) => ({ value, label: t(`language.${value}`) }))}
          onChange={(value) => isLanguage(value) && setLanguage(value)}
          data-testid="sar-language"
        />
      </Group>
      <Group align="flex-end" wrap="nowrap">
        <TextInput
          style={{ flex: 1 }}
          label={t('subjectAccess.destination')}
          description={t('subjectAccess.destinationHint')}
          required
          value={destination}
          error={fieldErrors['destination']}
          onChange={(event) => setDestination(event.currentTarget.value)}
          data-testid="sar-destination"
        />
        {info.data?.host === 'electron' && (
          <Button variant="default" onClick={() => void choose()} data-testid="sar-choose">
            {t('subjectAccess.choose')}
          </Button>
        )}
      </Group>
      <Checkbox
        label={t('subjectAccess.replace')}
        checked={overwrite}
        onChange={(event) => setOverwrite(event.currentTarget.checked)}
        data-testid="sar-overwrite"
      />
      <Group justify="flex-end">
        <Button
          onClick={() => void run()}
          loading={exporting}
          disabled={missing.length > 0 || destination.trim() === '' || subjectName.trim() === ''}
          data-testid="sar-export"
        >
          {t('subjectAccess.export')}
        </Button>
      </Group>
    </Stack>
  );
}
