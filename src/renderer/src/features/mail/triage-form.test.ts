/**
 * The incoming-e-mail register's keyboard flow (issue 17): a message quoting a valid reference
 * starts as correspondence on that case, others as a new complaint from the sender; only the
 * chosen kind's fields are sent; after a triage the next message is selected.
 */
import { describe, expect, it } from 'vitest';
import type { IncomingMail } from '@shared/domain/mail';
import { moveSelection, nextAfter, triageDefaults, triageInput } from './triage-form';

const mail: IncomingMail = {
  id: 'mail-1',
  messageId: '<1@example.org>',
  from: { name: 'Margaret Hale', address: 'margaret@example.org' },
  subject: 'Leaking bottle',
  receivedAt: '2026-11-24T14:37:12.000Z',
  text: 'It leaked.',
  attachments: [],
  match: null,
  form: null,
  triage: null,
};

describe('triage defaults', () => {
  it('a new complaint from the sender, summarised by the subject; a matched reference makes it correspondence on that case', () => {
    expect(triageDefaults(mail, 'product')).toMatchObject({
      kind: 'new-complaint',
      type: 'product',
      complainantName: 'Margaret Hale',
      summary: 'Leaking bottle',
      reference: '',
    });
    expect(triageDefaults({ ...mail, match: { reference: '7KQ2-00A3-M', caseId: 'c1' } }, 'product')).toMatchObject({
      kind: 'correspondence',
      reference: '7KQ2-00A3-M',
    });
  });

  it('a website form submission names its complainant', () => {
    expect(
      triageDefaults(
        { ...mail, from: { name: 'Website', address: 'noreply@example.com' }, form: { name: 'Edith Crawley', email: 'edith@example.org' } },
        'product',
      ).complainantName,
    ).toBe('Edith Crawley');
  });

  it('sends only the fields of the chosen kind', () => {
    const values = { ...triageDefaults(mail, 'product'), reference: '7KQ2-00A3-M', routedTo: 'Sales' };
    expect(triageInput('mail-1', { ...values, kind: 'not-a-complaint' })).toMatchObject({
      kind: 'not-a-complaint',
      routedTo: 'Sales',
      reference: '',
      type: '',
    });
    expect(triageInput('mail-1', { ...values, kind: 'escalation-request' })).toMatchObject({ reference: '7KQ2-00A3-M', routedTo: '', type: '' });
  });
});

describe('keyboard selection', () => {
  it('moves with the arrows and stays at the ends; after a triage the next message is selected', () => {
    expect(moveSelection(['a', 'b', 'c'], null, 1)).toBe('a');
    expect(moveSelection(['a', 'b', 'c'], 'c', 1)).toBe('c');
    expect(moveSelection(['a', 'b', 'c'], 'b', -1)).toBe('a');
    expect(nextAfter(['a', 'b', 'c'], 'b')).toBe('c');
    expect(nextAfter(['a', 'b', 'c'], 'c')).toBe('b');
    expect(nextAfter(['a'], 'a')).toBeNull();
  });
});
