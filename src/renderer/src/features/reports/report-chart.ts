/**
 * A dashboard table as a bar chart's data and series, the same on screen (ReportTableCard) and in
 * print (the monthly report) (issue 16; issue 12: one home).
 */
import { isFigure, type ReportTable } from './report-tables';

/** The colour of each kind of bar, the same on screen and in print. */
export const COLOURS: Record<string, string> = {
  current: 'blue.6',
  previous: 'gray.5',
  cases: 'blue.6',
  onTime: 'teal.6',
  breached: 'red.6',
  open: 'blue.6',
  dueSoon: 'yellow.6',
  stage1: 'blue.6',
  stage2: 'grape.6',
  sent: 'blue.6',
  answered: 'teal.6',
  overdue: 'red.6',
};

/** A column's label, or its key when the table has no such column. */
export function columnLabel(table: ReportTable, key: string): string {
  return table.columns.find((column) => column.key === key)?.label ?? key;
}

/** One bar group per row: its label and the count of each charted column (0 for a cell that is no count). */
export function chartData(table: ReportTable): Record<string, string | number>[] {
  return table.rows.map((row) => ({
    label: row.label,
    ...Object.fromEntries(table.chart.map((key) => [key, isFigure(row.cells[key]) ? row.cells[key].count : 0])),
  }));
}

/** One series per charted column, named by its label, in its colour. */
export function chartSeries(table: ReportTable): { name: string; label: string; color: string }[] {
  return table.chart.map((key) => ({ name: key, label: columnLabel(table, key), color: COLOURS[key] ?? 'blue.6' }));
}
