/**
 * Issue 16: a dashboard table as an XLSX workbook, written by exceljs (never by hand). Counts and
 * other plain numbers become number cells; everything else stays text. exceljs stores a string as
 * a string, never as a formula, so a cell such as `=HYPERLINK(…)` typed by a complainant opens as
 * the text it is.
 */
import ExcelJS from 'exceljs';

const NUMBER = /^-?\d+(\.\d+)?$/;
/** Characters Excel refuses in a sheet name; a name has at most 31 characters. */
const SHEET_NAME_FORBIDDEN = /[\\/?*[\]:]/g;

/** A cell's value: a number when the text is exactly a plain number (not the row's label). */
function cellValue(text: string, column: number): string | number {
  return column > 0 && NUMBER.test(text) ? Number(text) : text;
}

export async function tableXlsx(title: string, header: readonly string[], rows: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Plaint';
  const sheet = workbook.addWorksheet(title.replace(SHEET_NAME_FORBIDDEN, ' ').replace(/\s+/g, ' ').trim().slice(0, 31).trim() || 'Report');
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map(cellValue));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  header.forEach((label, index) => {
    const longest = Math.max(label.length, ...rows.map((row) => (row[index] ?? '').length));
    sheet.getColumn(index + 1).width = Math.min(60, Math.max(10, longest + 2));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
