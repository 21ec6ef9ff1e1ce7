/**
 * Finalised letters waiting to be posted: log the date posted, the class and any tracking number.
 * Issue 18: choose several, print them as one document and print their address labels, then mark
 * them all posted in one all-or-nothing operation.
 */
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { POST_CLASSES, type LetterRecord, type PostClass } from '@shared/domain/letters';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { dispatchText } from '../workspace/letter-dispatch-text';
import { useFormatters } from '../../common/format';
import { OfficeDateInput } from '../../components/OfficeDateInput';
import { officeDay } from './incoming-register';
import { PrintOutgoing, type PrintJob } from './print/PrintOutgoing';

function PostingRow({
  letter,
  onDone,
  chosen,
  onChoose,
}: {
  readonly letter: LetterRecord;
  readonly onDone: () => void;
  readonly chosen: boolean;
  readonly onChoose: (chosen: boolean) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrors();
  const format = useFormatters();
  const { settings } = useSettings();
  const [postedOn, setPostedOn] = useState(officeDay(settings.calendar.timeZone));
  const [postClass, setPostClass] = useState<PostClass>('first');
  const [tracking, setTracking] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await call('post.logPosting', { letterId: letter.id, postedOn, postClass, trackingNumber: tracking });
      onDone();
    } catch (error) {
      setErrors(errorText.fields(error).fields);
    }
  };
  return (
    <Table.Tr data-letter-id={letter.id}>
      <Table.Td>
        <Checkbox
          aria-label={t('postRoom.batch.choose', { name: letter.party.name, reference: letter.caseReference ?? '' })}
          checked={chosen}
          onChange={(event) => onChoose(event.currentTarget.checked)}
          data-testid="choose-letter"
        />
      </Table.Td>
      <Table.Td>
        {/* Issue 18: a reference on one line (it broke at its hyphens in Latvian at 1366×768). */}
        <Anchor component={Link} href={`/case/${letter.caseId ?? ''}`} ff="monospace" style={{ whiteSpace: 'nowrap' }} data-testid="outgoing-reference">
          {letter.caseReference}
        </Anchor>
      </Table.Td>
      <Table.Td>{letter.party.name}</Table.Td>
      <Table.Td>
        {t(`letters.templates.${letter.template ?? 'acknowledgement'}`)}
        {/* Issue 17: offered again because its e-mail came back. */}
        {letter.posting?.email?.bounce && (
          <Text size="xs" c="orange" data-testid="email-bounced">
            {dispatchText(letter.posting, t, format)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <OfficeDateInput size="xs" w={130} required aria-label={t('postRoom.postedOn')} value={postedOn} onChange={setPostedOn} error={errors['postedOn']} />
      </Table.Td>
      <Table.Td>
        <NativeSelect
          size="xs"
          aria-label={t('postRoom.postClass')}
          data={POST_CLASSES.map((value) => ({ value, label: t(`postRoom.classes.${value}`) }))}
          value={postClass}
          onChange={(event) => setPostClass(event.currentTarget.value as PostClass)}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('postRoom.trackingNumber')}
          value={tracking}
          onChange={(event) => setTracking(event.currentTarget.value)}
          error={errors['trackingNumber']}
        />
      </Table.Td>
      <Table.Td>
        <Button size="xs" onClick={() => void save()} data-testid="log-posting">
          {t('postRoom.logPosted')}
        </Button>
        {/* A refusal of the letter itself (issue 18 §2: the date it promises moved) is said beside its button. */}
        {errors['letterId'] && (
          <Text size="xs" c="red" role="alert" data-testid="posting-refused">
            {errors['letterId']}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

/** The classes a batch is posted by: signed-for post has a tracking number per letter, so it is logged row by row. */
const BATCH_CLASSES = POST_CLASSES.filter((value) => value !== 'signed-for');

/** Issue 18: print the chosen letters and their labels, and mark them posted together. */
function BatchActions({ chosen, onPosted }: { readonly chosen: readonly LetterRecord[]; readonly onPosted: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrors();
  const { settings } = useSettings();
  const [job, setJob] = useState<PrintJob | null>(null);
  const [postedOn, setPostedOn] = useState(officeDay(settings.calendar.timeZone));
  const [postClass, setPostClass] = useState<PostClass>('first');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const none = chosen.length === 0;
  const markPosted = async () => {
    setBusy(true);
    setProblem(null);
    try {
      await call('post.logPostings', { letterIds: chosen.map((letter) => letter.id), postedOn, postClass });
      onPosted();
    } catch (error) {
      // A refused letter is named by its place in the batch (letterIds.N): say which.
      const { fields, general } = errorText.fields(error);
      const named = Object.entries(fields).map(([path, text]) => {
        const letter = /^letterIds\.(\d+)$/.exec(path) ? chosen[Number(path.split('.')[1])] : undefined;
        return letter ? `${letter.caseReference ?? ''} ${letter.party.name}: ${text}` : text;
      });
      setProblem([general, ...named].filter(Boolean).join(' '));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="sm" data-testid="batch-actions">
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {t('postRoom.batch.chosen', { count: chosen.length })}
        </Text>
        {problem && (
          <Alert color="red" role="alert" data-testid="batch-problem">
            {problem}
          </Alert>
        )}
        <Group gap="sm" align="flex-end">
          <Button variant="default" disabled={none} onClick={() => setJob({ kind: 'letters', letters: chosen })} data-testid="print-letters">
            {t('postRoom.batch.printLetters')}
          </Button>
          <Button variant="default" disabled={none} onClick={() => setJob({ kind: 'labels', letters: chosen })} data-testid="print-labels">
            {t('postRoom.batch.printLabels')}
          </Button>
          <OfficeDateInput size="sm" w={150} required label={t('postRoom.postedOn')} value={postedOn} onChange={setPostedOn} data-testid="batch-posted-on" />
          <NativeSelect
            size="sm"
            label={t('postRoom.postClass')}
            data={BATCH_CLASSES.map((value) => ({ value, label: t(`postRoom.classes.${value}`) }))}
            value={postClass}
            onChange={(event) => setPostClass(event.currentTarget.value as PostClass)}
            data-testid="batch-post-class"
          />
          <Button disabled={none} loading={busy} onClick={() => void markPosted()} data-testid="mark-posted">
            {t('postRoom.batch.markPosted', { count: chosen.length })}
          </Button>
        </Group>
      </Stack>
      {job && <PrintOutgoing job={job} onDone={() => setJob(null)} />}
    </Paper>
  );
}

export function OutgoingPost() {
  const { t } = useTranslation();
  // Kept live by letters.changed (live-queries.ts).
  const waiting = useApiQuery('post.list', { awaitingPosting: true });
  const letters = waiting.data ?? [];
  const [chosenIds, setChosenIds] = useState<readonly string[]>([]);
  // Only letters still waiting count as chosen (one posted elsewhere drops out).
  const chosen = letters.filter((letter) => chosenIds.includes(letter.id));
  const choose = (letterId: string, on: boolean) => setChosenIds((current) => (on ? [...current, letterId] : current.filter((id) => id !== letterId)));
  const allChosen = letters.length > 0 && chosen.length === letters.length;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('postRoom.outgoingHint')}
      </Text>
      {waiting.error && <Alert color="red">{waiting.error.message}</Alert>}
      {letters.length === 0 ? (
        <Text c="dimmed">{t('postRoom.nothingToPost')}</Text>
      ) : (
        <>
          <BatchActions
            chosen={chosen}
            onPosted={() => {
              setChosenIds([]);
              void waiting.refetch();
            }}
          />
          <Table data-testid="awaiting-posting">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>
                  <Checkbox
                    aria-label={t('postRoom.batch.chooseAll')}
                    checked={allChosen}
                    indeterminate={chosen.length > 0 && !allChosen}
                    onChange={() => setChosenIds(allChosen ? [] : letters.map((letter) => letter.id))}
                    data-testid="choose-all-letters"
                  />
                </Table.Th>
                <Table.Th>{t('caseList.columns.reference')}</Table.Th>
                <Table.Th>{t('postRoom.recipient')}</Table.Th>
                <Table.Th>{t('letters.template')}</Table.Th>
                <Table.Th>{t('postRoom.postedOn')}</Table.Th>
                <Table.Th>{t('postRoom.postClass')}</Table.Th>
                <Table.Th>{t('postRoom.trackingNumber')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {letters.map((letter) => (
                <PostingRow
                  key={letter.id}
                  letter={letter}
                  chosen={chosenIds.includes(letter.id)}
                  onChoose={(on) => choose(letter.id, on)}
                  onDone={() => void waiting.refetch()}
                />
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </Stack>
  );
}
