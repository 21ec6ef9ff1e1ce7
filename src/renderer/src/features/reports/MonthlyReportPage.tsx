/**
 * Issue 16: the monthly complaints report, laid out to print (monthly-report.css): the month's
 * summary, the main charts and every dashboard table, for one calendar month. Print uses the
 * browser's print; in the desktop app "Save as PDF" asks the main process for Electron's
 * printToPDF of this page.
 */
import { BarChart } from '@mantine/charts';
import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconDownload, IconPrinter } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Dashboard } from '@shared/domain/reports';
import { call } from '../../api/client';
import { useApiQuery } from '../../api/queries';
import { saveFile } from '../../common/files';
import { useFormatters } from '../../common/format';
import { OfficeMonthInput } from '../../components/OfficeMonthInput';
import { useErrors } from '../../errors/useErrors';
import { MONTH, MONTHLY_CHARTS, monthRange } from './monthly-report';
import './monthly-report.css';
import { chartData, chartSeries } from './report-chart';
import { isFigure, type ReportTable } from './report-tables';
import { ReportRowsTable } from './ReportRowsTable';
import { useDashboardTables } from './useDashboardTables';

function PrintedTable({ table, withChart }: { readonly table: ReportTable; readonly withChart: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="sm" className="report-section" data-testid={`monthly-${table.id}`}>
      <Title order={2} size="h4" mb="xs">
        {table.title}
      </Title>
      {table.rows.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('reports.noRows')}
        </Text>
      ) : (
        <>
          {withChart && table.chart.length > 0 && (
            <div role="img" aria-label={table.title}>
              <BarChart
                h={180}
                data={chartData(table)}
                dataKey="label"
                type={table.stacked ? 'stacked' : 'default'}
                withLegend={table.chart.length > 1}
                withTooltip={false}
                series={chartSeries(table)}
                barProps={{ isAnimationActive: false }}
              />
            </div>
          )}
          <ReportRowsTable
            striped
            withTableBorder
            table={table}
            cell={(row, column) => {
              const cell = row.cells[column.key];
              return isFigure(cell) ? cell.count : (cell ?? '');
            }}
          />
        </>
      )}
    </Card>
  );
}

function MonthlyReport({ dashboard, monthName }: { readonly dashboard: Dashboard; readonly monthName: string }) {
  const { t } = useTranslation();
  const formatters = useFormatters();
  const tables = useDashboardTables(dashboard);
  const { outcomes } = dashboard;
  const summary = [
    {
      label: t('reports.summary.received'),
      value: String(dashboard.volume.total.count),
      detail: t('reports.summary.previous', { count: dashboard.volume.previousTotal.count }),
    },
    { label: t('reports.summary.open'), value: String(dashboard.backlog.total.count), detail: '' },
    {
      label: t('reports.summary.escalationRate'),
      value: outcomes.escalationRatePercent === null ? t('reports.notDecided') : formatters.percent(outcomes.escalationRatePercent),
      detail: t('reports.summary.escalationOf', { escalated: outcomes.escalated.count, resolved: outcomes.stage1Resolved.count }),
    },
  ];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('reports.monthly.generated', { month: monthName, at: formatters.dateTime(dashboard.generatedAt) })}
      </Text>
      <SimpleGrid cols={3} className="report-section">
        {summary.map((item) => (
          <Card key={item.label} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {item.label}
            </Text>
            <Text size="xl" fw={700}>
              {item.value}
            </Text>
            {item.detail && (
              <Text size="xs" c="dimmed">
                {item.detail}
              </Text>
            )}
          </Card>
        ))}
      </SimpleGrid>
      {tables.map((table) => (
        <PrintedTable key={table.id} table={table} withChart={MONTHLY_CHARTS.includes(table.id)} />
      ))}
    </Stack>
  );
}

export function MonthlyReportPage({ month }: { readonly month: string }) {
  const { t, i18n } = useTranslation();
  const [, navigate] = useLocation();
  const errors = useErrors();
  const info = useApiQuery('app.info', {});
  const [problem, setProblem] = useState<string | null>(null);
  const valid = MONTH.test(month);
  const dashboard = useApiQuery('reports.dashboard', valid ? monthRange(month) : {}, { enabled: valid });
  const monthName = valid
    ? new Intl.DateTimeFormat(i18n.language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-15T12:00:00Z`))
    : month;

  const savePdf = async () => {
    try {
      setProblem(null);
      saveFile(await call('reports.printPdf', { name: `monthly-report-${month}` }));
    } catch (error) {
      setProblem(errors.fields(error).general ?? t('common.fixErrors'));
    }
  };

  return (
    <Stack gap="md" className="monthly-report" data-testid="page-monthly-report">
      <Group justify="space-between" className="print-hidden" wrap="wrap">
        <Button variant="subtle" leftSection={<IconArrowLeft size={16} aria-hidden />} onClick={() => navigate('/reports')}>
          {t('reports.monthly.back')}
        </Button>
        <Group gap="xs">
          <OfficeMonthInput
            size="xs"
            w={170}
            label={t('reports.monthly.month')}
            value={valid ? month : ''}
            onChange={(picked) => MONTH.test(picked) && navigate(`/reports/monthly/${picked}`)}
            data-testid="monthly-report-month"
          />
          <Button size="xs" mt="lg" leftSection={<IconPrinter size={14} aria-hidden />} onClick={() => window.print()} data-testid="monthly-report-print">
            {t('reports.monthly.print')}
          </Button>
          {info.data?.host === 'electron' && (
            <Button
              size="xs"
              mt="lg"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              onClick={() => void savePdf()}
              data-testid="monthly-report-pdf"
            >
              {t('reports.monthly.savePdf')}
            </Button>
          )}
        </Group>
      </Group>
      {problem && (
        <Text c="red" size="sm" role="alert" className="print-hidden">
          {problem}
        </Text>
      )}
      <Title order={1} data-testid="monthly-report-title">
        {t('reports.monthly.title', { month: monthName })}
      </Title>
      {!valid ? (
        <Alert color="red">{t('reports.monthly.badMonth')}</Alert>
      ) : dashboard.error ? (
        <Alert color="red">{t('common.failed', { message: dashboard.error.message })}</Alert>
      ) : dashboard.data ? (
        <MonthlyReport dashboard={dashboard.data} monthName={monthName} />
      ) : (
        <Skeleton height={400} aria-label={t('common.loading')} />
      )}
    </Stack>
  );
}
