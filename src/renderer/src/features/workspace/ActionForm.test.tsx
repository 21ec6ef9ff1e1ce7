/**
 * Closing a case whose final-response letter is still unposted (issue 18): the main process asks
 * for a confirmation; the form then offers it as a checkbox with the reason, and sends it.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseRecord } from '@shared/domain/records';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { ActionForm } from './ActionForm';

const record = {
  id: 'case-1',
  status: 'resolution-communicated',
  stage: 1,
  deadlines: [],
  rootCauseId: null,
  rootCauseNote: '',
  lessonsLearned: '',
  complainant: { preferredChannel: 'letter' },
  openInquiries: [],
  extensions: [],
  departments: [],
} as unknown as CaseRecord;

afterEach(() => {
  delete window.plaint;
});

describe('closing with the final-response letter unposted', () => {
  it('shows the confirmation only when asked, with the reason, and sends it once ticked', async () => {
    const sent: ApiCall[] = [];
    withApi(
      settingsSnapshot(),
      {
        'cases.act': (input) =>
          (input as { action: { closeWithoutPosting?: boolean } }).action.closeWithoutPosting === true
            ? { ok: true, result: { case: record, timeline: [] } }
            : {
                ok: false,
                error: {
                  code: 'VALIDATION_FAILED',
                  message: 'unposted',
                  issues: [{ path: 'action.closeWithoutPosting', code: 'unposted_final_letter', message: 'unposted' }],
                },
              },
      },
      sent,
    );
    let done = false;
    renderWithSettings(<ActionForm action="close" record={record} onDone={() => (done = true)} onCancel={() => undefined} />);
    const submit = await screen.findByTestId('action-submit');
    expect(screen.queryByRole('checkbox')).toBeNull();
    await userEvent.click(submit);
    const confirm = await screen.findByRole('checkbox', { name: 'Close without posting the final-response letter' });
    expect(screen.getByText(/final-response letter is not posted yet/)).toBeTruthy();
    await userEvent.click(confirm);
    await userEvent.click(submit);
    await waitFor(() => expect(done).toBe(true));
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({ method: 'cases.act', input: { caseId: 'case-1', action: { type: 'close', closeWithoutPosting: true } } });
  });
});
