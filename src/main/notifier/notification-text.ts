/**
 * The words of desktop and in-app notifications, in the language the user chose. Bursts become
 * one summary per level ("7 deadlines breached") instead of a flood.
 */
import type { DeadlineKind } from '../../shared/sla';
import type { DeadlineEvent, NotificationLevel } from './deadline-events';

export type NotificationLanguage = 'en-GB' | 'lv';

export interface NotificationDraft {
  readonly level: NotificationLevel;
  readonly title: string;
  readonly body: string;
  readonly caseIds: readonly string[];
  /** Where clicking it leads: the case, or the Breached / Due soon view for a summary. */
  readonly path: string;
}

const TEXT = {
  'en-GB': {
    kinds: {
      acknowledgement: 'Acknowledgement',
      stage1Resolution: 'Stage-1 resolution',
      escalationAcknowledgement: 'Escalation acknowledgement',
      stage2Resolution: 'Stage-2 resolution',
    },
    breached: (reference: string) => `Deadline breached: ${reference}`,
    dueSoon: (reference: string) => `Deadline due soon: ${reference}`,
    body: (kind: string, name: string) => `${kind} for ${name}`,
    manyBreached: (count: number) => `${count} deadlines breached`,
    manyDueSoon: (count: number) => `${count} deadlines due soon`,
    manyBody: (references: string) => `Including ${references}`,
  },
  lv: {
    kinds: {
      acknowledgement: 'Saņemšanas apstiprinājums',
      stage1Resolution: '1. posma risinājums',
      escalationAcknowledgement: 'Eskalācijas apstiprinājums',
      stage2Resolution: '2. posma risinājums',
    },
    breached: (reference: string) => `Termiņš kavēts: ${reference}`,
    dueSoon: (reference: string) => `Termiņš tuvojas: ${reference}`,
    body: (kind: string, name: string) => `${kind} — ${name}`,
    manyBreached: (count: number) => `Kavēti termiņi: ${count}`,
    manyDueSoon: (count: number) => `Tuvojas termiņi: ${count}`,
    manyBody: (references: string) => `Tostarp ${references}`,
  },
} as const;

/** More than this many events of one level at once become a summary. */
export const SUMMARY_THRESHOLD = 3;

export function draftNotifications(events: readonly DeadlineEvent[], language: NotificationLanguage): NotificationDraft[] {
  const words = TEXT[language];
  const drafts: NotificationDraft[] = [];
  for (const level of ['breached', 'due-soon'] as const) {
    const ofLevel = events.filter((event) => event.level === level);
    if (ofLevel.length === 0) continue;
    if (ofLevel.length > SUMMARY_THRESHOLD) {
      drafts.push({
        level,
        title: level === 'breached' ? words.manyBreached(ofLevel.length) : words.manyDueSoon(ofLevel.length),
        // A case with two deadlines in the burst is named once (issue 18).
        body: words.manyBody([...new Set(ofLevel.map((event) => event.reference))].slice(0, 3).join(', ')),
        caseIds: [...new Set(ofLevel.map((event) => event.caseId))],
        path: level === 'breached' ? '/cases/view/breached' : '/cases/view/due-soon',
      });
      continue;
    }
    for (const event of ofLevel) {
      drafts.push({
        level,
        title: level === 'breached' ? words.breached(event.reference) : words.dueSoon(event.reference),
        body: words.body(words.kinds[event.deadline as DeadlineKind], event.complainantName),
        caseIds: [event.caseId],
        path: `/case/${event.caseId}`,
      });
    }
  }
  return drafts;
}
