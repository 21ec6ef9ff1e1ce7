/**
 * Issue 16, P-5.3: the root-cause taxonomy and improvement actions are settings areas, so they sync
 * with the settings conflict policy: two administrators who each add a cause to the same category,
 * or two managers who each add or change a different improvement action, keep both.
 */
import { describe, expect, it } from 'vitest';
import type { StaffRef } from '@shared/domain/records';
import { settingsDocumentSchema } from '@shared/domain/records';
import type { SettingsDocument } from '../../domain/collections';
import { mergeSettings } from './settings-merge';

const ann: StaffRef = { id: 'staff-ann', name: 'Ann' };
const bob: StaffRef = { id: 'staff-bob', name: 'Bob' };
const area = (id: string, data: unknown, at: string, by: StaffRef): SettingsDocument => ({ id, value: { data }, updatedAt: at, updatedBy: by });
const label = (en: string) => ({ 'en-GB': en, lv: en });

describe('root causes and improvement actions merge record by record (P-5.3)', () => {
  it('two causes added to one category on two devices both survive, and the result is a valid taxonomy', () => {
    const base = [{ id: 'delivery', label: label('Delivery'), retired: false, causes: [{ id: 'courier', label: label('Courier'), retired: false }] }];
    const onA = [{ ...base[0]!, causes: [...base[0]!.causes, { id: 'late', label: label('Late'), retired: false }] }];
    const onB = [
      {
        ...base[0]!,
        causes: [
          { id: 'courier', label: label('Courier'), retired: true },
          { id: 'address', label: label('Address'), retired: false },
        ],
      },
    ];
    const merged = mergeSettings(
      area('rootCauses', base, '2026-11-20T10:00:00.000Z', ann),
      area('rootCauses', onA, '2026-11-21T10:00:00.000Z', ann),
      area('rootCauses', onB, '2026-11-21T11:00:00.000Z', bob),
    );
    const causes = (merged.value.data as typeof base)[0]!.causes;
    expect(causes.map((cause) => [cause.id, cause.retired]).sort()).toEqual([
      ['address', false],
      ['courier', true],
      ['late', false],
    ]);
    expect(settingsDocumentSchema.safeParse(merged).success).toBe(true);
  });

  it('improvement actions added on two devices both survive', () => {
    const action = (id: string, title: string) => ({
      id,
      title,
      ownerId: 'staff-ann',
      ownerName: 'Ann',
      dueOn: '2026-12-31',
      status: 'planned',
      completedOn: null,
      rootCauseIds: ['courier'],
      lessonsLearned: '',
      createdAt: '2026-11-21T10:00:00.000Z',
      createdBy: ann,
      updatedAt: '2026-11-21T10:00:00.000Z',
      updatedBy: ann,
    });
    const base = [action('a1', 'Retrain couriers')];
    const merged = mergeSettings(
      area('improvementActions', base, '2026-11-20T10:00:00.000Z', ann),
      area('improvementActions', [...base, action('a2', 'New packaging')], '2026-11-21T10:00:00.000Z', ann),
      area('improvementActions', [{ ...base[0]!, status: 'in-progress' }, action('a3', 'Check addresses')], '2026-11-21T11:00:00.000Z', bob),
    );
    expect((merged.value.data as { id: string; status: string }[]).map((entry) => [entry.id, entry.status]).sort()).toEqual([
      ['a1', 'in-progress'],
      ['a2', 'planned'],
      ['a3', 'planned'],
    ]);
    expect(settingsDocumentSchema.safeParse(merged).success).toBe(true);
    expect(
      settingsDocumentSchema.safeParse(area('improvementActions', [{ ...action('a4', ''), status: 'done' }], '2026-11-21T11:00:00.000Z', bob)).success,
    ).toBe(false);
  });
});
