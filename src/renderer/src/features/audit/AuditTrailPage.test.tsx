/**
 * Issue 18: the organisation-wide audit view. Each row says when, who, what (as a sentence, as
 * the case timeline words it, never a raw field path) and which case, and opens the case; the
 * filters become the query (person, kinds, office days typed dd/mm/yyyy, first page again); a
 * date that is not one is named at its field and nothing is asked.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { Router } from 'wouter';
import { memoryLocation } from 'wouter/memory-location';
import type { AuditTrailPage as AuditPage } from '@shared/domain/audit-trail';
import type { TimelineEntry } from '@shared/domain/records';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { AuditTrailPage } from './AuditTrailPage';

/** How long a first answer may take on a loaded machine: a limit, not an expectation of speed. */
const LOADED_MS = 10_000;

const ann = {
  id: 'ann',
  name: 'Ann Lee',
  email: '',
  login: 'ann',
  roles: ['manager' as const],
  departments: [],
  active: true,
  createdAt: '2026-01-01T00:00:00.000Z',
  hasPassword: true,
};
const base = { caseId: 'case-1', at: '2026-11-20T10:00:00.000Z', recordedAt: '2026-11-20T10:00:00.000Z', order: 0, by: { id: 'ann', name: 'Ann Lee' } };
const entries: TimelineEntry[] = [
  { ...base, id: 'e1', kind: 'note', data: { text: 'Called the courier' } },
  { ...base, id: 'e2', kind: 'audit', order: 1, data: { field: 'complainant.phone', before: '07700 900123', after: '07700 900999' } },
];

afterEach(() => {
  delete window.plaint;
});

function open(total = entries.length) {
  const sent: ApiCall[] = [];
  const answer: AuditPage = { items: entries.map((entry) => ({ entry, reference: 'K7Q2-01RT-4' })), total, offset: 0 };
  withApi(settingsSnapshot({ staff: [ann] }), { 'cases.auditTrail': () => ({ ok: true, result: answer }) }, sent);
  const location = memoryLocation({ path: '/audit', record: true });
  renderWithSettings(
    <Router hook={location.hook}>
      <AuditTrailPage />
    </Router>,
  );
  return { sent, location };
}

const asked = (sent: ApiCall[]) => sent.filter((call) => call.method === 'cases.auditTrail').map((call) => call.input);

describe('issue 18: the organisation-wide audit view', () => {
  it('shows who, what as a sentence, when and which case; a row opens its case', async () => {
    const { location } = open();
    const rows = within(await screen.findByTestId('audit-rows', {}, { timeout: LOADED_MS })).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[1]?.textContent).toContain('Ann Lee');
    expect(rows[1]?.textContent).toContain('Called the courier');
    expect(rows[1]?.textContent).toContain('K7Q2-01RT-4');
    expect(rows[2]?.textContent).not.toContain('complainant.phone');
    expect(screen.getByTestId('audit-total').textContent).toBe('2 entries');
    const row = rows[1];
    if (!row) throw new Error('no row');
    await userEvent.click(row);
    expect(location.history.at(-1)).toBe('/case/case-1');
  });

  it('asks for the person, kinds and days chosen, from the first page; a page further asks with its offset', async () => {
    const { sent } = open(120);
    await screen.findByTestId('audit-rows', {}, { timeout: LOADED_MS });
    await userEvent.click(screen.getByRole('button', { name: '3' }));
    await waitFor(() => expect(asked(sent).at(-1)).toMatchObject({ offset: 100, limit: 50 }), { timeout: LOADED_MS });
    // Pasted whole: typed key by key, '20/11' is already a date (this year's).
    await userEvent.click(screen.getByTestId('audit-from'));
    await userEvent.paste('20/11/2026');
    await waitFor(() => expect(asked(sent).at(-1)).toEqual({ kinds: [], from: '2026-11-20', offset: 0, limit: 50 }), { timeout: LOADED_MS });
    await userEvent.click(screen.getByTestId('audit-person'));
    await userEvent.click(await screen.findByRole('option', { name: 'Ann Lee', hidden: true }, { timeout: LOADED_MS }));
    await waitFor(() => expect(asked(sent).at(-1)).toEqual({ personId: 'ann', kinds: [], from: '2026-11-20', offset: 0, limit: 50 }), { timeout: LOADED_MS });
  });

  it('names a date that is not one at its field, and does not ask with it', async () => {
    const { sent } = open();
    await screen.findByTestId('audit-rows', {}, { timeout: LOADED_MS });
    const before = asked(sent).length;
    await userEvent.type(screen.getByTestId('audit-to'), '31/02/2026');
    expect(await screen.findByText('Not a date: type it as dd/mm/yyyy', {}, { timeout: LOADED_MS })).not.toBeNull();
    expect(asked(sent)).toHaveLength(before);
  });
});
