/**
 * Settings → E-mail, website forms (issue 17): the preview reads a pasted sample with the labels
 * as typed (before saving), shows each field's value, whether it is a form and the labels no field
 * has; saving sends one label per line as the mapping; a refused label is shown at its field.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_WEB_FORM_MAPPING } from '@shared/domain/web-form';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { settingsSnapshot } from '../../test-support/fixtures';
import { renderWithSettings } from '../../test-support/render';
import { WebFormMappingSettings } from './WebFormMappingSettings';

afterEach(() => {
  delete window.plaint;
});

const fieldValue = (field: string) =>
  within(screen.getByTestId('web-form-preview')).getByText(
    (_text, element) => element?.closest('tr')?.getAttribute('data-field') === field && element.tagName === 'TD',
  ).textContent;

describe('the website form mapping and its preview (issue 17)', () => {
  it('previews a pasted body with the labels as typed, before saving', async () => {
    withApi(settingsSnapshot(), {});
    renderWithSettings(<WebFormMappingSettings />);
    const sample = await screen.findByTestId('web-form-sample');
    await userEvent.click(sample);
    await userEvent.paste('Kunde: Edith Crawley\nPhone: 0161 496 0000\nOrder: 5521');
    const preview = await screen.findByTestId('web-form-preview');
    // "Kunde" is no label yet: only the phone and order are read, and without a name or e-mail that is not a form.
    expect(preview.textContent).toContain('Not read as a form');
    expect(screen.getByTestId('web-form-unmapped').textContent).toBe('Labels no field has: Kunde');
    expect(fieldValue('phone')).toBe('0161 496 0000');
    expect(fieldValue('name')).toBe('—');

    await userEvent.click(screen.getByTestId('web-form-labels-name'));
    await userEvent.keyboard('{Control>}{End}{/Control}{Enter}Kunde');
    await waitFor(() => expect(screen.getByTestId('web-form-preview').textContent).toContain('Read as a website form'));
    expect(fieldValue('name')).toBe('Edith Crawley');
    expect(fieldValue('orderNumber')).toBe('5521');
    expect(screen.queryByTestId('web-form-unmapped')).toBeNull();
  });

  it('saves one label per line as the mapping; a refused label shows at its field', async () => {
    const sent: ApiCall[] = [];
    const message = 'This label is already used';
    withApi(
      settingsSnapshot(),
      {
        'settings.updateWebFormMapping': () => ({
          ok: false,
          error: { code: 'VALIDATION_FAILED', message, issues: [{ path: 'phone.4', code: 'web_form_label_repeated', message }] },
        }),
      },
      sent,
    );
    renderWithSettings(<WebFormMappingSettings />);
    await userEvent.click(await screen.findByTestId('web-form-labels-phone'));
    await userEvent.keyboard('{Control>}{End}{/Control}{Enter}  {Enter}Email');
    await userEvent.click(screen.getByTestId('web-form-save'));
    await waitFor(() => expect(sent.filter((call) => call.method === 'settings.updateWebFormMapping')).toHaveLength(1));
    expect(sent.find((call) => call.method === 'settings.updateWebFormMapping')?.input).toEqual({
      ...DEFAULT_WEB_FORM_MAPPING,
      phone: [...DEFAULT_WEB_FORM_MAPPING.phone, 'Email'],
    });
    expect(await screen.findByText('This label is already used for another field (or twice): each label names one field.')).toBeTruthy();
  });
});
