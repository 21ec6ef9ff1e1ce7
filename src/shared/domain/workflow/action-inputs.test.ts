/**
 * Each workflow action's input (P-3, P-4, P-6): what is refused, what is filled in when left out,
 * and that every field's form hint names a widget the action form has and a label key (the
 * renderer builds each action's form from these hints).
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { ACTION_INPUTS, actOnCaseInput, CASE_ACTIONS, caseActionInput, formHints, redressSchema, type FieldWidget } from './action-inputs';

const WIDGETS: readonly FieldWidget[] = [
  'datetime',
  'channel',
  'text',
  'textarea',
  'outcome',
  'redress',
  'partyKind',
  'inquiry',
  'extension',
  'department',
  'customerNotice',
  'approver',
  'rootCause',
  'confirm',
  'hidden',
];

/** Every field's hint, nested objects' fields included, by dotted path. */
function hintsOf(shape: Record<string, z.ZodType>, prefix = ''): [string, { widget: string; label: string } | undefined][] {
  return Object.entries(shape).flatMap(([name, schema]) => {
    if (name === 'type' && prefix === '') return [];
    const hint = formHints.get(schema);
    const nested = (schema as { def?: { type?: string }; shape?: Record<string, z.ZodType> }).def?.type === 'object' && !hint;
    return nested
      ? hintsOf((schema as unknown as { shape: Record<string, z.ZodType> }).shape, `${prefix}${name}.`)
      : [[`${prefix}${name}`, hint] as [string, { widget: string; label: string } | undefined]];
  });
}

const AT = '2026-11-10T09:00:00.000Z';

describe('form hints', () => {
  it('every field of every action has a known widget and a label key', () => {
    for (const action of CASE_ACTIONS) {
      for (const [path, hint] of hintsOf(ACTION_INPUTS[action].shape as Record<string, z.ZodType>)) {
        expect(hint, `${action}.${path}`).toBeDefined();
        expect(WIDGETS, `${action}.${path}`).toContain(hint?.widget);
        // A translation key of the fields (both languages have each shown one: action-form-model.test.ts).
        expect(hint?.label, `${action}.${path}`).toMatch(/^fields\.[a-zA-Z]+$/);
      }
    }
  });

  it('each kind of field is entered with its own widget', () => {
    const widgets = (action: keyof typeof ACTION_INPUTS) =>
      Object.fromEntries(hintsOf(ACTION_INPUTS[action].shape as Record<string, z.ZodType>).map(([path, hint]) => [path, hint?.widget]));
    expect(widgets('communicateResolution')).toEqual({
      at: 'datetime',
      channel: 'channel',
      summary: 'textarea',
      outcome: 'outcome',
      redress: 'redress',
      rootCauseId: 'rootCause',
      rootCauseNote: 'textarea',
      lessonsLearned: 'textarea',
    });
    expect(widgets('askThirdParty')).toEqual({ at: 'datetime', partyKind: 'partyKind', partyName: 'text', question: 'textarea', dueAt: 'datetime' });
    expect(widgets('recordThirdPartyResponse')).toEqual({ at: 'datetime', inquiryId: 'inquiry', response: 'textarea' });
    expect(widgets('close')).toEqual({ at: 'datetime', rootCauseNote: 'textarea', lessonsLearned: 'textarea', closeWithoutPosting: 'confirm' });
    expect(widgets('forwardToDepartmentHead')).toEqual({ at: 'datetime', 'departmentHead.name': 'text', 'departmentHead.department': 'department' });
    expect(widgets('communicateStage2Outcome')).toMatchObject({ rootCauseId: 'rootCause', signpostedTo: 'textarea' });
    expect(widgets('recordExternalSignposting')).toEqual({ at: 'datetime', to: 'textarea' });
    expect(widgets('recordExternalReferral')).toEqual({ at: 'datetime', to: 'text', outcome: 'textarea' });
    expect(widgets('extendDeadline')).toEqual({
      at: 'datetime',
      deadline: 'hidden',
      newDueAt: 'datetime',
      reason: 'textarea',
      thirdParty: 'text',
      approverId: 'approver',
      customerNotice: 'customerNotice',
    });
    expect(widgets('recordExtensionNotice')).toEqual({ at: 'datetime', extensionId: 'extension', channel: 'channel' });
    expect(widgets('reopen')).toEqual({ at: 'datetime', reason: 'textarea' });
  });

  it('the hint belongs to its copy: the shared validators carry none', () => {
    const labels = hintsOf(ACTION_INPUTS.extendDeadline.shape as Record<string, z.ZodType>).map(([path, hint]) => `${path}=${hint?.label ?? ''}`);
    expect(labels).toEqual([
      'at=fields.at',
      'deadline=fields.deadline',
      'newDueAt=fields.newDueAt',
      'reason=fields.reason',
      'thirdParty=fields.thirdParty',
      'approverId=fields.approvedBy',
      'customerNotice=fields.customerTold',
    ]);
    // Two fields of one validator (at, newDueAt) keep their own labels.
    expect(formHints.get(ACTION_INPUTS.extendDeadline.shape.at)).not.toBe(formHints.get(ACTION_INPUTS.extendDeadline.shape.newDueAt));
  });
});

