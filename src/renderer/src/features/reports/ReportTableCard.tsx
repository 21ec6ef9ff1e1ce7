/**
 * One table of the dashboard (issue 16): a bar chart or the same numbers as a table (for keyboards
 * and screen readers), CSV and XLSX exports, and every count opening exactly its cases in the case list.
 */
import { BarChart } from '@mantine/charts';
import { Button, Card, Group, SegmentedControl, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Figure } from '@shared/domain/reports';
import { call } from '../../api/client';
import { saveFile } from '../../common/files';
import { useErrors } from '../../errors/useErrors';
import { canDrillDown, drillDownRoute } from './drill-down';
import { chartData, chartSeries, columnLabel } from './report-chart';
import { isFigure, tableCsv, type ReportRow, type ReportTable } from './report-tables';
import { ReportRowsTable } from './ReportRowsTable';

/** A count that opens exactly its cases (none when there are none, or too many to name). */
export function FigureButton({
  figure,
  what,
  testId,
  size = 'compact-sm',
}: {
  readonly figure: Figure;
  readonly what: string;
  readonly testId: string;
  readonly size?: 'compact-sm' | 'compact-xl';
}) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  if (!canDrillDown(figure)) {
    return (
      <Text
        span
        size={size === 'compact-xl' ? 'xl' : 'sm'}
        fw={size === 'compact-xl' ? 700 : undefined}
        data-testid={testId}
        title={figure.count > 0 ? t('reports.tooMany') : undefined}
      >
        {figure.count}
      </Text>
    );
  }
  return (
    <Button
      variant="subtle"
      size={size}
      onClick={() => navigate(drillDownRoute(what, figure))}
      aria-label={t('reports.openCases', { count: figure.count, what })}
      data-testid={testId}
    >
      {figure.count}
    </Button>
  );
}

export function ReportTableCard({ table }: { readonly table: ReportTable }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const errors = useErrors();
  const [view, setView] = useState<'chart' | 'table'>(table.chart.length > 0 ? 'chart' : 'table');
  const [problem, setProblem] = useState<string | null>(null);
  const what = (row: ReportRow, columnLabel: string) => `${table.title}: ${row.label}, ${columnLabel}`;

  const exportTable = async (format: 'csv' | 'xlsx') => {
    try {
      setProblem(null);
      const cells = tableCsv(table);
      saveFile(
        format === 'csv'
          ? await call('reports.exportTable', { name: table.id, ...cells })
          : await call('reports.exportTableXlsx', { name: table.id, title: table.title, ...cells }),
      );
    } catch (error) {
      setProblem(errors.fields(error).general ?? t('common.fixErrors'));
    }
  };

  const drillFromBar = (row: ReportRow | undefined, key: string) => {
    const cell = row?.cells[key];
    if (row && isFigure(cell) && canDrillDown(cell)) navigate(drillDownRoute(what(row, columnLabel(table, key)), cell));
  };

  return (
    <Card withBorder padding="md" data-testid={`report-${table.id}`}>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={2} size="h4">
          {table.title}
        </Title>
        <Group gap="xs" wrap="nowrap">
          {table.chart.length > 0 && (
            <SegmentedControl
              size="xs"
              value={view}
              onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
              aria-label={t('reports.showAs', { title: table.title })}
              data={[
                { value: 'chart', label: t('reports.chart') },
                { value: 'table', label: t('reports.table') },
              ]}
              data-testid={`report-${table.id}-view`}
            />
          )}
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => void exportTable('csv')}
            aria-label={t('reports.exportLabel', { title: table.title })}
            data-testid={`report-${table.id}-csv`}
          >
            {t('reports.exportCsv')}
          </Button>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconDownload size={14} aria-hidden />}
            onClick={() => void exportTable('xlsx')}
            aria-label={t('reports.exportXlsxLabel', { title: table.title })}
            data-testid={`report-${table.id}-xlsx`}
          >
            {t('reports.exportXlsx')}
          </Button>
        </Group>
      </Group>
      {problem && (
        <Text c="red" size="sm" role="alert">
          {problem}
        </Text>
      )}
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reports.noRows')}
        </Text>
      ) : view === 'chart' ? (
        <div role="img" aria-label={`${table.title}. ${t('reports.chartHint')}`} data-testid={`report-${table.id}-chart`}>
          <BarChart
            h={220}
            data={chartData(table)}
            dataKey="label"
            type={table.stacked ? 'stacked' : 'default'}
            withLegend={table.chart.length > 1}
            series={chartSeries(table)}
            barProps={(series) => ({ cursor: 'pointer', onClick: (_item: unknown, index: number) => drillFromBar(table.rows[index], series.name) })}
          />
        </div>
      ) : (
        <Table.ScrollContainer minWidth={320}>
          <ReportRowsTable
            striped
            data-testid={`report-${table.id}-table`}
            table={table}
            caption={table.title}
            cell={(row, column) => {
              const cell = row.cells[column.key];
              return isFigure(cell) ? (
                <FigureButton figure={cell} what={what(row, column.label)} testId={`figure-${table.id}-${row.key}-${column.key}`} />
              ) : (
                (cell ?? '')
              );
            }}
          />
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
