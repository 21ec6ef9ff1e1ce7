/**
 * Settings → E-mail's website form mapping (issue 17) as the form edits it: one label per line for
 * each complaint field, turned into the mapping the API takes (blank lines dropped) and back.
 */
import { WEB_FORM_FIELDS, type WebFormField, type WebFormMapping } from '@shared/domain/web-form';

export type MappingFormValues = Record<WebFormField, string>;

export function mappingFormValues(mapping: WebFormMapping): MappingFormValues {
  return Object.fromEntries(WEB_FORM_FIELDS.map((field) => [field, mapping[field].join('\n')])) as MappingFormValues;
}

export function mappingOf(values: MappingFormValues): Record<WebFormField, string[]> {
  return Object.fromEntries(
    WEB_FORM_FIELDS.map((field) => [
      field,
      values[field]
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    ]),
  ) as Record<WebFormField, string[]>;
}

/** An error at one label (`name.2`) is shown on its field's box. */
export function fieldOfPath(path: string): string {
  return path.split('.')[0] ?? path;
}
