/**
 * Settings → Retention and erasure (issue 14, P-7.2): the cases past retention are listed and
 * only the chosen ones are sent for approval; erasure on request searches, sends exactly the
 * records ticked with the reason, and a reason that names the person is refused at the field, in Latvian; the register shows counts, never data.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ErasureRecord, RetentionView } from '@shared/domain/retention';
import type { PersonSearchResult } from '@shared/domain/people-search';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { latvianSettingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { RetentionSettings } from './RetentionSettings';

afterEach(() => {
  delete window.plaint;
});

const view: RetentionView = {
  policy: { years: { upheld: 6, 'partly-upheld': 6, 'not-upheld': 6, none: 6 } },
  due: [
    {
      caseId: 'case-1',
      reference: '7KQ2-0001-X',
      type: 'product',
      outcome: 'upheld',
      closedAt: '2020-01-10T10:00:00.000Z',
      dueSince: '2026-01-10T10:00:00.000Z',
    },
    {
      caseId: 'case-2',
      reference: '7KQ2-0002-Y',
      type: 'billing',
      outcome: 'not-upheld',
      closedAt: '2020-02-10T10:00:00.000Z',
      dueSince: '2026-02-10T10:00:00.000Z',
    },
  ],
  lastCheck: { at: '2026-12-07T09:00:00.000Z', due: 2 },
};
const record: ErasureRecord = {
  id: 'e-1',
  at: '2026-12-07T10:00:00.000Z',
  by: { id: 'acc-1', name: 'Ada Admin' },
  trigger: 'request',
  reason: 'Request ticket 4',
  counts: { cases: 1, timelineEntries: 9, letters: 2, files: 2 },
};
const found: PersonSearchResult = {
  cases: [
    {
      caseId: 'case-9',
      reference: '7KQ2-0009-A',
      complainantName: 'Anna Bērziņa',
      email: 'anna@example.lv',
      phone: '',
      postcode: 'LV-1050',
      receivedAt: '2026-01-01T10:00:00.000Z',
      status: 'closed',
      matchedOn: ['name'],
    },
  ],
  letters: [
    {
      letterId: 'letter-9',
      direction: 'in',
      caseId: null,
      caseReference: null,
      partyName: 'Anna Bērziņa',
      postcode: 'LV-1050',
      date: '2026-01-02',
      matchedOn: ['name'],
    },
  ],
};

describe('Settings → Retention and erasure', () => {
  it('lists the cases past retention and sends only the chosen one for approval', async () => {
    const sent: ApiCall[] = [];
    withApi(
      latvianSettingsSnapshot(),
      {
        'retention.status': () => ({ ok: true, result: view }),
        'erasure.register': () => ({ ok: true, result: [record] }),
        'retention.approve': () => ({ ok: true, result: { ...record, trigger: 'retention' } }),
      },
      sent,
    );
    renderWithSettings(<RetentionSettings />);
    expect(await screen.findAllByTestId('retention-due-case')).toHaveLength(2);
    expect(screen.getByTestId('retention-last-check').textContent).toContain('2 cases past retention');
    await userEvent.click(screen.getByRole('checkbox', { name: '7KQ2-0002-Y' }));
    await userEvent.click(screen.getByTestId('retention-approve'));
    expect(sent.find((entry) => entry.method === 'retention.approve')?.input).toEqual({ caseIds: ['case-2'] });
    // The register shows who, why and how many; nothing else.
    expect((await screen.findByTestId('erasure-register-line')).textContent).toBe(
      '7 Dec 2026, 12:00Ada AdminRequest ticket 41 cases, 9 timeline entries, 2 letters, 2 files',
    ); // office time, Europe/Riga;
  });

  it('erasure on request: sends exactly what was ticked with the reason, and shows a reason naming the person refused at the field, in Latvian', async () => {
    const sent: ApiCall[] = [];
    const message = 'The reason must not contain the personal data being erased';
    withApi(
      latvianSettingsSnapshot(),
      {
        'retention.status': () => ({ ok: true, result: { ...view, due: [] } }),
        'erasure.register': () => ({ ok: true, result: [] }),
        'people.find': () => ({ ok: true, result: found }),
        'erasure.erase': () => ({
          ok: false,
          error: { code: 'VALIDATION_FAILED', message, issues: [{ path: 'reason', code: 'reason_names_person', message }] },
        }),
      },
      sent,
    );
    renderWithSettings(<RetentionSettings />, 'lv');
    await userEvent.type(await screen.findByTestId('erasure-search-name'), 'Anna Bērziņa');
    await userEvent.click(screen.getByTestId('erasure-search'));
    await userEvent.click((await screen.findAllByTestId('erasure-case'))[0]!);
    await userEvent.click(screen.getAllByTestId('erasure-letter')[0]!);
    await userEvent.type(screen.getByTestId('erasure-reason'), 'Anna asked');
    await userEvent.click(screen.getByTestId('erasure-erase'));
    expect(await screen.findByText(/Iemeslā nedrīkst būt dzēšamie personas dati/)).toBeTruthy();
    expect(sent.find((entry) => entry.method === 'erasure.erase')?.input).toEqual({ caseIds: ['case-9'], letterIds: ['letter-9'], reason: 'Anna asked' });
  });
});
