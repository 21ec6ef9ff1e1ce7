/**
 * The input of each workflow action (P-3, P-4, P-6): its fields, their rules, and how each field
 * is entered (a form hint the renderer builds the action's form from). The main process validates
 * every action against these schemas; the renderer checks the same schema before sending.
 */
import { z } from 'zod';
import { EXTENDABLE_DEADLINES } from '../../sla';
import { coded, id, instant, requiredText, text } from '../fields';
import { COMMUNICATION_CHANNELS, OUTCOMES, REDRESS_KINDS, THIRD_PARTY_KINDS } from '../vocabulary';

export type FieldWidget =
  | 'datetime'
  | 'channel'
  | 'text'
  | 'textarea'
  | 'outcome'
  | 'redress'
  | 'partyKind'
  | 'inquiry'
  | 'extension'
  | 'department'
  | 'customerNotice'
  /** A manager of the team, chosen from the staff accounts. */
  | 'approver'
  /** A cause of the root-cause taxonomy, in use (P-5.3), chosen category → cause. */
  | 'rootCause'
  /** A checkbox that only appears once the main process asks for it (e.g. closing with a letter unposted). */
  | 'confirm'
  | 'hidden';

/** How a field is entered: its widget and the translation key of its label. */
export interface FormHint {
  readonly widget: FieldWidget;
  readonly label: string;
}

/** Form hints live in their own registry, so they never reach JSON schemas derived for storage. */
export const formHints = z.registry<FormHint>();

/** A copy of the schema with its form hint (a copy: the same validator serves many fields). */
function hinted<S extends z.ZodType>(schema: S, widget: FieldWidget, label: string): S {
  const copy = schema.clone();
  formHints.add(copy, { widget, label });
  return copy;
}

const at = hinted(instant, 'datetime', 'fields.at');
const channel = hinted(z.enum(COMMUNICATION_CHANNELS), 'channel', 'fields.communicationChannel');
const rootCauseNote = hinted(text(5_000).optional(), 'textarea', 'fields.rootCauseNote');
/** P-5.3: required with the stage-1 resolution; the main process checks it is a cause in use. */
const rootCauseId = hinted(id, 'rootCause', 'fields.rootCauseId');
const lessonsLearned = hinted(text(5_000).optional(), 'textarea', 'fields.lessonsLearned');
const reason = hinted(requiredText(5_000), 'textarea', 'fields.reason');

export const redressSchema = z
  .object({
    kind: z.enum(REDRESS_KINDS),
    amountMinor: z.number().int('Whole pence').min(0).max(100_000_000).nullable().default(null),
    currency: z
      .string()
      .refine(...coded((value: string) => /^[A-Z]{3}$/.test(value), 'currency_code', 'A currency code, e.g. GBP'))
      .nullable()
      .default(null),
    description: text(1_000).default(''),
  })
  .superRefine((value, context) => {
    const missing = (path: string, code: 'refund_amount_needed' | 'refund_currency_needed' | 'redress_description_needed', message: string) =>
      context.addIssue({ code: 'custom', path: [path], message, params: { code } });
    if (value.kind === 'refund' && (value.amountMinor === null || value.amountMinor === 0))
      missing('amountMinor', 'refund_amount_needed', 'A refund needs its amount');
    if (value.kind === 'refund' && value.currency === null) missing('currency', 'refund_currency_needed', 'A refund needs its currency');
    if (value.kind === 'other' && value.description === '') missing('description', 'redress_description_needed', 'Describe the redress');
  });

const resolutionFields = {
  at,
  channel,
  summary: hinted(requiredText(5_000), 'textarea', 'fields.summary'),
  outcome: hinted(z.enum(OUTCOMES), 'outcome', 'fields.outcome'),
  redress: hinted(z.array(redressSchema).max(10).default([]), 'redress', 'fields.redress'),
  rootCauseId,
  rootCauseNote,
  lessonsLearned,
};

const action = <T extends string, F extends z.ZodRawShape>(type: T, fields: F) => z.object({ type: z.literal(type), ...fields }).strict();

