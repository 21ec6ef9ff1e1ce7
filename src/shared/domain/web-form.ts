/**
 * Website form submissions (issue 17, P-3.1): a contact form usually mails a structured body,
 * one `Label: value` line per field (`Name:`, `Email:`, `Order:` …), from the website's own
 * address. The fields found pre-fill the new complaint: the complainant is the person in the form,
 * not the website that sent it. The labels each field is known by are the default mapping below
 * (a mapping that administrators edit, with a preview, is still to come).
 */
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

/** The form's fields, or null when the body is not a form (fewer than two known labels, or no name nor e-mail). */
export function readWebForm(text: string, mapping: WebFormMapping = DEFAULT_WEB_FORM_MAPPING): WebFormValues | null {
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
  const found = Object.values(values).filter((value) => value !== '').length;
  return found >= 2 && (values.name || values.email) ? values : null;
}
