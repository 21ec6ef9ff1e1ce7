/**
 * The field logic of the incoming post register (IncomingRegister.tsx), apart from React so it can
 * be tested: the blank form for the next letter of a batch, which fields a kind of letter needs,
 * the live checks of the quoted reference and the postcode, when to look for duplicates, and the
 * API input a filled form becomes.
 */
import type { ApiInput } from '@shared/api/contract';
import type { FieldIssue } from '@shared/api/errors';
import { toFieldIssues } from '@shared/api/issue-mapping';
import { logIncomingLetterInput, type IncomingKind } from '@shared/domain/letters';
import { checkPostcode } from '@shared/domain/postal';
import { parseReference, type ParsedReference } from '@shared/reference/reference-number';
import { formatTypedDate, parseTypedDate } from '../../common/typed-date';

export interface RegisterValues {
  receivedOn: string;
  kind: IncomingKind;
  referenceQuoted: string;
  sender: { name: string; addressLines: string; postcode: string; country: string; email: string; phone: string; customerNumber: string };
  letterDate: string;
  type: string;
  routedTo: string;
  note: string;
  summary: string;
}

export type ScanUpload = ApiInput<'post.logIncoming'>['scans'] extends readonly (infer S)[] | undefined ? S : never;

/** Today as the clerk types dates (dd/mm/yyyy): the office's day, whatever the PC's time zone (issue 18). */
export function typedToday(timeZone: string, now = new Date()): string {
  return formatTypedDate(officeDay(timeZone, now));
}

/** The office's calendar day ('YYYY-MM-DD') at a moment. */
export function officeDay(timeZone: string, now = new Date()): string {
  return now.toLocaleDateString('en-CA', { timeZone });
}

/**
 * The form for the next letter. In a batch the date received and the kind are kept (a pile of
 * post arrives on one day and is mostly of one kind); everything about the letter itself is cleared.
 */
export function blankRegister(defaultType: string, today: string, keep?: Pick<RegisterValues, 'receivedOn' | 'kind'>): RegisterValues {
  return {
    receivedOn: keep?.receivedOn ?? today,
    kind: keep?.kind ?? 'new-complaint',
    referenceQuoted: '',
    sender: { name: '', addressLines: '', postcode: '', country: 'GB', email: '', phone: '', customerNumber: '' },
    letterDate: '',
    type: defaultType,
    routedTo: '',
    note: '',
    summary: '',
  };
}

/** Letters about an existing case quote its reference instead of giving the date on the letter. */
export function needsReference(kind: IncomingKind): boolean {
  return kind === 'correspondence' || kind === 'escalation-request';
}

/** The typed date as the API wants it (yyyy-mm-dd); what was typed when it is not a date, so the API says why. */
export function dayFor(typed: string): string {
  return parseTypedDate(typed) ?? typed;
}

/** The form field an API issue belongs on: address lines are one text box, scans one picker. */
export function formPathFor(apiPath: string): string {
  return apiPath.replace(/^sender\.addressLines(\.\d+)?$/, 'sender.addressLines').replace(/^scans(\..*)?$/, 'scans');
}

/** The quoted reference as typed so far: nothing yet, not a valid reference (and why), or a reference to look up. */
export function checkQuotedReference(typed: string): ParsedReference | null {
  return typed.trim() === '' ? null : parseReference(typed);
}

/** The postcode check: an error, or the normalised form to offer when it differs from what was typed. */
export function postcodeHint(sender: RegisterValues['sender']): { readonly invalid: true } | { readonly invalid: false; readonly normalised: string | null } {
  const checked = checkPostcode(sender.country || 'GB', sender.postcode);
  if (!checked.ok) return { invalid: true };
  return { invalid: false, normalised: checked.value && checked.value !== sender.postcode ? checked.value : null };
}

/** Whom to look for among open cases before a new complaint is logged; null while it is too early to tell. */
export function duplicateProbe(values: Pick<RegisterValues, 'kind' | 'sender'>): { name: string; postcode: string } | null {
  const name = values.sender.name.trim();
  if (values.kind !== 'new-complaint' || name.length < 3) return null;
  return { name, postcode: values.sender.postcode.trim() };
}

/** What logging the letter sends: only the fields its kind uses, dates as yyyy-mm-dd, one address line per line. */
export function incomingLetterInput(values: RegisterValues, scans: readonly ScanUpload[], batchId: string): ApiInput<'post.logIncoming'> {
  return {
    receivedOn: dayFor(values.receivedOn),
    letterDate: values.letterDate.trim() ? dayFor(values.letterDate) : null,
    sender: {
      ...values.sender,
      addressLines: values.sender.addressLines
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
    },
    referenceQuoted: needsReference(values.kind) ? values.referenceQuoted : '',
    kind: values.kind,
    type: values.kind === 'new-complaint' ? values.type : '',
    routedTo: values.kind === 'not-a-complaint' ? values.routedTo : '',
    note: values.note,
    summary: values.summary,
    scans: [...scans],
    batchId,
  };
}

/**
 * The API's own checks of the letter, made before sending (issue 18), so every field error shows
 * at once and focus can go to the first. Scans are checked by the main process, which reads them.
 */
export function letterInputIssues(input: ApiInput<'post.logIncoming'>): FieldIssue[] {
  const parsed = logIncomingLetterInput.safeParse({ ...input, scans: [] });
  return parsed.success ? [] : toFieldIssues(parsed.error);
}
