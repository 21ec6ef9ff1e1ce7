/**
 * Issue 16: a dashboard table shows as a chart or as a table for keyboards and screen readers;
 * each count opens exactly its cases (the drill-down view names those ids, so the case list's
 * count equals the figure); the CSV export sends the table as shown.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createPlaintBridge } from '@shared/api/bridge';
import { renderWithProviders } from '../../test-support/render';
import { drillDownView } from './drill-down';
import { ReportTableCard } from './ReportTableCard';
import type { ReportTable } from './report-tables';

const table: ReportTable = {
  id: 'volume-by-type',
  title: 'Received by type',
  rowHeader: 'Type',
  columns: [
    { key: 'cases', label: 'Cases' },
    { key: 'share', label: 'Share' },
  ],
  rows: [
    { key: 'billing', label: 'Billing', cells: { cases: { count: 2, caseIds: ['c1', 'c2'] }, share: '=67%' } },
    { key: 'product', label: 'Product', cells: { cases: { count: 0, caseIds: [] }, share: '0%' } },
  ],
  chart: ['cases'],
};

afterEach(() => {
  delete window.plaint;
});

function renderCard() {
  const request = vi.fn((_method: string, _input: unknown) =>
    Promise.resolve({ ok: true as const, result: { name: 'volume-by-type.csv', mimeType: 'text/csv', dataBase64: 'YQ==' } }),
  );
  window.plaint = createPlaintBridge({ request, listen: () => () => undefined });
  renderWithProviders(<ReportTableCard table={table} />);
  return { request };
}

describe('a report table (issue 16)', () => {
  it('starts as a chart with a label, and switches to a table with every number', async () => {
    const user = userEvent.setup();
    renderCard();
    expect(screen.getByRole('img', { name: /Received by type/ })).toBeTruthy();
    await user.click(screen.getByText('Table'));
    const rows = screen.getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['TypeCasesShare', 'Billing2=67%', 'Product00%']);
    expect(screen.getByRole('table').querySelector('caption')?.textContent).toBe('Received by type');
  });

  it('a count opens the case list filtered to exactly its cases; zero opens nothing', async () => {
    const user = userEvent.setup();
    renderCard();
    await user.click(screen.getByText('Table'));
    const open = screen.getByRole('button', { name: 'Open 2 cases: Received by type: Billing, Cases' });
    await user.click(open);
    const viewId = /\/cases\/view\/(report-\d+)$/.exec(window.location.pathname)?.[1] ?? '';
    expect(drillDownView(viewId)?.filters).toEqual({ caseIds: ['c1', 'c2'] });
    expect(screen.getByTestId('figure-volume-by-type-product-cases').tagName).not.toBe('BUTTON');
  });

  it('exports the table as shown to CSV through the main process (which makes it injection-safe)', async () => {
    const user = userEvent.setup();
    Object.defineProperty(URL, 'createObjectURL', { writable: true, value: () => 'blob:report' });
    Object.defineProperty(URL, 'revokeObjectURL', { writable: true, value: () => undefined });
    const { request } = renderCard();
    await user.click(screen.getByRole('button', { name: 'Export Received by type as CSV' }));
    expect(request).toHaveBeenCalledWith('reports.exportTable', {
      name: 'volume-by-type',
      header: ['Type', 'Cases', 'Share'],
      rows: [
        ['Billing', '2', '=67%'],
        ['Product', '0', '0%'],
      ],
    });
  });

  it('exports the same table to XLSX through the main process (exceljs), with its title for the sheet', async () => {
    const user = userEvent.setup();
    Object.defineProperty(URL, 'createObjectURL', { writable: true, value: () => 'blob:report' });
    Object.defineProperty(URL, 'revokeObjectURL', { writable: true, value: () => undefined });
    const { request } = renderCard();
    await user.click(screen.getByRole('button', { name: 'Export Received by type as an XLSX workbook' }));
    expect(request).toHaveBeenCalledWith('reports.exportTableXlsx', {
      name: 'volume-by-type',
      title: 'Received by type',
      header: ['Type', 'Cases', 'Share'],
      rows: [
        ['Billing', '2', '=67%'],
        ['Product', '0', '0%'],
      ],
    });
  });
});
