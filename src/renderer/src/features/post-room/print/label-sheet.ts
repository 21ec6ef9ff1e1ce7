/**
 * Issue 18: address labels for the letters to post, on the common A4 sheet of 21 labels (3 across,
 * 7 down, 63.5 × 38.1 mm, e.g. Avery L7160). Pure, so the layout can be tested apart from printing.
 */
import type { LetterParty } from '@shared/domain/letters';

export const LABELS_ACROSS = 3;
export const LABELS_DOWN = 7;
export const LABELS_PER_SHEET = LABELS_ACROSS * LABELS_DOWN;

/**
 * The lines of one label: name, address lines, postcode, and the country in capitals on the last
 * line when the letter goes abroad (as the Royal Mail and Latvijas Pasts ask).
 */
export function labelLines(party: LetterParty, homeCountry: string): string[] {
  const country = party.country && party.country.toUpperCase() !== homeCountry.toUpperCase() ? countryName(party.country) : '';
  return [party.name, ...party.addressLines, party.postcode, country].map((line) => line.trim()).filter(Boolean);
}

function countryName(code: string): string {
  try {
    return (new Intl.DisplayNames(['en'], { type: 'region' }).of(code.toUpperCase()) ?? code).toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}

/** The labels split into sheets of 21, in order. */
export function labelSheets<T>(labels: readonly T[]): T[][] {
  const sheets: T[][] = [];
  for (let start = 0; start < labels.length; start += LABELS_PER_SHEET) sheets.push(labels.slice(start, start + LABELS_PER_SHEET));
  return sheets;
}
