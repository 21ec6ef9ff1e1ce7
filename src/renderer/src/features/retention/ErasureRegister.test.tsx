/**
 * Settings → Retention, "Clean the server" (issue 14): the CouchDB administrator's password is
 * used once, what the server did is listed per database, and a later refusal does not leave the
 * earlier answer on screen beside it (the same once-only task as "Prepare the server", issue 12).
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResponse } from '@shared/api/errors';
import type { ServerCleaning } from '@shared/domain/retention';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { CleanServer } from './ErasureRegister';

afterEach(() => {
  delete window.plaint;
});

const cleaned: ServerCleaning = { databases: [{ database: 'plaint_cases', compaction: 'started', purge: 'purged', purged: 3 }] };
const message = 'only a CouchDB administrator may clean the server';
const refused: ApiResponse<unknown> = { ok: false, error: { code: 'UNAVAILABLE', message, issues: [{ path: '', code: 'server_admin_needed', message }] } };

describe('Clean the server', () => {
  it('lists what was done and empties the password; a later refusal replaces the earlier answer', async () => {
    const sent: ApiCall[] = [];
    const answers: ApiResponse<unknown>[] = [{ ok: true, result: cleaned }, refused];
    withApi(settingsSnapshot(), { 'erasure.cleanServer': () => answers.shift() ?? refused }, sent);
    renderWithSettings(<CleanServer />);
    await userEvent.type(await screen.findByLabelText('CouchDB administrator'), 'couchadmin');
    const password = screen.getByLabelText<HTMLInputElement>('Password');
    await userEvent.type(password, 'secret');
    await userEvent.click(screen.getByTestId('clean-server-run'));
    expect((await screen.findByTestId('clean-server-result')).textContent).toBe('plaint_cases: compaction started; 3 deleted documents purged.');
    expect(password.value).toBe('');
    expect(sent).toEqual([{ method: 'erasure.cleanServer', input: { username: 'couchadmin', password: 'secret' } }]);

    await userEvent.type(password, 'wrong');
    await userEvent.click(screen.getByTestId('clean-server-run'));
    expect((await screen.findByRole('alert')).textContent).toContain('Enter the CouchDB administrator’s name and password');
    await waitFor(() => expect(screen.queryByTestId('clean-server-result')).toBeNull());
  });
});
