/**
 * Reports (issue 16, P-5.1, P-5.2): the managers' dashboard, computed in the main process from this
 * device's data. Filters; a summary; then each table as a chart or a table, exported to CSV; every
 * count opens exactly its cases in the case list.
 */
import { Alert, Button, Card, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { IconPrinter } from '@tabler/icons-react';
import { useLocation } from 'wouter';
import { officeDay } from '@shared/sla';
import { lastCompleteMonth } from './monthly-report';
import type { Dashboard, Figure, ReportFilters } from '@shared/domain/reports';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { useSettings } from '../../settings/SettingsContext';
import { ReportFilterBar } from './ReportFilterBar';
import { FigureButton, ReportTableCard } from './ReportTableCard';
import { useDashboardTables } from './useDashboardTables';
import { RecurrenceCard } from '../improvements/RecurrenceCard';

function SummaryCard({
  label,
  figure,
  detail,
  testId,
}: {
  readonly label: string;
  readonly figure: Figure | string;
  readonly detail?: string;
  readonly testId: string;
}) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      {typeof figure === 'string' ? (
        <Text size="xl" fw={700} data-testid={testId}>
          {figure}
        </Text>
      ) : (
        <FigureButton figure={figure} what={label} testId={testId} size="compact-xl" />
      )}
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Card>
  );
}

function DashboardView({ dashboard }: { readonly dashboard: Dashboard }) {
  const { t } = useTranslation();
  const formatters = useFormatters();
  const tables = useDashboardTables(dashboard);
  const { outcomes } = dashboard;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" data-testid="report-range">
        {t('reports.range', {
          from: formatters.day(dashboard.range.from),
          to: formatters.day(dashboard.range.to),
          previousFrom: formatters.day(dashboard.previousRange.from),
          previousTo: formatters.day(dashboard.previousRange.to),
        })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <SummaryCard
          label={t('reports.summary.received')}
          figure={dashboard.volume.total}
          detail={t('reports.summary.previous', { count: dashboard.volume.previousTotal.count })}
          testId="report-received"
        />
        <SummaryCard label={t('reports.summary.open')} figure={dashboard.backlog.total} testId="report-open" />
        <SummaryCard
          label={t('reports.summary.escalationRate')}
          figure={outcomes.escalationRatePercent === null ? t('reports.notDecided') : formatters.percent(outcomes.escalationRatePercent)}
          detail={t('reports.summary.escalationOf', { escalated: outcomes.escalated.count, resolved: outcomes.stage1Resolved.count })}
          testId="report-escalation-rate"
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        {tables.map((table) => (
          <ReportTableCard key={table.id} table={table} />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function ReportsPage() {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const { calendar } = useSettings();
  const [filters, setFilters] = useState<ReportFilters>({});
  // Kept live by cases.changed (live-queries.ts); the last dashboard stays while another loads.
  const dashboard = useApiQuery('reports.dashboard', filters, { placeholderData: keepPreviousData });
  return (
    <Stack gap="md" data-testid="page-reports">
      <Group justify="space-between">
        <Title order={1}>{t('reports.title')}</Title>
        <Button
          variant="light"
          leftSection={<IconPrinter size={16} aria-hidden />}
          onClick={() => navigate(`/reports/monthly/${lastCompleteMonth(officeDay(calendar, new Date()))}`)}
          data-testid="report-monthly"
        >
          {t('reports.monthly.open')}
        </Button>
      </Group>
      <Text size="sm">{t('reports.intro')}</Text>
      <ReportFilterBar filters={filters} onChange={setFilters} products={dashboard.data?.volume.byProduct.map((row) => row.key) ?? []} />
      {dashboard.error && <Alert color="red">{t('common.failed', { message: dashboard.error.message })}</Alert>}
      {dashboard.data ? <DashboardView dashboard={dashboard.data} /> : !dashboard.error && <Skeleton height={400} aria-label={t('common.loading')} />}
      {/* P-5.3: whether improvement actions reduced recurrence (not filtered: it has its own periods). */}
      <RecurrenceCard />
    </Stack>
  );
}
