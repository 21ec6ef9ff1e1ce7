/**
 * Website form submissions (issue 17, P-3.1): `Label: value` lines are read by the default
 * mapping, a message runs on over its lines, and an ordinary e-mail is not taken for a form.
 */
import { describe, expect, it } from 'vitest';
import { settingsDocumentSchema } from './records';
import { DEFAULT_WEB_FORM_MAPPING, previewWebForm, readWebForm, webFormMappingInput } from './web-form';

describe('readWebForm', () => {
  it('reads the fields of a contact-form body, whatever the case of the labels', () => {
    const body = [
      'New message from the website',
      '',
      'Name: Margaret Hale',
      'EMAIL: margaret@example.org',
      'Phone: 0161 496 0000',
      'Order number: 5521',
      'Message: The bottle leaked.',
      'It ruined my bag.',
    ].join('\n');
    expect(readWebForm(body)).toEqual({
      name: 'Margaret Hale',
      email: 'margaret@example.org',
      phone: '0161 496 0000',
      orderNumber: '5521',
      message: 'The bottle leaked.\nIt ruined my bag.',
    });
  });

  it('an ordinary e-mail is not a form, even with a colon in it', () => {
    expect(readWebForm('Hello,\nNote: my kettle broke.\nRegards, Margaret')).toBeNull();
  });
});

describe('the mapping as a setting (issue 17)', () => {
  const mapping = { ...DEFAULT_WEB_FORM_MAPPING, name: ['Kunde'], orderNumber: ['Bestellung'] };

  it('another mapping reads other labels, and the default labels it dropped no longer count', () => {
    const body = 'Kunde: Margaret Hale\nEmail: margaret@example.org\nBestellung: 5521\nName: Someone Else';
    expect(readWebForm(body, mapping)).toEqual({ name: 'Margaret Hale', email: 'margaret@example.org', orderNumber: '5521' });
  });

  it('is validated: a label for two fields, a colon in a label, and neither a name nor an e-mail label are refused at the label', () => {
    const codes = (value: unknown) =>
      webFormMappingInput.safeParse(value).error?.issues.map((found) => [found.path.join('.'), (found as { params?: { code?: string } }).params?.code]);
    expect(webFormMappingInput.safeParse(DEFAULT_WEB_FORM_MAPPING).success).toBe(true);
    expect(codes({ ...DEFAULT_WEB_FORM_MAPPING, phone: ['Phone', 'EMAIL'] })).toEqual([['phone.1', 'web_form_label_repeated']]);
    expect(codes({ ...DEFAULT_WEB_FORM_MAPPING, orderNumber: ['Order: no'] })).toEqual([['orderNumber.0', 'web_form_label']]);
    expect(codes({ ...DEFAULT_WEB_FORM_MAPPING, name: [], email: [] })).toEqual([['name', 'web_form_needs_name_or_email']]);
    expect(webFormMappingInput.safeParse({ ...DEFAULT_WEB_FORM_MAPPING, address: ['Address'] }).success).toBe(false);
  });

  it('the preview shows what each field gets, whether it is a form, and the labels no field has', () => {
    const body = 'Kunde: Margaret Hale\nAddress: 12 Milton Road\nBestellung: 5521';
    expect(previewWebForm(body, mapping)).toEqual({ values: { name: 'Margaret Hale', orderNumber: '5521' }, isForm: true, unmappedLabels: ['Address'] });
    expect(previewWebForm('Bestellung: 5521\nAddress: 12 Milton Road', mapping)).toEqual({
      values: { orderNumber: '5521' },
      isForm: false,
      unmappedLabels: ['Address'],
    });
  });
});

describe('the mapping arriving by sync (issue 17)', () => {
  const document = (data: unknown) => ({
    id: 'webFormMapping',
    value: { data },
    updatedAt: '2026-11-25T11:00:00.000Z',
    updatedBy: { id: 'admin', name: 'Ada Admin' },
  });
  it('is a settings area every device knows, checked by the same rules', () => {
    expect(settingsDocumentSchema.safeParse(document({ ...DEFAULT_WEB_FORM_MAPPING, name: ['Kunde'] })).success).toBe(true);
    expect(settingsDocumentSchema.safeParse(document({ ...DEFAULT_WEB_FORM_MAPPING, phone: ['Name'] })).success).toBe(false);
  });
});