/** Each action's input, by action (the order is the order the action bar offers them in). */
export const ACTION_INPUTS = {
  acknowledge: action('acknowledge', { at, channel }),
  startInvestigation: action('startInvestigation', { at }),
  askThirdParty: action('askThirdParty', {
    at,
    partyKind: hinted(z.enum(THIRD_PARTY_KINDS), 'partyKind', 'fields.partyKind'),
    partyName: hinted(requiredText(200), 'text', 'fields.partyName'),
    question: hinted(requiredText(5_000), 'textarea', 'fields.question'),
    dueAt: hinted(instant.nullable().default(null), 'datetime', 'fields.dueAt'),
  }),
  recordThirdPartyResponse: action('recordThirdPartyResponse', {
    at,
    inquiryId: hinted(id, 'inquiry', 'fields.inquiry'),
    response: hinted(requiredText(10_000), 'textarea', 'fields.response'),
  }),
  communicateResolution: action('communicateResolution', resolutionFields),
  close: action('close', {
    at,
    rootCauseNote,
    lessonsLearned,
    closeWithoutPosting: hinted(z.boolean().default(false), 'confirm', 'fields.closeWithoutPosting'),
  }),
  recordEscalationRequest: action('recordEscalationRequest', { at, channel, reason }),
  acknowledgeEscalation: action('acknowledgeEscalation', { at, channel }),
  forwardToDepartmentHead: action('forwardToDepartmentHead', {
    at,
    departmentHead: z
      .object({
        name: hinted(requiredText(200), 'text', 'fields.departmentHeadName'),
        department: hinted(requiredText(200), 'department', 'fields.department'),
      })
      .strict(),
  }),
  // Stage 2 may revise the cause the stage-1 resolution chose (or keep it: optional).
  communicateStage2Outcome: action('communicateStage2Outcome', {
    ...resolutionFields,
    rootCauseId: hinted(id.optional(), 'rootCause', 'fields.rootCauseId'),
    signpostedTo: hinted(requiredText(1_000), 'textarea', 'fields.signpostedTo'),
  }),
  recordExternalSignposting: action('recordExternalSignposting', { at, to: hinted(requiredText(1_000), 'textarea', 'fields.signpostedTo') }),
  recordExternalReferral: action('recordExternalReferral', {
    at,
    to: hinted(requiredText(1_000), 'text', 'fields.to'),
    outcome: hinted(text(5_000).default(''), 'textarea', 'fields.referralOutcome'),
  }),
  extendDeadline: action('extendDeadline', {
    at,
    deadline: hinted(z.enum(EXTENDABLE_DEADLINES).optional(), 'hidden', 'fields.deadline'),
    newDueAt: hinted(instant, 'datetime', 'fields.newDueAt'),
    reason,
    thirdParty: hinted(text(200).default(''), 'text', 'fields.thirdParty'),
    // Issue 18: the approver is a manager's account, chosen from the team, not free text.
    approverId: hinted(id, 'approver', 'fields.approvedBy'),
    customerNotice: hinted(
      z
        .object({ at: instant, channel: z.enum(COMMUNICATION_CHANNELS) })
        .strict()
        .nullable()
        .default(null),
      'customerNotice',
      'fields.customerTold',
    ),
  }),
  recordExtensionNotice: action('recordExtensionNotice', { at, extensionId: hinted(id, 'extension', 'fields.extension'), channel }),
  reopen: action('reopen', { at, reason }),
} as const;

export type CaseAction = keyof typeof ACTION_INPUTS;
export const CASE_ACTIONS = Object.keys(ACTION_INPUTS) as readonly CaseAction[];

export type ActionInput<A extends CaseAction> = z.output<(typeof ACTION_INPUTS)[A]>;

export const caseActionInput = z.discriminatedUnion('type', [
  ACTION_INPUTS.acknowledge,
  ACTION_INPUTS.startInvestigation,
  ACTION_INPUTS.askThirdParty,
  ACTION_INPUTS.recordThirdPartyResponse,
  ACTION_INPUTS.communicateResolution,
  ACTION_INPUTS.close,
  ACTION_INPUTS.recordEscalationRequest,
  ACTION_INPUTS.acknowledgeEscalation,
  ACTION_INPUTS.forwardToDepartmentHead,
  ACTION_INPUTS.communicateStage2Outcome,
  ACTION_INPUTS.recordExternalSignposting,
  ACTION_INPUTS.recordExternalReferral,
  ACTION_INPUTS.extendDeadline,
  ACTION_INPUTS.recordExtensionNotice,
  ACTION_INPUTS.reopen,
]);
export type CaseActionInput = z.output<typeof caseActionInput>;

export const actOnCaseInput = z.object({ caseId: id, action: caseActionInput }).strict();
