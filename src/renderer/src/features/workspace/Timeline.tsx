/** Everything that happened on the case, newest first, filterable by kind. */
import { Badge, Chip, Group, Paper, Stack, Text, Timeline as MantineTimeline, Title } from '@mantine/core';
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { TimelineEntry } from '@shared/domain/records';
import { UNPOSTED_LETTER_DETAIL } from '@shared/domain/letters';
import { OUTCOMES, TIMELINE_KINDS, type CaseStatus, type TimelineKind } from '@shared/domain/vocabulary';
import { useFormatters, type Formatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import { useRootCauseLabels } from '../improvements/root-cause-labels';
import { describeDeadlinesMoved } from './deadlines-moved-text';
import { EntryFiles } from './EntryFiles';
import { describeFieldChange, fieldLabel, fieldValue, type FieldLookups } from './field-change-text';

function describe(entry: TimelineEntry, t: TFunction, format: Formatters, lookups: FieldLookups): string {
  switch (entry.kind) {
    case 'communication': {
      const generated = entry.data.generated ?? legacyLetter(entry.data.summary);
      const template = generated?.params['template'];
      const params: Record<string, string> = {
        ...generated?.params,
        date: generated?.params['date'] ? format.dateTime(generated.params['date']) : '',
        ...(template ? { template: t(`letters.templates.${template}`, { defaultValue: template }) } : {}),
      };
      const text = generated ? t(`timeline.generated.${generated.key}`, { ...params, defaultValue: entry.data.summary }) : entry.data.summary;
      return `${t(`directions.${entry.data.direction}`)} · ${t(`channels.${entry.data.channel}`)}: ${text}`;
    }
    case 'note':
      return entry.data.text;
    case 'inquiry':
      return t('timeline.inquiry', { party: entry.data.partyName, question: entry.data.question });
    case 'inquiry-response':
      return t('timeline.inquiryResponse', { party: entry.data.partyName, response: entry.data.response });
    case 'extension':
      return entry.data.breachedAt
        ? t('timeline.extensionAfterBreach', {
            breachedAt: format.dateTime(entry.data.breachedAt),
            date: format.dateTime(entry.data.newDueAt),
            reason: entry.data.reason,
          })
        : t('timeline.extension', { date: format.dateTime(entry.data.newDueAt), reason: entry.data.reason });
    case 'extension-notice':
      return t('timeline.extensionNotice', { channel: t(`channels.${entry.data.channel}`) });
    case 'transition':
      return entry.data.from === null
        ? t('timeline.created')
        : `${t('timeline.transition', { from: t(`statuses.${entry.data.from}`), to: t(`statuses.${entry.data.to}`) })}${entry.data.details ? ` · ${translateDetails(entry.data.details, t)}` : ''}`;
    case 'external-signposting':
      return t('timeline.signposting', { to: entry.data.to });
    case 'external-referral':
      return entry.data.outcome
        ? t('timeline.referralWithOutcome', { to: entry.data.to, outcome: entry.data.outcome })
        : t('timeline.referral', { to: entry.data.to });
    case 'audit':
      return describeFieldChange(entry.data, t, format, lookups);
    case 'conflict': {
      const { kept, discarded } = entry.data;
      const show = (value: unknown) => showConflictValue(entry.data.field, value, t, format, lookups);
      return t('timeline.conflict', {
        field: fieldLabel(entry.data.field, t),
        kept: show(kept.value),
        keptBy: kept.by.name,
        keptAt: format.dateTime(kept.at),
        discarded: show(discarded.value),
        discardedBy: discarded.by.name,
        discardedAt: format.dateTime(discarded.at),
      });
    }
    case 'deadlines-moved':
      return describeDeadlinesMoved(entry.data, t, format);
    case 'restriction':
      return entry.data.restricted
        ? t('timeline.restricted', { people: entry.data.people.map((person) => person.name).join(', '), reason: entry.data.reason })
        : t('timeline.restrictionLifted', { reason: entry.data.reason });
    case 'correspondence-decision':
      return t(`timeline.correspondenceDecision.${entry.data.decision}`, { reason: entry.data.reason });
    case 'case-link':
      return t(entry.data.linked ? 'timeline.caseLinked' : 'timeline.caseUnlinked', { reference: entry.data.otherReference });
    case 'contact-update':
      return t(`timeline.contactUpdated.${entry.data.source}`, { fields: entry.data.fields.map((field) => t(`contactOffer.fields.${field}`)).join(', ') });
  }
}

/**
 * A drafted letter recorded before its entry carried `generated` reads "Letter (template-id) file":
 * it is worded like a new one, so no template id reaches the reader (issue 18).
 */
function legacyLetter(summary: string): { key: 'letterGenerated'; params: Record<string, string> } | undefined {
  const match = /^Letter \(([a-z0-9-]+)\) (.+)$/.exec(summary);
  return match?.[1] && match[2] ? { key: 'letterGenerated', params: { template: match[1], file: match[2] } } : undefined;
}

/** A workflow state reads as its status and stage; other values as the audit trail words them. */
function showConflictValue(field: string, value: unknown, t: TFunction, format: Formatters, lookups: FieldLookups): string {
  if (field !== 'workflow' || typeof value !== 'object' || value === null) {
    const text = fieldValue(field.split('.').at(-1) ?? field, value, t, format, lookups);
    return text.startsWith('“') ? text : `“${text}”`;
  }
  const workflow = value as { status: CaseStatus; stage: number };
  return `“${t(`statuses.${workflow.status}`)}, ${t('timeline.stage', { stage: workflow.stage })}”`;
}

/** Transition details are free text, or an outcome code for resolutions. */
function translateDetails(details: string, t: TFunction): string {
  if (details.startsWith(UNPOSTED_LETTER_DETAIL)) {
    const template = details.slice(UNPOSTED_LETTER_DETAIL.length);
    return t('timeline.closedWithUnpostedLetter', { template: t(`letters.templates.${template}`, { defaultValue: template }) });
  }
  return (OUTCOMES as readonly string[]).includes(details) ? t(`outcomes.${details as (typeof OUTCOMES)[number]}`) : details;
}

const COLOURS: Record<TimelineKind, string> = {
  communication: 'blue',
  note: 'gray',
  inquiry: 'grape',
  'inquiry-response': 'grape',
  extension: 'orange',
  'extension-notice': 'orange',
  transition: 'indigo',
  'external-signposting': 'teal',
  'external-referral': 'teal',
  audit: 'gray',
  conflict: 'red',
  'deadlines-moved': 'yellow',
  'correspondence-decision': 'cyan',
  'case-link': 'cyan',
  'contact-update': 'cyan',
  restriction: 'red',
};

/** A timeline entry as a sentence in the reader's language (the case timeline and the audit view, issue 18). */
export function useEntryText(): (entry: TimelineEntry) => string {
  const { t } = useTranslation();
  const format = useFormatters();
  const { typeLabel, staffName } = useSettings();
  const rootCauses = useRootCauseLabels();
  const lookups: FieldLookups = { typeLabel, staffName, rootCause: rootCauses.label };
  return (entry) => describe(entry, t, format, lookups);
}

/** The colour of an entry's kind. */
export function entryColour(kind: TimelineKind): string {
  return COLOURS[kind];
}

export function CaseTimeline({ entries }: { readonly entries: readonly TimelineEntry[] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const entryText = useEntryText();
  const [shown, setShown] = useState<string[]>(TIMELINE_KINDS.filter((kind) => kind !== 'audit'));
  const visible = [...entries].reverse().filter((entry) => shown.includes(entry.kind));
  return (
    <Paper withBorder p="md" data-testid="timeline">
      <Title order={2} size="h4" mb="xs">
        {t('timeline.title')}
      </Title>
      <Chip.Group multiple value={shown} onChange={setShown}>
        <Group gap={6} mb="md" role="group" aria-label={t('timeline.filter')}>
          {TIMELINE_KINDS.map((kind) => (
            <Chip key={kind} value={kind} size="xs" data-kind={kind}>
              {t(`timeline.kinds.${kind}`)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {visible.length === 0 ? (
        <Text c="dimmed">{t('timeline.empty')}</Text>
      ) : (
        <MantineTimeline bulletSize={14} lineWidth={2}>
          {visible.map((entry) => (
            <MantineTimeline.Item key={entry.id} color={COLOURS[entry.kind]} data-entry-kind={entry.kind}>
              <Stack gap={2}>
                <Group gap="xs">
                  <Badge size="xs" variant="light" color={COLOURS[entry.kind]}>
                    {t(`timeline.kinds.${entry.kind}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {format.dateTime(entry.at)} · {t('timeline.by', { name: entry.by.name })}
                  </Text>
                </Group>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entryText(entry)}
                </Text>
                {(entry.kind === 'note' || entry.kind === 'communication') && entry.data.files?.length ? <EntryFiles files={entry.data.files} /> : null}
              </Stack>
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      )}
    </Paper>
  );
}