describe('action inputs', () => {
  it('lists the actions in the order the action bar offers them', () => {
    expect(CASE_ACTIONS).toEqual([
      'acknowledge',
      'startInvestigation',
      'askThirdParty',
      'recordThirdPartyResponse',
      'communicateResolution',
      'close',
      'recordEscalationRequest',
      'acknowledgeEscalation',
      'forwardToDepartmentHead',
      'communicateStage2Outcome',
      'recordExternalSignposting',
      'recordExternalReferral',
      'extendDeadline',
      'recordExtensionNotice',
      'reopen',
    ]);
  });

  it('fills in what may be left out', () => {
    expect(caseActionInput.parse({ type: 'askThirdParty', at: AT, partyKind: 'supplier', partyName: 'Acme', question: 'Why?' })).toMatchObject({ dueAt: null });
    expect(caseActionInput.parse({ type: 'close', at: AT })).toEqual({ type: 'close', at: AT, closeWithoutPosting: false });
    expect(caseActionInput.parse({ type: 'recordExternalReferral', at: AT, to: 'Ombudsman' })).toEqual({
      type: 'recordExternalReferral',
      at: AT,
      to: 'Ombudsman',
      outcome: '',
    });
    expect(caseActionInput.parse({ type: 'extendDeadline', at: AT, newDueAt: AT, reason: 'Tests', approverId: 'm1' })).toEqual({
      type: 'extendDeadline',
      at: AT,
      newDueAt: AT,
      reason: 'Tests',
      thirdParty: '',
      approverId: 'm1',
      customerNotice: null,
    });
    expect(
      caseActionInput.parse({ type: 'communicateResolution', at: AT, channel: 'email', summary: 'Done', outcome: 'upheld', rootCauseId: 'x' }),
    ).toMatchObject({ redress: [] });
    expect(redressSchema.parse({ kind: 'apology' })).toEqual({ kind: 'apology', amountMinor: null, currency: null, description: '' });
  });

  it('refuses unknown fields, unknown actions and missing required ones', () => {
    expect(caseActionInput.safeParse({ type: 'close', at: AT, extra: 1 }).success).toBe(false);
    expect(caseActionInput.safeParse({ type: 'delete', at: AT }).success).toBe(false);
    expect(caseActionInput.safeParse({ type: 'acknowledge', at: AT }).success).toBe(false);
    expect(
      caseActionInput.safeParse({ type: 'forwardToDepartmentHead', at: AT, departmentHead: { name: 'Dr Patel', department: 'Pharmacy', phone: '1' } }).success,
    ).toBe(false);
    expect(
      caseActionInput.safeParse({
        type: 'extendDeadline',
        at: AT,
        newDueAt: AT,
        reason: 'Tests',
        approverId: 'm1',
        customerNotice: { at: AT, channel: 'email', by: 'x' },
      }).success,
    ).toBe(false);
    // P-5.3: the stage-1 resolution needs its root cause; stage 2 may keep the one it has.
    expect(caseActionInput.safeParse({ type: 'communicateResolution', at: AT, channel: 'email', summary: 'Done', outcome: 'upheld' }).success).toBe(false);
    expect(
      caseActionInput.safeParse({
        type: 'communicateStage2Outcome',
        at: AT,
        channel: 'email',
        summary: 'Done',
        outcome: 'upheld',
        signpostedTo: 'Citizens Advice',
      }).success,
    ).toBe(true);
    expect(caseActionInput.safeParse({ type: 'recordEscalationRequest', at: AT, channel: 'email', reason: '' }).success).toBe(false);
    expect(actOnCaseInput.safeParse({ caseId: 'c1', action: { type: 'close', at: AT } }).success).toBe(true);
    expect(actOnCaseInput.safeParse({ caseId: 'c1', action: { type: 'close', at: AT }, more: true }).success).toBe(false);
    for (const action of CASE_ACTIONS) expect(ACTION_INPUTS[action].shape.type.value).toBe(action);
  });

  it('redress: a refund needs its amount and its currency code, "other" its description', () => {
    const issues = (value: unknown) => {
      const result = redressSchema.safeParse(value);
      return result.success
        ? []
        : result.error.issues.map((issue) => `${issue.path.join('.')}:${String((issue as { params?: { code?: string } }).params?.code)}`);
    };
    expect(issues({ kind: 'refund', amountMinor: 1250, currency: 'GBP' })).toEqual([]);
    expect(issues({ kind: 'refund', amountMinor: 0, currency: 'GBP' })).toEqual(['amountMinor:refund_amount_needed']);
    expect(issues({ kind: 'refund', currency: 'GBP' })).toEqual(['amountMinor:refund_amount_needed']);
    expect(issues({ kind: 'refund', amountMinor: 1 })).toEqual(['currency:refund_currency_needed']);
    expect(issues({ kind: 'refund', amountMinor: 1, currency: 'gbp' })).toEqual(['currency:currency_code']);
    expect(issues({ kind: 'refund', amountMinor: 1, currency: 'GBPX' })).toEqual(['currency:currency_code']);
    expect(issues({ kind: 'refund', amountMinor: 1, currency: 'XGBP' })).toEqual(['currency:currency_code']);
    expect(issues({ kind: 'refund', amountMinor: 1, currency: 'GB' })).toEqual(['currency:currency_code']);
    expect(redressSchema.safeParse({ kind: 'refund', amountMinor: 1, currency: 'gbp' }).error?.issues[0]?.message).toBe('A currency code, e.g. GBP');
    expect(issues({ kind: 'other' })).toEqual(['description:redress_description_needed']);
    expect(issues({ kind: 'other', description: 'Voucher' })).toEqual([]);
    expect(issues({ kind: 'replacement' })).toEqual([]);
    expect(issues({ kind: 'apology', amountMinor: 1.5 })).toEqual(['amountMinor:undefined']);
    expect(redressSchema.safeParse({ kind: 'apology', amountMinor: 1.5 }).error?.issues[0]?.message).toBe('Whole pence');
    // The redress rules' issues are custom ones, carrying their own code (the API maps them by it).
    expect(redressSchema.safeParse({ kind: 'refund' }).error?.issues.map((issue) => issue.code)).toEqual(['custom', 'custom']);
    const messages = redressSchema.safeParse({ kind: 'refund' }).error?.issues.map((issue) => issue.message);
    expect(messages).toEqual(['A refund needs its amount', 'A refund needs its currency']);
    expect(redressSchema.safeParse({ kind: 'other' }).error?.issues[0]?.message).toBe('Describe the redress');
  });
});
