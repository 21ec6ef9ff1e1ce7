/**
 * A table's header row: one heading per column, in order. The registers, logs and lists each wrote
 * this row out cell by cell; here it is once.
 */
import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

export function TableHead({ headings }: { readonly headings: readonly ReactNode[] }) {
  return (
    <Table.Thead>
      <Table.Tr>
        {headings.map((heading, column) => (
          // The columns are fixed for the table: a column's place is its identity.
          <Table.Th key={column}>{heading}</Table.Th>
        ))}
      </Table.Tr>
    </Table.Thead>
  );
}
