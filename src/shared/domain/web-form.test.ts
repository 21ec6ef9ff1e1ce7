/**
 * Website form submissions (issue 17, P-3.1): `Label: value` lines are read by the default
 * mapping, a message runs on over its lines, and an ordinary e-mail is not taken for a form.
 */
import { describe, expect, it } from 'vitest';
import { readWebForm } from './web-form';

describe('readWebForm', () => {
  it('reads the fields of a contact-form body, whatever the case of the labels', () => {
    const body = ['New message from the website', '', 'Name: Margaret Hale', 'EMAIL: margaret@example.org', 'Phone: 0161 496 0000', 'Order number: 5521', 'Message: The bottle leaked.', 'It ruined my bag.'].join('\n');
    expect(readWebForm(body)).toEqual({ name: 'Margaret Hale', email: 'margaret@example.org', phone: '0161 496 0000', orderNumber: '5521', message: 'The bottle leaked.\nIt ruined my bag.' });
  });

  it('an ordinary e-mail is not a form, even with a colon in it', () => {
    expect(readWebForm('Hello,\nNote: my kettle broke.\nRegards, Margaret')).toBeNull();
  });
});
