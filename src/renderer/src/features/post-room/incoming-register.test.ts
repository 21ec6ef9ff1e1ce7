/** The incoming register's field logic: the next blank form, checks as you type, and what logging sends per kind of letter. */
import { describe, expect, it } from 'vitest';
import {
  blankRegister,
  checkQuotedReference,
  dayFor,
  duplicateProbe,
  formPathFor,
  incomingLetterInput,
  letterInputIssues,
  needsReference,
  postcodeHint,
  typedToday,
  type RegisterValues,
} from './incoming-register';
import { formatReference } from '@shared/reference/reference-number';

const filled: RegisterValues = {
  receivedOn: '24/11/2026',
  kind: 'new-complaint',
  referenceQuoted: '7KQ2-00A3-V',
  sender: {
    name: '  Margaret Hale ',
    addressLines: '12 Milton Road\n\n  Manchester  \n',
    postcode: 'm11ae',
    country: 'GB',
    email: 'margaret@example.org',
    phone: '0161 496 0000',
    customerNumber: 'C-1',
  },
  letterDate: '20.11.2026',
  type: 'billing',
  routedTo: 'Finance',
  note: 'Handwritten',
  summary: 'Charged twice',
};

describe('the form for the next letter', () => {
  it('starts empty on today, as a new complaint of the first type', () => {
    expect(blankRegister('product', '25/11/2026')).toEqual({
      receivedOn: '25/11/2026',
      kind: 'new-complaint',
      referenceQuoted: '',
      sender: { name: '', addressLines: '', postcode: '', country: 'GB', email: '', phone: '', customerNumber: '' },
      letterDate: '',
      type: 'product',
      routedTo: '',
      note: '',
      summary: '',
    });
  });

  it('in a batch keeps the date received and the kind, and clears the letter', () => {
    const next = blankRegister('product', '25/11/2026', { receivedOn: '24/11/2026', kind: 'correspondence' });
    expect(next).toMatchObject({ receivedOn: '24/11/2026', kind: 'correspondence', sender: { name: '' }, summary: '' });
  });

  it('writes today the way the clerk types dates', () => {
    expect(typedToday('Europe/London', new Date('2026-11-05T12:00:00Z'))).toBe('05/11/2026');
    // Issue 18: the office's day, not the PC's: 23:30 in London is already tomorrow in Riga, and the other way round.
    expect(typedToday('Europe/London', new Date('2026-11-05T23:30:00Z'))).toBe('05/11/2026');
    expect(typedToday('Europe/Riga', new Date('2026-11-05T23:30:00Z'))).toBe('06/11/2026');
  });
});

describe('checks as you type', () => {
  it('letters about a case quote its reference; others give the date on the letter', () => {
    expect(needsReference('correspondence')).toBe(true);
    expect(needsReference('escalation-request')).toBe(true);
    expect(needsReference('new-complaint')).toBe(false);
    expect(needsReference('not-a-complaint')).toBe(false);
  });

  it('checks the quoted reference by its check character, saying nothing while the box is empty', () => {
    const reference = formatReference('7KQ2', 42);
    expect(checkQuotedReference('')).toBeNull();
    expect(checkQuotedReference('   ')).toBeNull();
    expect(checkQuotedReference(reference.toLowerCase())).toMatchObject({ ok: true, reference });
    const wrong = `${reference.slice(0, -1)}${reference.endsWith('0') ? '1' : '0'}`;
    expect(checkQuotedReference(wrong)).toMatchObject({ ok: false, problem: 'check-failed' });
    expect(checkQuotedReference('7KQ')).toMatchObject({ ok: false, problem: 'too-short' });
  });

  it('offers the normalised UK postcode, refuses an impossible one, and leaves other countries as typed', () => {
    expect(postcodeHint({ ...filled.sender, postcode: 'm11ae' })).toEqual({ invalid: false, normalised: 'M1 1AE' });
    expect(postcodeHint({ ...filled.sender, postcode: 'M1 1AE' })).toEqual({ invalid: false, normalised: null });
    expect(postcodeHint({ ...filled.sender, postcode: 'NOT A CODE' })).toEqual({ invalid: true });
    expect(postcodeHint({ ...filled.sender, postcode: '' })).toEqual({ invalid: false, normalised: null });
    expect(postcodeHint({ ...filled.sender, country: 'LV', postcode: 'LV-1050' })).toEqual({ invalid: false, normalised: null });
    expect(postcodeHint({ ...filled.sender, country: '', postcode: 'sw1a1aa' })).toEqual({ invalid: false, normalised: 'SW1A 1AA' });
  });

  it('looks for duplicates only for a new complaint with a name of three letters or more', () => {
    expect(duplicateProbe(filled)).toEqual({ name: 'Margaret Hale', postcode: 'm11ae' });
    expect(duplicateProbe({ ...filled, sender: { ...filled.sender, name: ' Al ' } })).toBeNull();
    expect(duplicateProbe({ ...filled, kind: 'correspondence' })).toBeNull();
  });
});

