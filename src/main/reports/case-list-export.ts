/**
 * Issue 18: the case list as shown (its view, filters, search and sort), every matching row and
 * not only the page on screen, as CSV or XLSX. P-7.1: the rows are read with the person's own
 * viewer, so an export never holds a case they may not open. The caller writes the access log
 * (P-7.2) with the cases returned.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { MAX_EXPORT_ROWS, type exportCasesInput } from '../../shared/domain/case-list-inputs';
import { fieldError } from '../../shared/domain/domain-error';
import type { CaseListItem } from '../../shared/domain/views';
import type { Viewer } from '../../shared/identity/viewer';
import type { DomainServices } from '../domain/domain-services';
import { dayBookCsv } from '../post-room/day-book-csv';

const PAGE = 500;

export interface CaseListExport {
  readonly file: { readonly name: string; readonly mimeType: string; readonly dataBase64: string };
  readonly cases: readonly { readonly id: string; readonly reference: string }[];
}

type ExportInput = z.output<typeof exportCasesInput>;

async function allRows(domain: DomainServices, input: ExportInput, viewer: Viewer | null | undefined, pageSize: number): Promise<CaseListItem[]> {
  const rows: CaseListItem[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await domain.queries.list({ filters: input.filters, search: input.search, sort: input.sort, offset, limit: pageSize }, viewer);
    if (page.total > MAX_EXPORT_ROWS)
      throw fieldError('filters', `The list holds ${page.total} cases; an export holds at most ${MAX_EXPORT_ROWS}. Narrow the list first.`, 'export_too_large');
    rows.push(...page.items);
    if (page.items.length < pageSize || rows.length >= page.total) return rows;
  }
}

async function cells(domain: DomainServices, input: ExportInput, rows: readonly CaseListItem[]): Promise<string[][]> {
  const { complaintTypes } = await domain.settings.values();
  const word = (code: string) => input.words[code] ?? code;
  const typeLabel = (id: string) => complaintTypes.find((type) => type.id === id)?.label[input.language] ?? id;
  return rows.map((row) => [
    row.reference,
    row.complainantName,
    typeLabel(row.type),
    word(row.channel),
    word(`stage-${row.stage}`),
    word(row.status),
    row.assignee?.name ?? word('unassigned'),
    row.receivedAt,
    row.nextDeadline?.dueAt ?? '',
  ]);
}

async function xlsx(header: readonly string[], body: readonly (readonly string[])[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Cases', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  // Every cell is text: a value such as "=HYPERLINK(…)" stays text and never runs as a formula.
  for (const row of body) sheet.addRow([...row]);
  sheet.columns.forEach((column) => {
    column.width = 18;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `pageSize`: how many rows are read at a time (tests read a few at a time to prove every page is exported). */
export async function exportCaseList(domain: DomainServices, input: ExportInput, viewer: Viewer | null | undefined, pageSize = PAGE): Promise<CaseListExport> {
  const rows = await allRows(domain, input, viewer, pageSize);
  const body = await cells(domain, input, rows);
  const data = input.format === 'csv' ? dayBookCsv(input.header, body) : await xlsx(input.header, body);
  const mimeType = input.format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return {
    file: { name: `${input.name}.${input.format}`, mimeType, dataBase64: data.toString('base64') },
    cases: rows.map((row) => ({ id: row.id, reference: row.reference })),
  };
}
