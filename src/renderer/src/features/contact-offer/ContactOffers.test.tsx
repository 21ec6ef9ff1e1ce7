/**
 * Issue 18: a sender who already has a case, typed with other contact details, is offered to
 * update that case: the offer names the details that differ, nothing is sent until the person
 * confirms, and the update sends what is typed for that case only.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { ContactOffer } from '@shared/domain/contact-update';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithProviders } from '../../test-support/render';
import { recognisable, typedContact } from './contact-offer-input';
import { ContactOffers } from './ContactOffers';

/** How long a first answer may take on a loaded machine: a limit, not an expectation of speed. */
const LOADED_MS = 10_000;

const offer: ContactOffer = { caseId: 'case-1', reference: 'K7Q2-01RT-4', complainantName: 'Mary Jones', matchedBy: ['email'], differs: ['address', 'phone'] };
const typed = {
  email: 'mary.jones@example.com',
  phone: '07700 900999',
  customerNumber: '',
  addressLines: '9 New Road\nYork',
  postcode: 'yo1 7hh',
  country: 'gb',
};

afterEach(() => {
  delete window.plaint;
});

describe('issue 18: contact details offered to the existing case', () => {
  it('names the case and the details that differ, and changes nothing until the person confirms', async () => {
    const sent: ApiCall[] = [];
    let offers = [offer];
    withApi(
      settingsSnapshot(),
      {
        'cases.contactOffers': () => ({ ok: true, result: offers }),
        'cases.updateContact': () => ((offers = []), { ok: true, result: { fields: ['address', 'phone'] } }),
      },
      sent,
    );
    renderWithProviders(<ContactOffers values={typed} source="letter" />);
    const shown = await screen.findByTestId('contact-offer', {}, { timeout: LOADED_MS });
    expect(shown.textContent).toContain('The sender already has case K7Q2-01RT-4 (Mary Jones)');
    expect(shown.textContent).toContain('Recognised by e-mail address. These details differ from the case’s: address, telephone number.');
    expect(sent.map((call) => call.method)).not.toContain('cases.updateContact');
    expect(sent[0]?.input).toEqual({
      email: 'mary.jones@example.com',
      phone: '07700 900999',
      customerNumber: '',
      address: { lines: ['9 New Road', 'York'], postcode: 'YO1 7HH', country: 'GB' },
    });

    await userEvent.click(screen.getByRole('button', { name: 'Update case K7Q2-01RT-4' }));
    await waitFor(() => expect(screen.queryByTestId('contact-offer')).toBeNull(), { timeout: LOADED_MS });
    expect(sent.filter((call) => call.method === 'cases.updateContact').map((call) => call.input)).toEqual([
      {
        caseId: 'case-1',
        source: 'letter',
        contact: {
          email: 'mary.jones@example.com',
          phone: '07700 900999',
          customerNumber: '',
          address: { lines: ['9 New Road', 'York'], postcode: 'YO1 7HH', country: 'GB' },
        },
      },
    ]);
  });

  it('does not ask while nothing typed can recognise a person, and leaves out a half-typed e-mail address', () => {
    expect(recognisable(typedContact({ ...typed, email: '', phone: '12', customerNumber: '' }))).toBe(false);
    expect(recognisable(typedContact({ ...typed, email: '', phone: '', customerNumber: 'C1000123' }))).toBe(true);
    expect(typedContact({ ...typed, email: 'mary@', addressLines: '' })).toEqual({ email: '', phone: '07700 900999', customerNumber: '', address: null });
  });

  it('says in the reader’s language why an update was refused, and keeps the offer', async () => {
    withApi(settingsSnapshot(), {
      'cases.contactOffers': () => ({ ok: true, result: [offer] }),
      'cases.updateContact': () => ({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: 'x', issues: [{ path: 'contact', code: 'not_same_complainant', message: 'x' }] },
      }),
    });
    renderWithProviders(<ContactOffers values={typed} source="letter" />, undefined, 'lv');
    await userEvent.click(await screen.findByRole('button', { name: 'Atjaunināt lietu K7Q2-01RT-4' }, { timeout: LOADED_MS }));
    expect((await screen.findByTestId('contact-offer-problem', {}, { timeout: LOADED_MS })).textContent).toContain('nav šīs lietas sūdzības iesniedzējs');
    expect(screen.queryByTestId('contact-offer')).not.toBeNull();
  });
});
