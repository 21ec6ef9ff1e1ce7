/**
 * Each workflow action's form, derived from its input schema in the workflow table: the fields
 * in the schema's order with their form hints, whether each is required, their defaults (now, the
 * complainant's preferred channel, the organisation's advice text…), and checking the values
 * against the same schema the main process checks.
 */
import type { z } from 'zod';
import type { SettingsSnapshot } from '@shared/api/types/settings';
import type { LetterLanguage } from '@shared/domain/letters';
import { toFieldIssues } from '@shared/api/issue-mapping';
import type { FieldIssue } from '@shared/api/errors';
import type { CaseRecord } from '@shared/domain/records';
import { ACTION_INPUTS, caseActionInput, formHints, type CaseAction, type CaseActionInput, type FieldWidget } from '@shared/domain/workflow';

export interface ActionField {
  /** The field's path in the action's input ('at', 'departmentHead.name'). */
  readonly path: string;
  readonly widget: FieldWidget;
  readonly label: string;
  readonly required: boolean;
}

export type ActionValues = Record<string, unknown>;

function isObjectSchema(schema: z.ZodType): schema is z.ZodObject {
  return schema.def.type === 'object';
}

function fieldsOfShape(shape: Record<string, z.ZodType>, prefix: string): ActionField[] {
  return Object.entries(shape).flatMap(([name, schema]): ActionField[] => {
    if (name === 'type' && prefix === '') return [];
    const hint = formHints.get(schema);
    if (!hint && isObjectSchema(schema)) return fieldsOfShape(schema.shape, `${prefix}${name}.`);
    if (!hint || hint.widget === 'hidden') return [];
    const required = !schema.safeParse(undefined).success && !schema.safeParse('').success;
    return [{ path: `${prefix}${name}`, widget: hint.widget, label: hint.label, required }];
  });
}

/** The action's fields, in the order of its schema. */
export function actionFields(action: CaseAction): ActionField[] {
  const shape: Record<string, z.ZodType> = ACTION_INPUTS[action].shape;
  return fieldsOfShape(shape, '');
}

/** What a field starts with: what the clerk would most often enter. */
function defaultFor(
  action: CaseAction,
  path: string,
  widget: FieldWidget,
  record: CaseRecord,
  settings: SettingsSnapshot,
  now: Date,
  meId: string,
  language: LetterLanguage,
): unknown {
  const me = settings.staff.find((member) => member.id === meId);
  const running = record.deadlines.find((deadline) => deadline.kind === (record.stage === 2 ? 'stage2Resolution' : 'stage1Resolution'));
  switch (path) {
    case 'at':
      return now.toISOString();
    case 'channel':
      return record.complainant.preferredChannel;
    case 'rootCauseId':
      // P-5.3: a conscious choice the first time; a stage-2 outcome or a reopened case starts from the cause it has.
      return record.rootCauseId ?? undefined;
    case 'rootCauseNote':
      return record.rootCauseNote;
    case 'lessonsLearned':
      return record.lessonsLearned;
    case 'partyKind':
      return 'department';
    case 'dueAt':
      return null;
    case 'inquiryId':
      return record.openInquiries[0]?.id ?? '';
    case 'departmentHead.department':
      return record.departments[0] ?? settings.departments[0] ?? '';
    case 'signpostedTo':
      // P-6.1, issue 18: the advice in the language being worked in.
      return settings.organisation.independentAdvice[language];
    case 'to':
      return action === 'recordExternalSignposting' ? settings.organisation.independentAdvice[language] : '';
    case 'newDueAt':
      // Issue 18: never a date in the past: five days after the running deadline or after now, whichever is later.
      return running ? new Date(Math.max(Date.parse(running.dueAt), now.getTime()) + 5 * 86_400_000).toISOString() : '';
    case 'thirdParty':
      return record.openInquiries[0]?.partyName ?? '';
    case 'approverId':
      // The person recording it, when they are a manager; otherwise a conscious choice.
      return me?.active && me.roles.includes('manager') ? me.id : '';
    case 'customerNotice':
      return null;
    case 'extensionId':
      return record.extensions.find((extension) => extension.customerNotice === null)?.id ?? '';
    case 'redress':
      return [];
    default:
      // Choices start unchosen, so a required one is a conscious choice; a confirmation starts unticked.
      return widget === 'outcome' ? undefined : widget === 'confirm' ? false : '';
  }
}

function setPath(target: ActionValues, path: string, value: unknown): void {
  const [head, ...rest] = path.split('.');
  if (!head) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const nested: ActionValues = typeof target[head] === 'object' && target[head] !== null ? { ...(target[head] as ActionValues) } : {};
  setPath(nested, rest.join('.'), value);
  target[head] = nested;
}

export function defaultValues(
  action: CaseAction,
  record: CaseRecord,
  settings: SettingsSnapshot,
  now: Date,
  me = '',
  language: LetterLanguage = 'en-GB',
): ActionValues {
  const values: ActionValues = {};
  for (const field of actionFields(action)) setPath(values, field.path, defaultFor(action, field.path, field.widget, record, settings, now, me, language));
  return values;
}

/** The values as the action's input, or the issues (with the same codes the main process gives). */
export function checkAction(action: CaseAction, values: ActionValues): { ok: true; input: CaseActionInput } | { ok: false; issues: FieldIssue[] } {
  const parsed = caseActionInput.safeParse({ ...values, type: action });
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, issues: toFieldIssues(parsed.error) };
}
