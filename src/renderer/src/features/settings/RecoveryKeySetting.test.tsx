/**
 * The recovery key (P-7.2, issue 14) is shown to the administrator once, in a dialog that cannot
 * be closed until they confirm they have stored it; afterwards the key is gone from the window.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiMethodName } from '@shared/api/names';
import type { ProtectionStatus } from '@shared/api/types/protection';
import { renderWithProviders } from '../../test-support/render';
import { RecoveryKeySetting } from './RecoveryKeySetting';

const KEY = 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345-6789';

afterEach(() => {
  delete window.plaint;
});

function serve(): ApiMethodName[] {
  const calls: ApiMethodName[] = [];
  let status: ProtectionStatus = { encryption: 'encrypted', keychain: 'none', keychainSlot: false, passwordSlots: 1, recoverySlot: false };
  window.plaint = createPlaintBridge({
    request: (method) => {
      calls.push(method);
      if (method === 'protection.createRecoveryKey') {
        status = { ...status, recoverySlot: true };
        return Promise.resolve({ ok: true, result: { recoveryKey: KEY, createdAt: '2026-12-07T05:00:00.000Z' } });
      }
      return Promise.resolve({ ok: true, result: status });
    },
    listen: () => () => undefined,
  });
  return calls;
}

describe('the recovery key setting', () => {
  it('says there is no keychain, shows a new key once, and closes only after "I have stored it"', async () => {
    const calls = serve();
    renderWithProviders(<RecoveryKeySetting />);
    expect(await screen.findByText(/no keychain/)).toBeTruthy();
    expect(screen.getByText(/No recovery key yet/)).toBeTruthy();
    await userEvent.click(screen.getByTestId('create-recovery-key'));
    expect((await screen.findByTestId('recovery-key')).textContent).toBe(KEY);
    const close = screen.getByTestId('recovery-key-done');
    expect(close.hasAttribute('disabled')).toBe(true);
    await userEvent.keyboard('{Escape}');
    expect(screen.getByTestId('recovery-key').textContent).toBe(KEY);
    await userEvent.click(screen.getByTestId('recovery-key-stored'));
    await userEvent.click(screen.getByTestId('recovery-key-done'));
    await waitFor(() => expect(screen.queryByText(KEY)).toBeNull());
    expect(await screen.findByText(/A recovery key has been made/)).toBeTruthy();
    expect(calls.filter((method) => method === 'protection.createRecoveryKey')).toHaveLength(1);
  });
});