describe('what logging sends', () => {
  it('a new complaint: dates as yyyy-mm-dd, one address line per line, its type, no reference or routing', () => {
    expect(incomingLetterInput(filled, [], 'batch-1')).toEqual({
      receivedOn: '2026-11-24',
      letterDate: '2026-11-20',
      sender: {
        name: '  Margaret Hale ',
        addressLines: ['12 Milton Road', 'Manchester'],
        postcode: 'm11ae',
        country: 'GB',
        email: 'margaret@example.org',
        phone: '0161 496 0000',
        customerNumber: 'C-1',
      },
      referenceQuoted: '',
      kind: 'new-complaint',
      type: 'billing',
      routedTo: '',
      note: 'Handwritten',
      summary: 'Charged twice',
      scans: [],
      batchId: 'batch-1',
    });
  });

  it('correspondence: the quoted reference and no type', () => {
    const input = incomingLetterInput({ ...filled, kind: 'correspondence' }, [], 'batch-1');
    expect(input).toMatchObject({ referenceQuoted: '7KQ2-00A3-V', type: '', routedTo: '' });
  });

  it('not a complaint: where it was sent, and no type', () => {
    expect(incomingLetterInput({ ...filled, kind: 'not-a-complaint' }, [], 'b')).toMatchObject({ routedTo: 'Finance', type: '', referenceQuoted: '' });
  });

  it('no date on the letter is null; a date that is not one goes as typed, for the main process to refuse at the field', () => {
    expect(incomingLetterInput({ ...filled, letterDate: '  ' }, [], 'b').letterDate).toBeNull();
    expect(incomingLetterInput({ ...filled, receivedOn: '31/02/2026' }, [], 'b').receivedOn).toBe('31/02/2026');
    expect(dayFor('1/3/26')).toBe('2026-03-01');
  });

  it('carries the scans it is given', () => {
    const scan = { name: 'letter.pdf', mimeType: 'application/pdf', dataBase64: 'JVBERi0=' };
    expect(incomingLetterInput(filled, [scan], 'b').scans).toEqual([scan]);
  });
});

describe('errors from the main process land on the form', () => {
  it('address lines on the one address box, any scan problem on the picker', () => {
    expect(formPathFor('sender.addressLines.2')).toBe('sender.addressLines');
    expect(formPathFor('sender.addressLines')).toBe('sender.addressLines');
    expect(formPathFor('scans.0.dataBase64')).toBe('scans');
    expect(formPathFor('sender.postcode')).toBe('sender.postcode');
  });
});

describe("the API's checks, made before sending (issue 18)", () => {
  it('a well-filled letter has none', () => {
    expect(letterInputIssues(incomingLetterInput(filled, [], 'b'))).toEqual([]);
  });

  it("gives every field error at once, with the API's paths and codes: the sender's e-mail and telephone too", () => {
    const bad = { ...filled, receivedOn: '31/02/2026', summary: ' ', sender: { ...filled.sender, name: '', email: 'margaret@', phone: '0161 CALL ME' } };
    const issues = letterInputIssues(incomingLetterInput(bad, [], 'b')).map((found) => [found.path, found.code]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['receivedOn', expect.any(String)],
        ['sender.name', 'required'],
        ['sender.email', 'invalid_email'],
        ['sender.phone', 'phone_characters'],
        ['summary', 'required'],
      ]),
    );
  });
});
