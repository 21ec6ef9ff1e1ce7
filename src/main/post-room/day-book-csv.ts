/**
 * The day book as CSV, safe to open in a spreadsheet. Sender names and summaries are typed by
 * clerks from letters anyone can send, and a cell such as `=HYPERLINK(…)` or `+cmd|…` would run as
 * a formula in Excel or LibreOffice. Per OWASP's CSV-injection guidance, csv-stringify's
 * `escape_formulas` prefixes every cell that starts with =, +, -, @, tab or carriage return (and
 * their full-width forms, which some spreadsheets normalise) with a single quote, and every cell
 * is quoted so the quote stays part of the text. A BOM lets Excel read the UTF-8.
 */
import { stringify } from 'csv-stringify/sync';

export function dayBookCsv(header: readonly string[], cells: readonly (readonly string[])[]): Buffer {
  return Buffer.from(stringify([[...header], ...cells.map((row) => [...row])], { bom: true, escape_formulas: true, quoted: true }));
}
