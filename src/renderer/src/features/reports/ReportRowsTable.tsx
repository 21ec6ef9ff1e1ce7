/**
 * A dashboard table's numbers as a table: a header row of its columns, then one row per report
 * row headed by its label. What a cell shows is the caller's (a count on paper, a button that
 * opens the cases on screen) (issue 16; issue 12: one home).
 */
import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import type { ReportColumn, ReportRow, ReportTable } from './report-tables';

export function ReportRowsTable({
  table,
  cell,
  caption,
  ...props
}: TableProps & { readonly table: ReportTable; readonly cell: (row: ReportRow, column: ReportColumn) => ReactNode; readonly caption?: string }) {
  return (
    <Table {...props}>
      {caption !== undefined && <Table.Caption>{caption}</Table.Caption>}
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{table.rowHeader}</Table.Th>
          {table.columns.map((column) => (
            <Table.Th key={column.key} scope="col">
              {column.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {table.rows.map((row) => (
          <Table.Tr key={row.key}>
            <Table.Th scope="row" fw="normal">
              {row.label}
            </Table.Th>
            {table.columns.map((column) => (
              <Table.Td key={column.key}>{cell(row, column)}</Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
