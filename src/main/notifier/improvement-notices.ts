/**
 * P-5.3: improvement actions told on the desktop. An open action that is due within a week or
 * overdue (shared/domain/improvement-actions.ts, the office's day) is told to its owner, and only
 * to its owner, once for each state: once "due soon", once "overdue". A new due day is a new
 * deadline, told afresh (as an extended case deadline is). Pure: what to tell now, and the office
 * midnight at which an action's state changes next (the notifier wakes then).
 */
import { addDays, format, parseISO } from 'date-fns';
import { IMPROVEMENT_DUE_SOON_DAYS, improvementDue, type ImprovementAction } from '../../shared/domain/improvement-actions';
import { officeDay, officeInstant, type WorkingCalendar } from '../../shared/sla';
import type { NotificationLanguage } from './notification-text';

export interface ImprovementNotice {
  readonly action: Pick<ImprovementAction, 'id' | 'title' | 'dueOn'>;
  readonly due: 'due-soon' | 'overdue';
}

/** Where an improvement notification leads: the improvement actions page. */
export const IMPROVEMENTS_PATH = '/improvements';

const dayAfter = (day: string, days: number) => format(addDays(parseISO(day), days), 'yyyy-MM-dd');

/** The owner's actions to tell of now, and when (ms) the next of their actions changes state (Infinity: none). */
export function improvementNotices(
  actions: readonly ImprovementAction[],
  ownerId: string,
  calendar: WorkingCalendar,
  now: Date,
): { readonly notices: ImprovementNotice[]; readonly nextChangeAt: number } {
  const today = officeDay(calendar, now);
  const notices: ImprovementNotice[] = [];
  let nextChangeAt = Infinity;
  for (const action of actions) {
    if (action.ownerId !== ownerId) continue;
    const due = improvementDue(action, today);
    if (due === 'due-soon' || due === 'overdue') notices.push({ action, due });
    // Due soon from the office midnight a week before the due day; overdue from the midnight after it.
    const changesOn = due === 'later' ? dayAfter(action.dueOn, -IMPROVEMENT_DUE_SOON_DAYS) : due === 'due-soon' ? dayAfter(action.dueOn, 1) : null;
    if (changesOn !== null) nextChangeAt = Math.min(nextChangeAt, officeInstant(calendar, changesOn, '00:00').getTime());
  }
  return { notices, nextChangeAt };
}

/** The once-only key: person, action, its due day and the state told. */
export function improvementNoticeKey(notice: ImprovementNotice, staffId: string): string {
  return `${staffId}|improvement|${notice.action.id}|${notice.action.dueOn}|${notice.due}`;
}

const TEXT = {
  'en-GB': {
    'due-soon': (title: string) => `Improvement action due soon: ${title}`,
    overdue: (title: string) => `Improvement action overdue: ${title}`,
    body: (day: string) => `Due ${day}`,
  },
  lv: {
    'due-soon': (title: string) => `Uzlabošanas pasākumam drīz termiņš: ${title}`,
    overdue: (title: string) => `Uzlabošanas pasākums nokavēts: ${title}`,
    body: (day: string) => `Termiņš ${day}`,
  },
} as const;

export function improvementNoticeText(notice: ImprovementNotice, language: NotificationLanguage): { readonly title: string; readonly body: string } {
  const words = TEXT[language];
  const day = new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${notice.action.dueOn}T12:00:00Z`),
  );
  return { title: words[notice.due](notice.action.title), body: words.body(day) };
}
