/**
 * Settings → Subject access (issue 14): the search shows similar names with what tells them apart
 * and ticks nothing; the administrator ticks Anna's case, reviews, excludes a staff-only note (the
 * export waits for its reason) and exports to the path typed. What is sent is exactly the selection
 * and the withheld entry with its reason; the screen says where the archive went.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PersonSearchResult } from '@shared/domain/people-search';
import type { SubjectAccessExportResult, SubjectAccessReview } from '@shared/domain/subject-access';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { latvianSettingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { SubjectAccessPanel } from './SubjectAccessPanel';

afterEach(() => {
  delete window.plaint;
});

const found: PersonSearchResult = {
  cases: [
    {
      caseId: 'c-anna',
      reference: 'WZ-0001-A',
      complainantName: 'Anna Bērziņa',
      email: 'anna@example.lv',
      phone: '+371 2612 3456',
      postcode: 'LV-1010',
      receivedAt: '2026-11-23T08:00:00.000Z',
      status: 'received',
      matchedOn: ['name'],
    },
    {
      caseId: 'c-annija',
      reference: 'WZ-0002-B',
      complainantName: 'Annija Bērziņa',
      email: 'annija@example.lv',
      phone: '+371 2999 0000',
      postcode: 'LV-1050',
      receivedAt: '2026-11-23T08:00:00.000Z',
      status: 'received',
      matchedOn: ['name'],
    },
  ],
  letters: [
    {
      letterId: 'l-anna',
      direction: 'in',
      caseId: 'c-anna',
      caseReference: 'WZ-0001-A',
      partyName: 'Anna Berzina',
      postcode: 'LV-1010',
      date: '2026-11-24',
      matchedOn: ['name'],
    },
  ],
};

const review: SubjectAccessReview = {
  cases: [
    {
      caseId: 'c-anna',
      reference: 'WZ-0001-A',
      complainantName: 'Anna Bērziņa',
      receivedAt: '2026-11-23T08:00:00.000Z',
      status: 'received',
      summary: 'Monitor stopped working',
      fields: [
        { field: 'description', text: 'The monitor stopped after a week' },
        { field: 'rootCauseNote', text: 'Internal: batch 7 from the Tartu supplier' },
      ],
      timeline: [
        { id: 'n1', kind: 'note', at: '2026-11-23T09:00:00.000Z', by: 'Ilze', text: 'Called Anna back' },
        { id: 'n2', kind: 'note', at: '2026-11-23T10:00:00.000Z', by: 'Ilze', text: 'Staff only: Mara is off sick' },
      ],
      files: [{ id: 'cf1', name: 'damage.png', mimeType: 'image/png', size: 200 }],
    },
  ],
  letters: [
    {
      letterId: 'l-anna',
      direction: 'in',
      caseId: 'c-anna',
      caseReference: 'WZ-0001-A',
      date: '2026-11-24',
      partyName: 'Anna Berzina',
      summary: 'Sends the receipt',
      text: '',
      files: [{ id: 'f1', name: 'receipt.pdf', mimeType: 'application/pdf', size: 100 }],
    },
  ],
};

const exported: SubjectAccessExportResult = { path: '/home/admin/anna.zip', bytes: 1000, sha256: 'x', cases: 1, letters: 1, files: 1, withheld: 1 };

/** The panel on a fake API that finds, reviews and exports; the administrator has searched for "Berzina". Returns the calls made. */
async function searchForBerzina(): Promise<ApiCall[]> {
  const sent: ApiCall[] = [];
  withApi(
    latvianSettingsSnapshot(),
    {
      'app.info': () => ({ ok: true, result: { host: 'harness' } }),
      'people.find': () => ({ ok: true, result: found }),
      'people.review': () => ({ ok: true, result: review }),
      'people.export': () => ({ ok: true, result: exported }),
    },
    sent,
  );
  renderWithSettings(<SubjectAccessPanel />, 'en-GB');
  await userEvent.type(await screen.findByTestId('sar-name'), 'Berzina');
  await userEvent.click(screen.getByTestId('sar-search'));
  return sent;
}

