/** Finalised letters waiting to be posted: log the date posted, the class and any tracking number. */
import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { POST_CLASSES, type LetterRecord, type PostClass } from '../../../../shared/domain/letters';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { dispatchText } from '../workspace/letter-dispatch-text';
import { useFormatters } from '../../common/format';
import { officeDay } from './incoming-register';

function PostingRow({ letter, onDone }: { readonly letter: LetterRecord; readonly onDone: () => void }) {
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
        <Anchor component={Link} href={`/case/${letter.caseId ?? ''}`} ff="monospace">
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
        <TextInput size="xs" type="date" aria-label={t('postRoom.postedOn')} value={postedOn} onChange={(event) => setPostedOn(event.currentTarget.value)} error={errors['postedOn']} />
      </Table.Td>
      <Table.Td>
        <NativeSelect size="xs" aria-label={t('postRoom.postClass')} data={POST_CLASSES.map((value) => ({ value, label: t(`postRoom.classes.${value}`) }))} value={postClass} onChange={(event) => setPostClass(event.currentTarget.value as PostClass)} />
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={t('postRoom.trackingNumber')} value={tracking} onChange={(event) => setTracking(event.currentTarget.value)} error={errors['trackingNumber']} />
      </Table.Td>
      <Table.Td>
        <Button size="xs" onClick={() => void save()} data-testid="log-posting">
          {t('postRoom.logPosted')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function OutgoingPost() {
  const { t } = useTranslation();
  // Kept live by letters.changed (live-queries.ts).
  const waiting = useApiQuery('post.list', { awaitingPosting: true });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('postRoom.outgoingHint')}
      </Text>
      {waiting.error && <Alert color="red">{waiting.error.message}</Alert>}
      {(waiting.data ?? []).length === 0 ? (
        <Text c="dimmed">{t('postRoom.nothingToPost')}</Text>
      ) : (
        <Table data-testid="awaiting-posting">
          <Table.Thead>
            <Table.Tr>
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
            {(waiting.data ?? []).map((letter) => (
              <PostingRow key={letter.id} letter={letter} onDone={() => void waiting.refetch()} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group />
    </Stack>
  );
}
