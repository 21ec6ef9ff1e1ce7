/**
 * Issue 18, the clerk's register:
 * - leaving it (Ctrl+K, another page, another post-room tab: each unmounts it) keeps the half-typed
 *   letter, the batch list and Undo for the session; signing out forgets them;
 * - a refused letter puts focus on its first field in error, in form order, whether the error was
 *   found before sending or came back in the API's validation envelope;
 * - the sender's e-mail, telephone and customer number are typed, checked at the field and sent.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import type { ApiMethodName } from '@shared/api/names';
import type { SettingsSnapshot } from '@shared/api/types/settings';
import { forgetSessionMemory } from '../../session/session-memory';
import { SettingsProvider } from '../../settings/SettingsContext';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithProviders } from '../../test-support/render';
import { IncomingRegister } from './IncomingRegister';

const snapshot: SettingsSnapshot = settingsSnapshot({ complaintTypes: [{ id: 'product', label: { 'en-GB': 'Product', lv: 'Produkts' }, retired: false }] });

interface Sent {
  readonly method: ApiMethodName;
  readonly input: unknown;
}

let sent: Sent[];
/** What post.logIncoming answers: the letter logged, or a refusal. */
let logAnswer: () => unknown;

function letterFor(input: unknown, id: string) {
  const sender = (input as { sender: { name: string } }).sender;
  return {
    id,
    direction: 'in',
    caseId: null,
    caseReference: null,
    receivedOn: '2026-11-24',
    letterDate: null,
    party: { ...sender, addressLines: [], postcode: '', country: 'GB' },
    referenceQuoted: '',
    kind: 'not-a-complaint',
    routedTo: 'Sales',
    note: '',
    summary: 'Catalogue request',
    files: [],
    template: null,
    language: null,
    text: '',
    finalisedAt: null,
    posting: null,
    batchId: 'b',
    loggedAt: '2026-11-24T09:00:00.000Z',
    loggedBy: { id: 'carl', name: 'Carl Clerk' },
    voided: false,
  };
}

beforeEach(() => {
  forgetSessionMemory();
  sent = [];
  let next = 0;
  logAnswer = () => ({ ok: true, result: letterFor(sent.at(-1)?.input, `letter-${(next += 1)}`) });
  window.plaint = createPlaintBridge({
    request: (method, input) => {
      sent.push({ method, input });
      if (method === 'post.logIncoming') return Promise.resolve(logAnswer());
      const answers: Partial<Record<ApiMethodName, unknown>> = {
        'settings.get': snapshot,
        'cases.quickSearch': { hits: [], total: 0 },
        'cases.findDuplicates': [],
        'post.undo': {},
      };
      return Promise.resolve({ ok: true, result: answers[method] });
    },
    listen: () => () => undefined,
  });
});

afterEach(() => {
  delete window.plaint;
});

function openRegister() {
  return renderWithProviders(
    <SettingsProvider fallback={null}>
      <IncomingRegister />
    </SettingsProvider>,
  );
}

async function typeNotAComplaint(name: string) {
  await userEvent.selectOptions(await screen.findByTestId('letter-kind'), 'not-a-complaint');
  await userEvent.type(screen.getByTestId('letter-sender'), name);
  await userEvent.type(screen.getByTestId('letter-routed-to'), 'Sales');
  await userEvent.type(screen.getByTestId('letter-summary'), 'Catalogue request');
}

const logged = () => sent.filter((call) => call.method === 'post.logIncoming');

