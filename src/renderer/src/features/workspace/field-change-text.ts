/**
 * A changed field of a case (an audit entry, or the field of a sync conflict) as words a person
 * reads (issue 18): the field's translated name, never its path ("complainant.email"), and each
 * value formatted: dates in the office time zone, statuses and channels translated, people and
 * complaint types by name, a recorded group of details (an external referral, a resolution) as its
 * parts, never JSON. Audit entries are part of the record of P-5.1.
 */
import type { TFunction } from 'i18next';
import { OUTCOMES } from '@shared/domain/vocabulary';
import type { Formatters } from '../../common/format';

/** Names the app knows things by: complaint types, staff and root causes. */
export interface FieldLookups {
  typeLabel(id: string): string;
  staffName(id: string): string;
  rootCause(id: string): string;
}

export interface FieldChange {
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** Fields of a case (and the conflict groups), each with its name in the locales' `auditFields`. */
export const AUDITED_FIELDS = [
  'reference',
  'complainant',
  'channel',
  'receivedAt',
  'loggedAt',
  'loggedBy',
  'type',
  'product',
  'summary',
  'description',
  'desiredOutcome',
  'stage',
  'status',
  'assignee',
  'departments',
  'restricted',
  'restrictedTo',
  'restriction',
  'thirdParties',
  'clock',
  'acknowledgement',
  'resolution',
  'escalation',
  'stage2Resolution',
  'rootCauseId',
  'rootCauseNote',
  'lessonsLearned',
  'closedAt',
  'externalReferral',
  'extensions',
  'openInquiries',
  'resumeStatus',
  'relatedCaseIds',
  'workflow',
] as const;

/** The parts of a field that holds several details, each with its name in the locales' `auditParts`. */
export const FIELD_PARTS = [
  'kind',
  'name',
  'email',
  'phone',
  'address',
  'lines',
  'postcode',
  'country',
  'preferredChannel',
  'customerNumber',
  'orderNumber',
  'at',
  'by',
  'channel',
  'summary',
  'outcome',
  'redress',
  'requestedAt',
  'reason',
  'undelivered',
  'letterId',
  'to',
  'sentAt',
  'bouncedAt',
  'reached',
  'acknowledgedAt',
  'acknowledgedChannel',
  'departmentHead',
  'department',
  'forwardedAt',
  'signpostedAt',
  'signpostedTo',
  'referredAt',
  'referredTo',
  'outcomeAt',
  'receivedAt',
  'stage1ResolvedAt',
  'stage1ReopenedAt',
  'escalationRequestedAt',
  'escalationAcknowledgedAt',
  'stage2ResolvedAt',
  'stage2ReopenedAt',
  'status',
  'stage',
  'restricted',
  'restrictedTo',
] as const;

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A person as a case stores them: read by their name. */
function isPerson(value: unknown): value is { id: string; name: string } {
  return isRecord(value) && typeof value['id'] === 'string' && typeof value['name'] === 'string';
}

function known<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** "Complainant's e-mail": the field's name, then the part's, never the raw path. */
export function fieldLabel(path: string, t: TFunction): string {
  const [top = '', ...rest] = path.split('.');
  const name = known(AUDITED_FIELDS, top) ? t(`auditFields.${top}`) : t('auditFields.other');
  const part = rest.at(-1);
  return part === undefined ? name : t('auditFields.withPart', { field: name, part: partLabel(part, t) });
}

function partLabel(part: string, t: TFunction): string {
  return known(FIELD_PARTS, part) ? t(`auditParts.${part}`) : t('auditParts.other');
}

/** One value, in words: `key` is the last part of its path, which says what kind of value it is. */
export function fieldValue(key: string, value: unknown, t: TFunction, format: Formatters, lookups: FieldLookups): string {
  if (isEmpty(value)) return t('auditValues.none');
  if (typeof value === 'boolean') return t(value ? 'auditValues.yes' : 'auditValues.no');
  if (typeof value === 'number') return format.decimal(value);
  if (typeof value === 'string') return stringValue(key, value, t, format, lookups);
  if (Array.isArray(value)) return listValue(key, value, t, format, lookups);
  if (isRecord(value)) {
    if (isPerson(value)) return value.name;
    const parts = Object.entries(value)
      .filter(([, part]) => !isEmpty(part))
      .map(([part, inner]) => `${partLabel(part, t)}: ${fieldValue(part, inner, t, format, lookups)}`);
    return parts.length === 0 ? t('auditValues.none') : parts.join('; ');
  }
  return t('auditValues.other');
}

function stringValue(key: string, value: string, t: TFunction, format: Formatters, lookups: FieldLookups): string {
  if (ISO_TIME.test(value)) return format.dateTime(value);
  switch (key) {
    case 'status':
    case 'resumeStatus':
      return t(`statuses.${value}`, { defaultValue: value });
    case 'channel':
    case 'acknowledgedChannel':
      return t(`channels.${value}`, { defaultValue: value });
    case 'preferredChannel':
      return t(`contactPreferences.${value}`, { defaultValue: value });
    case 'type':
      return lookups.typeLabel(value);
    case 'rootCauseId':
      return lookups.rootCause(value);
    case 'outcome':
      return known(OUTCOMES, value) ? t(`outcomes.${value}`) : `“${value}”`;
    case 'kind':
      return t(`complainantKinds.${value}`, { defaultValue: t(`redressKinds.${value}`, { defaultValue: value }) });
    default:
      return `“${value}”`;
  }
}

function listValue(key: string, values: readonly unknown[], t: TFunction, format: Formatters, lookups: FieldLookups): string {
  if (key === 'restrictedTo') return values.map((id) => (typeof id === 'string' ? lookups.staffName(id) : t('auditValues.other'))).join(', ');
  if (key === 'relatedCaseIds' || key === 'extensions' || key === 'openInquiries' || key === 'redress') return t('auditValues.items', { count: values.length });
  if (values.every((value) => typeof value === 'string')) return values.map((value) => stringValue(key, value, t, format, lookups)).join(', ');
  return t('auditValues.items', { count: values.length });
}

/** The sentence: set, cleared, or changed from one value to another. */
export function describeFieldChange(change: FieldChange, t: TFunction, format: Formatters, lookups: FieldLookups): string {
  const key = change.field.split('.').at(-1) ?? change.field;
  const field = fieldLabel(change.field, t);
  const before = fieldValue(key, change.before, t, format, lookups);
  const after = fieldValue(key, change.after, t, format, lookups);
  if (isEmpty(change.before))
    return isRecord(change.after) && !isPerson(change.after) ? t('timeline.fieldRecorded', { field, after }) : t('timeline.fieldSet', { field, after });
  if (isEmpty(change.after)) return t('timeline.fieldCleared', { field, before });
  return t('timeline.fieldChanged', { field, before, after });
}
