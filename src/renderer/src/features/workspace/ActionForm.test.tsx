/**
 * Closing a case whose final-response letter is still unposted (issue 18): the main process asks
 * for a confirmation; the form then offers it as a checkbox with the reason, and sends it.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '../../../../shared/api/bridge';
import type { SettingsSnapshot } from '../../../../shared/api/types/settings';
import type { CaseRecord } from '../../../../shared/domain/records';
import { DEFAULT_CALENDAR, DEFAULT_SLA_POLICY } from '../../../../shared/sla';
import { SettingsProvider } from '../../settings/SettingsContext';
import { renderWithProviders } from '../../test/render';
import { ActionForm } from './ActionForm';

const snapshot: SettingsSnapshot = {
  organisation: { name: 'Welzo', addressLines: [], postcode: '', country: 'GB', email: '', phone: '', independentAdvice: { 'en-GB': '', lv: '' } },
  slaPolicy: DEFAULT_SLA_POLICY,
  calendar: { ...DEFAULT_CALENDAR, closures: [], extraWorkingDays: [], workWeek: [1, 2, 3, 4, 5], dayNotes: {} },
  complaintTypes: [],
  departments: [],
  rootCauses: [],
  staff: [],
  security: { idleLockMinutes: 15 },
  deviceCode: '7KQ2',
};

const record = { id: 'case-1', status: 'resolution-communicated', stage: 1, deadlines: [], rootCauseId: null, rootCauseNote: '', lessonsLearned: '', complainant: { preferredChannel: 'letter' }, openInquiries: [], extensions: [], departments: [] } as unknown as CaseRecord;

afterEach(() => {
  delete window.plaint;
});

describe('closing with the final-response letter unposted', () => {
  it('shows the confirmation only when asked, with the reason, and sends it once ticked', async () => {
    const sent: unknown[] = [];
    window.plaint = {
      invoke: (method: string, input: unknown) => {
        if (method === 'settings.get') return Promise.resolve({ ok: true, result: snapshot });
        sent.push(input);
        const confirmed = (input as { action: { closeWithoutPosting?: boolean } }).action.closeWithoutPosting === true;
        return Promise.resolve(
          confirmed
            ? { ok: true, result: { case: record, timeline: [] } }
            : { ok: false, error: { code: 'VALIDATION_FAILED', message: 'unposted', issues: [{ path: 'action.closeWithoutPosting', code: 'unposted_final_letter', message: 'unposted' }] } },
        );
      },
      subscribe: () => () => undefined,
    } as unknown as PlaintBridge;
    let done = false;
    renderWithProviders(
      <SettingsProvider fallback={null}>
        <ActionForm action="close" record={record} onDone={() => (done = true)} onCancel={() => undefined} />
      </SettingsProvider>,
    );
    const submit = await screen.findByTestId('action-submit');
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.click(submit);
    const confirm = await screen.findByRole('checkbox', { name: 'Close without posting the final-response letter' });
    expect(screen.getByText(/final-response letter is not posted yet/)).toBeTruthy();
    await userEvent.click(confirm);
    await userEvent.click(submit);
    await waitFor(() => expect(done).toBe(true));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ caseId: 'case-1', action: { type: 'close', closeWithoutPosting: true } });
  });
});
