/**
 * Settings → Subject access (issue 14, administrators; P-7.2, UK GDPR right of access): find the
 * person, confirm the matches that are theirs, review and withhold with reasons, export one archive.
 */
import { Alert, Button, Group } from '@mantine/core';
import { SectionCard } from '../../components/SectionCard';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubjectAccessExportResult, SubjectAccessReview } from '@shared/domain/subject-access';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import type { Decision, Decisions } from './decisions';
import { ExportForm } from './ExportForm';
import { PersonSearch, type Selection } from './PersonSearch';
import { ReviewEntries } from './ReviewEntries';

export function SubjectAccessPanel() {
  const { t } = useTranslation();
  const errors = useErrors();
  const [round, setRound] = useState(0);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [review, setReview] = useState<SubjectAccessReview | null>(null);
  const [decisions, setDecisions] = useState<Decisions>({});
  const [exported, setExported] = useState<SubjectAccessExportResult | null>(null);
  const [general, setGeneral] = useState<string | null>(null);

  const startReview = async (chosen: Selection) => {
    setGeneral(null);
    setExported(null);
    try {
      setReview(await call('people.review', { caseIds: [...chosen.caseIds], letterIds: [...chosen.letterIds] }));
      setSelection(chosen);
      setDecisions({});
    } catch (error) {
      setGeneral(errors.text(error));
    }
  };
  const decide = (key: string, decision: Decision) => setDecisions((current) => ({ ...current, [key]: decision }));
  const startOver = () => {
    setSelection(null);
    setReview(null);
    setDecisions({});
    setExported(null);
    setRound((value) => value + 1);
  };

  return (
    <SectionCard title={t('subjectAccess.title')} intro={t('subjectAccess.intro')} gap="md" data-testid="subject-access">
      {general && (
        <Alert color="red" data-testid="sar-error">
          {general}
        </Alert>
      )}
      <PersonSearch key={round} onReview={(chosen) => void startReview(chosen)} />
      {review && selection && (
        <>
          <ReviewEntries review={review} decisions={decisions} onDecide={decide} />
          {exported ? (
            <Alert color="teal" data-testid="sar-exported">
              {t('subjectAccess.exported', {
                path: exported.path,
                cases: exported.cases,
                letters: exported.letters,
                files: exported.files,
                withheld: exported.withheld,
              })}
            </Alert>
          ) : (
            <ExportForm key={selection.caseIds.join() + selection.letterIds.join()} selection={selection} decisions={decisions} onExported={setExported} />
          )}
          <Group justify="flex-end">
            <Button variant="subtle" onClick={startOver} data-testid="sar-start-over">
              {t('subjectAccess.startOver')}
            </Button>
          </Group>
        </>
      )}
    </SectionCard>
  );
}
