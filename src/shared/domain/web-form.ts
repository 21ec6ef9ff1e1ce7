/**
 * Website form submissions (issue 17, P-3.1): a contact form usually mails a structured body,
 * one `Label: value` line per field (`Name:`, `Email:`, `Order:` …), from the website's own
 * address. The fields found pre-fill the new complaint: the complainant is the person in the form,
 * not the website that sent it. The labels each field is known by are a team setting that
 * administrators edit in Settings → E-mail, with a preview (`previewWebForm`); the mapping below
 * is its default.
 */
import { z } from 'zod';
import { issue, pattern, requiredText } from './fields';
export const WEB_FORM_FIELDS = ['name', 'email', 'phone', 'orderNumber', 'customerNumber', 'message'] as const;
export type WebFormField = (typeof WEB_FORM_FIELDS)[number];

export type WebFormMapping = Readonly<Record<WebFormField, readonly string[]>>;

export const DEFAULT_WEB_FORM_MAPPING: WebFormMapping = {
  name: ['name', 'full name', 'your name', 'vārds', 'vārds, uzvārds'],
  email: ['email', 'e-mail', 'email address', 'your email', 'e-pasts'],
  phone: ['phone', 'telephone', 'phone number', 'tālrunis'],
  orderNumber: ['order', 'order number', 'order no', 'pasūtījums', 'pasūtījuma numurs'],
  customerNumber: ['customer number', 'account number', 'klienta numurs'],
  message: ['message', 'complaint', 'your message', 'ziņojums'],
};

export type WebFormValues = Partial<Record<WebFormField, string>>;

const LINE = /^\s*([^:\n]{1,40}?)\s*:\s*(.*)$/;

/** A label as it can stand before the colon of a form line: up to 40 characters, no colon. */
const label = requiredText(40).refine(...pattern(/^[^:\r\n]*$/, 'web_form_label', 'A label without a colon, as it stands before the colon in the e-mail'));

/**
 * The mapping as an administrator saves it: each field's labels (up to 20). A label names one
 * field only (case is ignored, as when reading), and the name or the e-mail has a label, since a
 * body is taken for a form only with one of them.
 */
export const webFormMappingInput = z
  .object(
    Object.fromEntries(WEB_FORM_FIELDS.map((field) => [field, z.array(label).max(20, 'At most 20 labels for a field')])) as Record<
      WebFormField,
      z.ZodArray<typeof label>
    >,
  )
  .strict()
  .superRefine((mapping, context) => {
    const seen = new Map<string, WebFormField>();
    for (const field of WEB_FORM_FIELDS) {
      mapping[field].forEach((value, index) => {
        const key = value.toLowerCase();
        const other = seen.get(key);
        if (other) issue(context, `${field}.${index}`, 'web_form_label_repeated', `“${value}” is already a label for ${other}`);
        else seen.set(key, field);
      });
    }
    if (mapping.name.length === 0 && mapping.email.length === 0)
      issue(context, 'name', 'web_form_needs_name_or_email', 'Give at least one label for the name or the e-mail: a form is recognised by one of them');
  });

/** Every field a line of the body gives, by the mapping's labels (a message runs on over its lines). */
function readFields(text: string, mapping: WebFormMapping): WebFormValues {
  const byLabel = new Map<string, WebFormField>();
  for (const field of WEB_FORM_FIELDS) for (const label of mapping[field]) byLabel.set(label.toLowerCase(), field);
  const values: WebFormValues = {};
  let current: WebFormField | null = null;
  for (const line of text.split(/\r?\n/)) {
    const match = LINE.exec(line);
    const field = match ? byLabel.get((match[1] ?? '').trim().toLowerCase()) : undefined;
    if (match && field) {
      current = field;
      if (values[field] === undefined) values[field] = (match[2] ?? '').trim();
    } else if (current === 'message' && line.trim() !== '') {
      // The message runs on over the lines after its label.
      values.message = `${values.message ?? ''}\n${line.trim()}`.trim();
    } else current = null;
  }
  return values;
}

/** The form's fields, or null when the body is not a form (fewer than two known labels, or no name nor e-mail). */
export function readWebForm(text: string, mapping: WebFormMapping = DEFAULT_WEB_FORM_MAPPING): WebFormValues | null {
  const values = readFields(text, mapping);
  const found = Object.values(values).filter((value) => value !== '').length;
  return found >= 2 && (values.name || values.email) ? values : null;
}

/** How a sample body would be read (Settings → E-mail's preview): the fields found, whether it counts as a form, and the labels no field has. */
export interface WebFormPreview {
  readonly values: WebFormValues;
  readonly isForm: boolean;
  readonly unmappedLabels: readonly string[];
}

export function previewWebForm(text: string, mapping: WebFormMapping): WebFormPreview {
  const known = new Set(WEB_FORM_FIELDS.flatMap((field) => mapping[field].map((value) => value.toLowerCase())));
  const unmapped = text.split(/\r?\n/).flatMap((line) => {
    const found = (LINE.exec(line)?.[1] ?? '').trim();
    return found !== '' && !known.has(found.toLowerCase()) ? [found] : [];
  });
  const read = readWebForm(text, mapping);
  return { values: read ?? readFields(text, mapping), isForm: read !== null, unmappedLabels: [...new Set(unmapped)] };
}
