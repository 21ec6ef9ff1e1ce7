/**
 * The words of a "deadlines moved" timeline entry (issue 15): which setting changed, how, and
 * each deadline's old and new date, in the reader's language.
 */
import type { TFunction } from 'i18next';
import type { DeadlinesMoved, SettingChange } from '@shared/domain/records';
import type { Formatters } from '../../common/format';

type T = TFunction;

const SETTING_NAMES = [
  'region',
  'timeZone',
  'closures',
  'extraWorkingDays',
  'workWeek',
  'acknowledgement',
  'stage1ResolutionWorkingDays',
  'escalationAcknowledgementTargetWorkingDays',
  'escalationAcknowledgementLimitWorkingDays',
  'stage2ResolutionWorkingDays',
  'warningLeadHours',
  'officeOpensAt',
  'officeClosesAt',
] as const;

type SettingName = (typeof SETTING_NAMES)[number];

function isSettingName(setting: string): setting is SettingName {
  return (SETTING_NAMES as readonly string[]).includes(setting);
}

function settingName(setting: string, t: T): string {
  return isSettingName(setting) ? t(`timeline.settingNames.${setting}`) : setting;
}

function showSettingValue(setting: string, value: unknown, t: T, format: Formatters): string {
  if (setting === 'workWeek' && Array.isArray(value)) return value.map((weekday) => format.weekday(Number(weekday))).join(', ');
  if (setting === 'acknowledgement' && typeof value === 'object' && value !== null && 'unit' in value && 'amount' in value) {
    const limit = value as { unit: string; amount: number };
    return `${limit.amount} ${limit.unit === 'working-days' ? t('settings.sla.workingDays') : t('settings.sla.clockHours')}`;
  }
  return value === null || value === undefined || value === '' ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

function describeChange(change: SettingChange, t: T, format: Formatters): string[] {
  const setting = settingName(change.setting, t);
  if ('added' in change) {
    const day = (date: string) => (change.notes[date] ? `${format.shortDay(date)} (${change.notes[date]})` : format.shortDay(date));
    return [
      ...(change.added.length > 0 ? [t('timeline.deadlinesMoved.added', { setting, days: change.added.map(day).join(', ') })] : []),
      ...(change.removed.length > 0
        ? [t('timeline.deadlinesMoved.removed', { setting, days: change.removed.map((date) => format.shortDay(date)).join(', ') })]
        : []),
    ];
  }
  return [
    t('timeline.deadlinesMoved.changed', {
      setting,
      before: showSettingValue(change.setting, change.before, t, format),
      after: showSettingValue(change.setting, change.after, t, format),
    }),
  ];
}

export function describeDeadlinesMoved(data: DeadlinesMoved, t: T, format: Formatters): string {
  return [
    t(`timeline.deadlinesMoved.${data.because}`),
    ...data.moved.map((move) =>
      t('timeline.deadlinesMoved.moved', { deadline: t(`deadlineKinds.${move.deadline}`), from: format.dateTime(move.from), to: format.dateTime(move.to) }),
    ),
    ...data.changes.flatMap((change) => describeChange(change, t, format)),
  ].join('\n');
}
