/**
 * The form of each workflow action: its fields, their defaults (now, the complainant's preferred
 * channel, the organisation's independent-advice text) and how the values become the API input.
 */
import type { CaseAction } from '../../../../shared/domain/case-workflow';
import type { CaseRecord } from '../../../../shared/domain/records';
import type { SettingsSnapshot } from '../../../../shared/api/types/settings';
import { fromLocalInput, toLocalInput } from './datetime';

export type FieldKind = 'datetime' | 'channel' | 'text' | 'textarea' | 'outcome' | 'redress' | 'partyKind' | 'inquiry' | 'extension' | 'department' | 'customerNotice';

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  readonly label: string;
  readonly optional?: boolean;
}

const at: FieldSpec = { name: 'at', kind: 'datetime', label: 'fields.at' };
const channel: FieldSpec = { name: 'channel', kind: 'channel', label: 'fields.communicationChannel' };
const rootCause: FieldSpec = { name: 'rootCause', kind: 'textarea', label: 'fields.rootCause', optional: true };
const lessons: FieldSpec = { name: 'lessonsLearned', kind: 'textarea', label: 'fields.lessonsLearned', optional: true };
const resolution: FieldSpec[] = [at, channel, { name: 'summary', kind: 'textarea', label: 'fields.summary' }, { name: 'outcome', kind: 'outcome', label: 'fields.outcome' }, { name: 'redress', kind: 'redress', label: 'fields.redress' }];

export const ACTION_FIELDS: Record<CaseAction, FieldSpec[]> = {
  acknowledge: [at, channel],
  startInvestigation: [at],
  askThirdParty: [at, { name: 'partyKind', kind: 'partyKind', label: 'fields.partyKind' }, { name: 'partyName', kind: 'text', label: 'fields.partyName' }, { name: 'question', kind: 'textarea', label: 'fields.question' }, { name: 'dueAt', kind: 'datetime', label: 'fields.dueAt', optional: true }],
  recordThirdPartyResponse: [at, { name: 'inquiryId', kind: 'inquiry', label: 'fields.inquiry' }, { name: 'response', kind: 'textarea', label: 'fields.response' }],
  communicateResolution: [...resolution, rootCause, lessons],
  close: [at, rootCause, lessons],
  recordEscalationRequest: [at, channel, { name: 'reason', kind: 'textarea', label: 'fields.reason' }],
  acknowledgeEscalation: [at, channel],
  forwardToDepartmentHead: [at, { name: 'departmentHead.name', kind: 'text', label: 'fields.departmentHeadName' }, { name: 'departmentHead.department', kind: 'department', label: 'fields.department' }],
  communicateStage2Outcome: [...resolution, { name: 'signpostedTo', kind: 'textarea', label: 'fields.signpostedTo' }, rootCause, lessons],
  recordExternalSignposting: [at, { name: 'to', kind: 'textarea', label: 'fields.signpostedTo' }],
  recordExternalReferral: [at, { name: 'to', kind: 'text', label: 'fields.to' }, { name: 'outcome', kind: 'textarea', label: 'fields.referralOutcome', optional: true }],
  extendDeadline: [at, { name: 'newDueAt', kind: 'datetime', label: 'fields.newDueAt' }, { name: 'reason', kind: 'textarea', label: 'fields.reason' }, { name: 'thirdParty', kind: 'text', label: 'fields.thirdParty', optional: true }, { name: 'approvedBy', kind: 'text', label: 'fields.approvedBy' }, { name: 'customerNotice', kind: 'customerNotice', label: 'fields.customerTold' }],
  recordExtensionNotice: [at, { name: 'extensionId', kind: 'extension', label: 'fields.extension' }, channel],
  reopen: [at, { name: 'reason', kind: 'textarea', label: 'fields.reason' }],
};

export interface RedressRow {
  kind: 'apology' | 'refund' | 'replacement' | 'other';
  amount: string;
  currency: string;
  description: string;
}

export type ActionValues = Record<string, unknown> & { at: string };

const preferredChannel = (record: CaseRecord) => (record.complainant.preferredChannel === 'telephone' ? 'telephone' : record.complainant.preferredChannel === 'letter' ? 'letter' : 'email');

export function defaultValues(action: CaseAction, record: CaseRecord, settings: SettingsSnapshot, now: Date): ActionValues {
  const me = settings.staff.find((member) => member.id === settings.currentStaffId);
  const running = record.deadlines.find((deadline) => deadline.kind === (record.stage === 2 ? 'stage2Resolution' : 'stage1Resolution'));
  return {
    at: toLocalInput(now),
    channel: preferredChannel(record),
    summary: '',
    outcome: '',
    redress: [] as RedressRow[],
    rootCause: record.rootCause,
    lessonsLearned: record.lessonsLearned,
    partyKind: 'department',
    partyName: '',
    question: '',
    dueAt: '',
    inquiryId: record.openInquiries[0]?.id ?? '',
    response: '',
    reason: '',
    departmentHead: { name: '', department: record.departments[0] ?? settings.departments[0] ?? '' },
    signpostedTo: settings.organisation.independentAdvice,
    to: action === 'recordExternalSignposting' ? settings.organisation.independentAdvice : '',
    newDueAt: running ? toLocalInput(new Date(Date.parse(running.dueAt) + 5 * 86_400_000)) : '',
    thirdParty: record.openInquiries[0]?.partyName ?? '',
    approvedBy: me?.name ?? '',
    customerTold: false,
    customerNotice: { at: toLocalInput(now), channel: preferredChannel(record) },
    extensionId: record.extensions.find((extension) => extension.customerNotice === null)?.id ?? '',
  };
}

function iso(value: unknown): string | null {
  return typeof value === 'string' ? fromLocalInput(value) : null;
}

/** The API input of the action from the form's values (only the fields the action has). */
export function toActionInput(action: CaseAction, values: ActionValues): Record<string, unknown> {
  const input: Record<string, unknown> = { type: action };
  for (const field of ACTION_FIELDS[action]) {
    const [head, tail] = field.name.split('.') as [string, string | undefined];
    const raw = tail ? (values[head] as Record<string, unknown>)[tail] : values[head];
    if (field.kind === 'datetime') {
      const converted = iso(raw);
      if (converted) input[field.name] = converted;
      else if (!field.optional) input[field.name] = raw;
      else if (field.name === 'dueAt') input['dueAt'] = null;
      continue;
    }
    if (field.kind === 'redress') {
      input['redress'] = (raw as RedressRow[]).map((row) => ({
        kind: row.kind,
        amountMinor: row.kind === 'refund' && row.amount !== '' ? Math.round(Number(row.amount) * 100) : null,
        currency: row.kind === 'refund' ? row.currency || 'GBP' : null,
        description: row.description,
      }));
      continue;
    }
    if (field.kind === 'customerNotice') {
      const notice = values['customerNotice'] as { at: string; channel: string };
      input['customerNotice'] = values['customerTold'] ? { at: iso(notice.at) ?? notice.at, channel: notice.channel } : null;
      continue;
    }
    if (tail) {
      input[head] = { ...((input[head] as object | undefined) ?? {}), [tail]: raw };
      continue;
    }
    if (field.optional && (raw === '' || raw === undefined)) continue;
    if (field.kind === 'outcome' && raw === '') continue;
    input[field.name] = raw;
  }
  if (action === 'recordExternalReferral' && input['outcome'] === undefined) input['outcome'] = '';
  return input;
}

/** Maps an API field path (after 'action.') to the form's field name. */
export function formPath(apiPath: string): string {
  return apiPath.replace(/^redress\.(\d+)\.amountMinor$/, 'redress.$1.amount');
}
