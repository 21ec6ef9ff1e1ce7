/**
 * Issue 16, P-5.3: the recurrence report on the Reports page. Per completed improvement action and
 * root cause: complaints before and after over equal periods (each count opens its cases), and in
 * plain words whether recurrence fell, rose or cannot be told yet, with the rule stated.
 */
import { Alert, Badge, Card, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { useTranslation } from 'react-i18next';
import type { RecurrenceRow } from '@shared/domain/recurrence';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { FigureButton } from '../reports/ReportTableCard';
import { useRootCauseLabels } from './root-cause-labels';

/** A probability as the language writes it, to two significant digits (0.0041, "0,05"). */
function probability(language: string, value: number): string {
  return new Intl.NumberFormat(language, { maximumSignificantDigits: 2 }).format(value);
}

function Verdict({ row }: { readonly row: RecurrenceRow }) {
  const { t, i18n } = useTranslation();
  const words = row.verdict === 'cannot-tell' ? t(`improvement.recurrence.${row.doubt ?? 'not-significant'}`) : t(`improvement.recurrence.${row.verdict}`);
  const colour = row.verdict === 'fell' ? 'green' : row.verdict === 'rose' ? 'red' : 'gray';
  return (
    <Stack gap={2}>
      <Badge color={colour} variant="light" data-testid={`recurrence-verdict-${row.actionId}-${row.rootCauseId}`}>
        {words}
      </Badge>
      {row.pValue !== null && (
        <Text size="xs" c="dimmed">
          {t('improvement.recurrence.pValue', { p: probability(i18n.language, row.pValue) })}
        </Text>
      )}
    </Stack>
  );
}

export function RecurrenceCard() {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const causes = useRootCauseLabels();
  // Kept live by cases.changed and settings.changed (live-queries.ts).
  const report = useApiQuery('reports.recurrence', {});
  const title = t('improvement.recurrence.title');
  return (
    <Card withBorder padding="md" data-testid="recurrence-report">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {title}
        </Title>
        <Text size="sm">{t('improvement.recurrence.intro')}</Text>
        {report.error && <Alert color="red">{t('common.failed', { message: report.error.message })}</Alert>}
        {!report.data && !report.error && <Skeleton height={80} aria-label={t('common.loading')} />}
        {report.data && (
          <>
            <Text size="xs" c="dimmed" data-testid="recurrence-rule">
              {t('improvement.recurrence.rule', { ...report.data.rule, significance: probability(i18n.language, report.data.rule.significance) })}
            </Text>
            {report.data.rows.length === 0 ? (
              <Text c="dimmed">{t('improvement.recurrence.empty')}</Text>
            ) : (
              <Table.ScrollContainer minWidth={720}>
                <Table striped>
                  <TableHead
                    headings={[
                      t('improvement.recurrence.action'),
                      t('improvement.recurrence.cause'),
                      t('improvement.recurrence.completedOn'),
                      t('improvement.recurrence.period'),
                      t('improvement.recurrence.before'),
                      t('improvement.recurrence.after'),
                      t('improvement.recurrence.verdict'),
                    ]}
                  />
                  <Table.Tbody>
                    {report.data.rows.map((row) => {
                      const what = `${row.actionTitle}: ${causes.label(row.rootCauseId)}`;
                      const key = `${row.actionId}-${row.rootCauseId}`;
                      return (
                        <Table.Tr key={key}>
                          <Table.Td>{row.actionTitle}</Table.Td>
                          <Table.Td>{causes.label(row.rootCauseId)}</Table.Td>
                          <Table.Td>{format.day(row.completedOn)}</Table.Td>
                          <Table.Td>{t('improvement.recurrence.periodDays', { count: row.periodDays })}</Table.Td>
                          <Table.Td>
                            <FigureButton figure={row.before} what={`${what}, ${t('improvement.recurrence.before')}`} testId={`recurrence-before-${key}`} />
                            <Text size="xs" c="dimmed">
                              {t('improvement.recurrence.per30', { rate: format.decimal(row.beforePer30Days) })}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <FigureButton figure={row.after} what={`${what}, ${t('improvement.recurrence.after')}`} testId={`recurrence-after-${key}`} />
                            <Text size="xs" c="dimmed">
                              {t('improvement.recurrence.per30', { rate: format.decimal(row.afterPer30Days) })}
                            </Text>
                          </Table.Td>
                          <Table.Td>
                            <Verdict row={row} />
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </>
        )}
      </Stack>
    </Card>
  );
}
