/**
 * Issue 18, the new-complaint form: the first field has focus when the form opens, and the
 * preferred channel defaults from the channel the complaint came by (P-3.1), so a telephone
 * complaint with a phone number and no e-mail address is not sent with an 'e-mail' preference
 * (which the main process refuses: e-mail needed). A channel the person chose stays chosen.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { PlaintBridge } from '@shared/api/bridge';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { NewCasePage } from './NewCasePage';

const snapshot = settingsSnapshot();

afterEach(() => {
  delete window.plaint;
});

function renderForm(): { created: unknown[] } {
  const created: unknown[] = [];
  window.plaint = {
    invoke: (method: string, input: unknown) => {
      if (method === 'settings.get') return Promise.resolve({ ok: true, result: snapshot });
      if (method === 'cases.create') {
        created.push(input);
        return Promise.resolve({ ok: true, result: { caseId: 'case-1', reference: 'MSQ8-01RT-4' } });
      }
      return Promise.resolve({ ok: true, result: [] });
    },
    subscribe: () => () => undefined,
  } as unknown as PlaintBridge;
  renderWithSettings(<NewCasePage />);
  return { created };
}

describe('the new-complaint form (issue 18)', () => {
  it('puts focus on its first field, the complainant’s name, when it opens', async () => {
    renderForm();
    const name = await screen.findByRole('textbox', { name: 'Name' });
    expect(document.activeElement).toBe(name);
  });

  it('sends a telephone complaint with only a phone number as preferring the telephone, not e-mail', async () => {
    const { created } = renderForm();
    await userEvent.type(await screen.findByRole('textbox', { name: 'Name' }), 'Ann Smith');
    await userEvent.type(screen.getByRole('textbox', { name: 'Phone' }), '0161 496 0000');
    expect(screen.getByLabelText('Preferred channel', { selector: 'input' })).toHaveProperty('value', 'Telephone');
    await userEvent.click(screen.getByTestId('create-case'));
    await waitFor(() => expect(created).toHaveLength(1));
    expect(created[0]).toMatchObject({ channel: 'telephone', complainant: { phone: '0161 496 0000', email: '', preferredChannel: 'telephone' } });
  });

  it('follows the channel of receipt until the person chooses a preference, then keeps their choice', async () => {
    renderForm();
    const preferred = await screen.findByLabelText('Preferred channel', { selector: 'input' });
    const channel = screen.getByLabelText(/Channel of receipt/, { selector: 'input' });
    await choose(channel, 'Letter');
    await waitFor(() => expect(preferred).toHaveProperty('value', 'Letter'));
    await choose(preferred, 'E-mail');
    await waitFor(() => expect(preferred).toHaveProperty('value', 'E-mail'));
    await choose(channel, 'Telephone');
    await waitFor(() => expect(channel).toHaveProperty('value', 'Telephone'));
    expect(preferred).toHaveProperty('value', 'E-mail');
  });

  it('shows the time received in the app’s language (dd/mm/yyyy HH:mm), and the date alone as dd/mm/yyyy (issue 18)', async () => {
    renderForm();
    expect(await screen.findByRole('textbox', { name: /Received at/ })).toHaveProperty('value', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/));
    await userEvent.click(screen.getByRole('checkbox', { name: /Only the date is known/ }));
    expect(await screen.findByRole('textbox', { name: /Received on/ })).toHaveProperty('value', expect.stringMatching(/^\d{2}\/\d{2}\/\d{4}$/));
  });
});

/** Opens a Mantine select and clicks one of its own options. */
async function choose(input: HTMLElement, option: string): Promise<void> {
  await userEvent.click(input);
  const listbox = await waitFor(() => {
    const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error('the options did not open');
    return found;
  });
  await userEvent.click(within(listbox).getByRole('option', { name: option, hidden: true }));
}