describe('Settings → Subject access (issue 14)', () => {
  it('search → tick the person → review → withhold with a reason → export', async () => {
    const sent = await searchForBerzina();

    // Similar names, told apart by e-mail and postcode; nothing is ticked for the administrator.
    const rows = await screen.findAllByTestId('sar-case');
    expect(rows.map((row) => row.textContent)).toEqual([expect.stringContaining('anna@example.lv'), expect.stringContaining('annija@example.lv')]);
    expect((screen.getByTestId('sar-review') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(within(rows[0]!).getByTestId('sar-case-select'));
    // The letter filed on Anna's case goes with it.
    expect((within(screen.getByTestId('sar-letters')).getByTestId('sar-letter-select') as HTMLInputElement).checked).toBe(true);
    await userEvent.click(screen.getByTestId('sar-review'));
    expect(sent.find((call) => call.method === 'people.review')?.input).toEqual({ caseIds: ['c-anna'], letterIds: [] });

    const entries = await screen.findAllByTestId('sar-entry');
    const staffNote = entries.find((entry) => entry.textContent.includes('Mara is off sick'))!;
    await userEvent.click(within(staffNote).getByText('Exclude'));
    await userEvent.type(screen.getByTestId('sar-destination'), '/home/admin/anna.zip');
    // Withheld without a reason: the export waits for it.
    expect(screen.queryByTestId('sar-reasons-missing')).not.toBeNull();
    expect((screen.getByTestId('sar-export') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(staffNote).getByTestId('sar-entry-reason'), 'About staff only');
    // A single field of the case (the internal root-cause note) is withheld too: include or exclude only.
    const rootCause = entries.find((entry) => entry.getAttribute('data-field') === 'rootCauseNote')!;
    expect(rootCause.textContent).toContain('Root-cause note');
    expect(within(rootCause).queryByText('Redact')).toBeNull();
    await userEvent.click(within(rootCause).getByText('Exclude'));
    expect((screen.getByTestId('sar-export') as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(rootCause).getByTestId('sar-entry-reason'), 'Internal supplier assessment');
    await userEvent.click(screen.getByTestId('sar-export'));

    expect((await screen.findByTestId('sar-exported')).textContent).toContain('/home/admin/anna.zip');
    expect(sent.find((call) => call.method === 'people.export')?.input).toEqual({
      caseIds: ['c-anna'],
      letterIds: [],
      subjectName: 'Anna Bērziņa',
      withheld: [{ kind: 'timeline', id: 'n2', action: 'exclude', reason: 'About staff only' }],
      withheldFields: [{ caseId: 'c-anna', field: 'rootCauseNote', reason: 'Internal supplier assessment' }],
      destination: '/home/admin/anna.zip',
      overwrite: false,
      language: 'en-GB',
    });
  });

  it('lists the case’s own files (issue 18) with the case, each to include or exclude with a reason (P-7.2)', async () => {
    const sent = await searchForBerzina();
    await userEvent.click(within((await screen.findAllByTestId('sar-case'))[0]!).getByTestId('sar-case-select'));
    await userEvent.click(screen.getByTestId('sar-review'));

    const caseFile = within((await screen.findAllByTestId('sar-review-case'))[0]!)
      .getAllByTestId('sar-entry')
      .find((entry) => entry.getAttribute('data-kind') === 'file')!;
    expect(caseFile.textContent).toContain('damage.png');
    expect(within(caseFile).queryByText('Redact')).toBeNull();
    await userEvent.click(within(caseFile).getByText('Exclude'));
    await userEvent.type(within(caseFile).getByTestId('sar-entry-reason'), 'Shows a neighbour’s home');
    await userEvent.type(screen.getByTestId('sar-destination'), '/home/admin/anna.zip');
    await userEvent.click(screen.getByTestId('sar-export'));

    await screen.findByTestId('sar-exported');
    expect(sent.find((call) => call.method === 'people.export')?.input).toMatchObject({
      withheld: [{ kind: 'file', id: 'cf1', action: 'exclude', reason: 'Shows a neighbour’s home' }],
    });
  });
});
