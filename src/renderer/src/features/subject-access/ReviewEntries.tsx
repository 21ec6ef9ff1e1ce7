/**
 * Subject access, step 2 (issue 14): every entry the export would hold (each case's timeline, the
 * letters and their files), each with include / redact / exclude and, when withheld, its reason.
 * A file can only be included or excluded (it cannot be partly redacted), and so can a case's own
 * free-text field (e.g. the root-cause note). Issue 18: a case's own files (attached to the
 * complaint, a note or a communication) are listed with the case, each to include or exclude.
 */
import { Badge, Group, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ReviewFile, SubjectAccessReview, WithheldKind } from '@shared/domain/subject-access';
import { useFormatters } from '../../common/format';
import { decisionKey, decisionOf, fieldKey, INCLUDED, type Decision, type Decisions, type EntryAction } from './decisions';

interface DecisionProps {
  readonly decisions: Decisions;
  readonly onDecide: (key: string, decision: Decision) => void;
}

function isAction(value: string): value is EntryAction {
  return value === 'include' || value === 'redact' || value === 'exclude';
}

function DecisionControl({
  kind,
  id,
  label,
  decisions,
  onDecide,
}: DecisionProps & { readonly kind: WithheldKind; readonly id: string; readonly label: string }) {
  const key = decisionKey(kind, id);
  return (
    <DecisionFor
      decisionKey={key}
      actions={kind === 'file' ? ['include', 'exclude'] : ['include', 'redact', 'exclude']}
      label={label}
      decisions={decisions}
      onDecide={onDecide}
    />
  );
}

function DecisionFor({
  decisionKey: key,
  actions,
  label,
  decisions,
  onDecide,
}: DecisionProps & { readonly decisionKey: string; readonly actions: readonly EntryAction[]; readonly label: string }) {
  const { t } = useTranslation();
  const decision = decisions[key] ?? INCLUDED;
  return (
    <Stack gap={4}>
      <SegmentedControl
        size="xs"
        aria-label={label}
        value={decision.action}
        data={actions.map((action) => ({ value: action, label: t(`subjectAccess.${action}`) }))}
        onChange={(value) => isAction(value) && onDecide(key, { ...decision, action: value })}
        data-testid="sar-entry-action"
      />
      {decision.action !== 'include' && (
        <TextInput
          size="xs"
          required
          label={t('subjectAccess.reason')}
          value={decision.reason}
          error={decision.reason.trim() === '' ? t('subjectAccess.reasonNeeded') : undefined}
          onChange={(event) => onDecide(key, { ...decision, reason: event.currentTarget.value })}
          data-testid="sar-entry-reason"
        />
      )}
    </Stack>
  );
}

/** A case's or a letter's files, each included or excluded (a file cannot be partly redacted). */
function ReviewFiles({ files, decisions, onDecide }: DecisionProps & { readonly files: readonly ReviewFile[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} pl="md">
      <Text size="xs" fw={600}>
        {t('subjectAccess.files')}
      </Text>
      {files.map((file) => (
        <Group key={file.id} justify="space-between" wrap="nowrap" data-testid="sar-entry" data-kind="file">
          <Text size="sm" data-testid="sar-entry-text">
            {file.name}
          </Text>
          <DecisionControl kind="file" id={file.id} label={file.name} decisions={decisions} onDecide={onDecide} />
        </Group>
      ))}
    </Stack>
  );
}

export function ReviewEntries({ review, decisions, onDecide }: DecisionProps & { readonly review: SubjectAccessReview }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const when = (value: string) => (value.length === 10 ? format.day(value) : format.dateTime(value));
  return (
    <Stack gap="sm" data-testid="sar-review-list">
      <Title order={3} size="h5">
        {t('subjectAccess.reviewTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('subjectAccess.reviewHint')}
      </Text>
      {review.cases.map((entry) => (
        <Paper withBorder p="sm" key={entry.caseId} data-testid="sar-review-case" data-reference={entry.reference}>
          <Stack gap="xs">
            <Text fw={600}>
              {entry.reference} · {entry.complainantName} · {format.date(entry.receivedAt)} · {t(`statuses.${entry.status}`)}
            </Text>
            <Text size="sm">{entry.summary}</Text>
            {entry.fields.map((item) => (
              <Group
                key={item.field}
                justify="space-between"
                align="flex-start"
                wrap="nowrap"
                data-testid="sar-entry"
                data-kind="case-field"
                data-field={item.field}
              >
                <Stack gap={0} style={{ flex: 1 }}>
                  <Badge size="xs" variant="outline">
                    {t(`subjectAccess.caseFields.${item.field}`)}
                  </Badge>
                  <Text size="sm" data-testid="sar-entry-text">
                    {item.text}
                  </Text>
                </Stack>
                <DecisionFor
                  decisionKey={fieldKey(entry.caseId, item.field)}
                  actions={['include', 'exclude']}
                  label={t(`subjectAccess.caseFields.${item.field}`)}
                  decisions={decisions}
                  onDecide={onDecide}
                />
              </Group>
            ))}
            {entry.timeline.map((item) => (
              <Group key={item.id} justify="space-between" align="flex-start" wrap="nowrap" data-testid="sar-entry" data-kind="timeline">
                <Stack gap={0} style={{ flex: 1 }}>
                  <Group gap="xs">
                    <Badge size="xs" variant="light">
                      {t(`timeline.kinds.${item.kind}`)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {when(item.at)} · {item.by}
                    </Text>
                  </Group>
                  <Text size="sm" data-testid="sar-entry-text">
                    {item.text || t('subjectAccess.noText')}
                  </Text>
                </Stack>
                <DecisionControl kind="timeline" id={item.id} label={item.text} decisions={decisions} onDecide={onDecide} />
              </Group>
            ))}
            {entry.files.length > 0 && <ReviewFiles files={entry.files} decisions={decisions} onDecide={onDecide} />}
          </Stack>
        </Paper>
      ))}
      {review.letters.length > 0 && (
        <Title order={4} size="h6">
          {t('subjectAccess.lettersFound')}
        </Title>
      )}
      {review.letters.map((letter) => (
        <Paper withBorder p="sm" key={letter.letterId} data-testid="sar-entry" data-kind="letter">
          <Stack gap="xs">
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <Stack gap={0} style={{ flex: 1 }}>
                <Text size="sm" fw={600}>
                  {t(`directions.${letter.direction}`)} · {when(letter.date)} · {letter.partyName}
                  {letter.caseReference ? ` · ${letter.caseReference}` : ''}
                </Text>
                <Text size="sm" data-testid="sar-entry-text">
                  {letter.summary || t('subjectAccess.noText')}
                </Text>
                {letter.text && (
                  <Text size="xs" c="dimmed" lineClamp={4}>
                    {letter.text}
                  </Text>
                )}
              </Stack>
              <DecisionControl kind="letter" id={letter.letterId} label={letter.summary} decisions={decisions} onDecide={onDecide} />
            </Group>
            {letter.files.length > 0 && decisionOf(decisions, 'letter', letter.letterId).action === 'include' && (
              <ReviewFiles files={letter.files} decisions={decisions} onDecide={onDecide} />
            )}
          </Stack>
        </Paper>
      ))}
    </Stack>
  );
}
