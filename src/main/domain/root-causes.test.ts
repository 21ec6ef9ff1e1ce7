/**
 * Issue 16, P-5.3: the root-cause taxonomy (category → cause), kept by administrators, and the
 * cause every stage-1 resolution must name. Retired causes stay readable on old cases but cannot
 * be chosen for new resolutions; a refusal names the field and changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { phoneComplaint, startTestDomain, testViewer, type TestDomain } from './test-support';

let t: TestDomain;
beforeEach(async () => {
  t = await startTestDomain('2026-12-01T09:00:00.000Z');
});
afterEach(async () => {
  await t.close();
});

const taxonomy = async () => (await t.call('settings.get', {})).rootCauses;
const label = (en: string, lv: string) => ({ 'en-GB': en, lv });

async function investigatingCase(): Promise<string> {
  const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-30T10:00:00.000Z' });
  await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: '2026-11-30T11:00:00.000Z', channel: 'email' } });
  await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: '2026-11-30T12:00:00.000Z' } });
  return caseId;
}

const withoutCause = {
  type: 'communicateResolution' as const,
  at: '2026-11-30T15:00:00.000Z',
  channel: 'email' as const,
  summary: 'Replacement sent',
  outcome: 'upheld' as const,
  rootCauseNote: 'Box crushed in the van',
};
const resolution = (rootCauseId: string) => ({ ...withoutCause, rootCauseId });

describe('the root-cause taxonomy (P-5.3)', () => {
  it('starts with a two-level default taxonomy every device shares', async () => {
    const categories = await taxonomy();
    expect(categories.map((category) => category.id)).toEqual(['delivery', 'product', 'communication', 'billing', 'process']);
    expect(categories[0]?.causes.map((cause) => cause.id)).toContain('courier-handling');
    expect(categories.every((category) => !category.retired && category.causes.length > 0)).toBe(true);
  });

  it('administrators add, rename and retire categories and causes', async () => {
    const afterCategory = (await t.call('settings.saveRootCauseCategory', { label: label('Suppliers', 'Piegādātāji') })).rootCauses;
    const suppliers = afterCategory.find((category) => category.label['en-GB'] === 'Suppliers');
    expect(suppliers).toMatchObject({ retired: false, causes: [] });
    const afterCause = (
      await t.call('settings.saveRootCause', { categoryId: suppliers!.id, label: label('Late delivery to warehouse', 'Novēlota piegāde noliktavai') })
    ).rootCauses;
    const cause = afterCause.find((category) => category.id === suppliers!.id)!.causes[0]!;
    await t.call('settings.saveRootCause', { categoryId: suppliers!.id, id: cause.id, label: label('Late stock', 'Novēloti krājumi'), retired: true });
    expect((await taxonomy()).find((category) => category.id === suppliers!.id)?.causes).toEqual([
      { id: cause.id, label: label('Late stock', 'Novēloti krājumi'), retired: true },
    ]);
  });

  it('refuses a name already used beside it, an unknown category or cause, and a new cause in a retired category, changing nothing', async () => {
    const before = await taxonomy();
    expect((await t.fail('settings.saveRootCauseCategory', { label: label('delivery ', 'Jauna') })).issues[0]).toMatchObject({
      path: 'label.en-GB',
      code: 'root_cause_label_taken',
    });
    expect((await t.fail('settings.saveRootCause', { categoryId: 'delivery', label: label('New', 'kurjera rīcība') })).issues[0]).toMatchObject({
      path: 'label.lv',
      code: 'root_cause_label_taken',
    });
    expect((await t.fail('settings.saveRootCauseCategory', { id: 'nope', label: label('X', 'X') })).issues[0]).toMatchObject({
      path: 'id',
      code: 'unknown_root_cause_category',
    });
    expect((await t.fail('settings.saveRootCause', { categoryId: 'nope', label: label('X', 'X') })).issues[0]).toMatchObject({
      path: 'categoryId',
      code: 'unknown_root_cause_category',
    });
    // A cause of another category is not this category's to edit.
    expect((await t.fail('settings.saveRootCause', { categoryId: 'delivery', id: 'faulty-batch', label: label('X', 'X') })).issues[0]).toMatchObject({
      path: 'id',
      code: 'unknown_root_cause',
    });
    expect((await t.fail('settings.saveRootCause', { categoryId: 'delivery', label: label('', 'X') })).issues[0]).toMatchObject({
      path: 'label.en-GB',
      code: 'required',
    });
    expect(await taxonomy()).toEqual(before);
    await t.call('settings.saveRootCauseCategory', { id: 'billing', label: label('Billing', 'Norēķini'), retired: true });
    expect((await t.fail('settings.saveRootCause', { categoryId: 'billing', label: label('Refund delay', 'Atmaksas kavēšanās') })).issues[0]).toMatchObject({
      path: 'categoryId',
      code: 'retired_root_cause',
    });
  });

  it('two causes added at the same moment are both kept', async () => {
    await Promise.all([
      t.call('settings.saveRootCause', { categoryId: 'delivery', label: label('Damp', 'Mitrums') }),
      t.call('settings.saveRootCause', { categoryId: 'delivery', label: label('Heat', 'Karstums') }),
    ]);
    const names = (await taxonomy()).find((category) => category.id === 'delivery')?.causes.map((cause) => cause.label['en-GB']);
    expect(names).toEqual(expect.arrayContaining(['Damp', 'Heat']));
  });

  it('is kept by administrators only', async () => {
    const manager = testViewer('m1', ['manager']);
    expect(await t.failAs(manager, 'settings.saveRootCauseCategory', { label: label('X', 'X') })).toMatchObject({ code: 'FORBIDDEN' });
    expect(await t.failAs(manager, 'settings.saveRootCause', { categoryId: 'delivery', label: label('X', 'X') })).toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('a stage-1 resolution names its root cause (P-5.3)', () => {
  it('is refused without a cause, with an unknown one, or with a retired one, and the case stays as it was', async () => {
    const caseId = await investigatingCase();
    expect((await t.fail('cases.act', { caseId, action: withoutCause })).issues).toEqual([
      expect.objectContaining({ path: 'action.rootCauseId', code: 'required' }),
    ]);
    expect((await t.fail('cases.act', { caseId, action: resolution('no-such-cause') })).issues[0]).toMatchObject({
      path: 'action.rootCauseId',
      code: 'unknown_root_cause',
    });
    await t.call('settings.saveRootCause', { categoryId: 'delivery', id: 'wrong-address', label: label('Wrong address', 'Nepareiza adrese'), retired: true });
    expect((await t.fail('cases.act', { caseId, action: resolution('wrong-address') })).issues[0]).toMatchObject({
      path: 'action.rootCauseId',
      code: 'retired_root_cause',
    });
    // A cause in use under a retired category cannot be chosen either.
    await t.call('settings.saveRootCauseCategory', { id: 'billing', label: label('Billing', 'Norēķini'), retired: true });
    expect((await t.fail('cases.act', { caseId, action: resolution('pricing-error') })).issues[0]).toMatchObject({
      path: 'action.rootCauseId',
      code: 'retired_root_cause',
    });
    expect((await t.call('cases.get', { caseId })).case).toMatchObject({ status: 'investigating', rootCauseId: null, resolution: null });
  });

  it('is recorded with a cause in use, the free text kept as its note', async () => {
    const caseId = await investigatingCase();
    const detail = await t.call('cases.act', { caseId, action: resolution('courier-handling') });
    expect(detail.case).toMatchObject({ status: 'resolution-communicated', rootCauseId: 'courier-handling', rootCauseNote: 'Box crushed in the van' });
  });

  it('a cause retired later stays on the case and readable in the taxonomy; stage 2 may keep it', async () => {
    const caseId = await investigatingCase();
    await t.call('cases.act', { caseId, action: resolution('courier-handling') });
    await t.call('settings.saveRootCause', {
      categoryId: 'delivery',
      id: 'courier-handling',
      label: label('Courier handling', 'Kurjera rīcība'),
      retired: true,
    });
    expect((await t.call('cases.get', { caseId })).case.rootCauseId).toBe('courier-handling');
    expect((await taxonomy()).find((category) => category.id === 'delivery')?.causes.find((cause) => cause.id === 'courier-handling')).toMatchObject({
      retired: true,
      label: { 'en-GB': 'Courier handling' },
    });
    await t.call('cases.act', {
      caseId,
      action: { type: 'recordEscalationRequest', at: '2026-11-30T16:00:00.000Z', channel: 'email', reason: 'Still broken' },
    });
    await t.call('cases.act', { caseId, action: { type: 'acknowledgeEscalation', at: '2026-11-30T16:10:00.000Z', channel: 'email' } });
    await t.call('cases.act', {
      caseId,
      action: { type: 'forwardToDepartmentHead', at: '2026-11-30T16:20:00.000Z', departmentHead: { name: 'Head', department: 'Delivery' } },
    });
    const stage2 = {
      type: 'communicateStage2Outcome' as const,
      at: '2026-11-30T17:00:00.000Z',
      channel: 'email' as const,
      summary: 'Refund',
      outcome: 'upheld' as const,
      signpostedTo: 'Citizens Advice',
    };
    await t.call('settings.saveRootCause', {
      categoryId: 'product',
      id: 'wrong-item',
      label: label('Wrong item picked', 'Izsniegta nepareiza prece'),
      retired: true,
    });
    expect((await t.fail('cases.act', { caseId, action: { ...stage2, rootCauseId: 'wrong-item' } })).issues[0]).toMatchObject({ code: 'retired_root_cause' });
    const kept = await t.call('cases.act', { caseId, action: { ...stage2, rootCauseId: 'courier-handling' } });
    expect(kept.case).toMatchObject({ status: 'stage2-resolution-communicated', rootCauseId: 'courier-handling' });
  });
});