describe('the register is kept for the session (issue 18)', () => {
  it('leaving and coming back keeps the half-typed letter, the batch list and Undo', async () => {
    const first = openRegister();
    await typeNotAComplaint('Acme Supplies');
    await userEvent.click(screen.getByTestId('log-letter'));
    await waitFor(() => expect(screen.getByTestId('batch-count').textContent).toBe('1 letter in this batch'));
    await userEvent.type(screen.getByTestId('letter-sender'), 'Half typed');
    first.unmount(); // Ctrl+K to a case, another page, or the Outgoing tab

    openRegister();
    expect(await screen.findByTestId('letter-sender')).toHaveProperty('value', 'Half typed');
    expect(screen.getByTestId('letter-kind')).toHaveProperty('value', 'not-a-complaint');
    expect(screen.getByTestId('batch-count').textContent).toBe('1 letter in this batch');
    expect(screen.getByTestId('batch-list').textContent).toContain('Acme Supplies');
    expect(screen.getByTestId('undo-last')).toHaveProperty('disabled', false);
  });

  it('signing out forgets them: the next person starts with an empty register', async () => {
    const first = openRegister();
    await typeNotAComplaint('Acme Supplies');
    await userEvent.click(screen.getByTestId('log-letter'));
    await waitFor(() => expect(screen.getByTestId('batch-count').textContent).toBe('1 letter in this batch'));
    await userEvent.type(screen.getByTestId('letter-sender'), 'Half typed');
    first.unmount();
    forgetSessionMemory(); // what the session gate does at sign-out

    openRegister();
    expect(await screen.findByTestId('letter-sender')).toHaveProperty('value', '');
    expect(screen.getByTestId('batch-count').textContent).toBe('0 letters in this batch');
    expect(screen.getByTestId('undo-last')).toHaveProperty('disabled', true);
  });
});

describe('focus goes to the first field in error, in form order (issue 18)', () => {
  it('found before sending: the sender comes before the summary, whatever else is wrong; nothing is sent', async () => {
    openRegister();
    await userEvent.selectOptions(await screen.findByTestId('letter-kind'), 'not-a-complaint');
    await userEvent.type(screen.getByTestId('letter-email'), 'margaret@');
    await userEvent.click(screen.getByTestId('log-letter'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('letter-sender')));
    expect(logged()).toHaveLength(0);
    expect(screen.getByTestId('letter-summary').getAttribute('aria-invalid')).toBe('true');
  });

  it('a bad e-mail address and telephone number: focus on the e-mail: focus on it, with the translated reason at the field', async () => {
    openRegister();
    await typeNotAComplaint('Margaret Hale');
    await userEvent.type(screen.getByTestId('letter-email'), 'margaret@');
    await userEvent.type(screen.getByTestId('letter-phone'), '0161 CALL ME');
    await userEvent.click(screen.getByTestId('log-letter'));
    const email = screen.getByTestId('letter-email');
    await waitFor(() => expect(document.activeElement).toBe(email));
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByTestId('letter-phone').getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Not a valid e-mail address')).toBeTruthy();
    expect(screen.getByText('Only digits, spaces and + ( ) - . /')).toBeTruthy();
    expect(logged()).toHaveLength(0);
  });

  it("from the API's validation envelope: the first field of the form, not the first issue listed", async () => {
    logAnswer = () => ({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid',
        issues: [
          { path: 'summary', code: 'too_long', message: 'At most 2000 characters', params: { maximum: 2000 } },
          { path: 'receivedOn', code: 'future_time', message: 'In the future' },
        ],
      },
    });
    openRegister();
    await typeNotAComplaint('Margaret Hale');
    await userEvent.click(screen.getByTestId('log-letter'));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByTestId('letter-received-on')));
    expect(logged()).toHaveLength(1);
  });
});

describe("the sender's e-mail, telephone and customer number (issue 18)", () => {
  it('are sent with the letter', async () => {
    openRegister();
    await typeNotAComplaint('Margaret Hale');
    await userEvent.type(screen.getByTestId('letter-email'), 'margaret@example.org');
    await userEvent.type(screen.getByTestId('letter-phone'), '+44 161 496 0000');
    await userEvent.type(screen.getByTestId('letter-customer-number'), 'C-10442');
    await userEvent.click(screen.getByTestId('log-letter'));
    await waitFor(() => expect(logged()).toHaveLength(1));
    expect(logged()[0]?.input).toMatchObject({
      sender: { name: 'Margaret Hale', email: 'margaret@example.org', phone: '+44 161 496 0000', customerNumber: 'C-10442' },
    });
  });
});
