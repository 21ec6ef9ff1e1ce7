/**
 * Issue 18: the organisation-wide audit view, for managers and administrators. Every timeline and
 * audit entry of the cases they may see (the main process leaves out the rest, P-7.1): when, who,
 * what (as the case timeline words it) and which case, newest first, filtered by person, kind and
 * days, 50 to a page. Each row opens its case.
 */
import { Alert, Anchor, Badge, Group, MultiSelect, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { TableHead } from '../../components/TableHead';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { AUDIT_PAGE_SIZE } from '@shared/domain/audit-trail';
import { TIMELINE_KINDS, type TimelineKind } from '@shared/domain/vocabulary';
import { useApiQuery } from '../../api/queries';
import { useFormatters } from '../../common/format';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';
import { entryColour, useEntryText } from '../workspace/Timeline';
import { auditQuery, NO_AUDIT_FILTERS, type AuditFilters } from './audit-filters';

const isKind = (value: string): value is TimelineKind => (TIMELINE_KINDS as readonly string[]).includes(value);

export function AuditTrailPage() {
  const { t } = useTranslation();
  const errors = useErrors();
  const format = useFormatters();
  const { settings } = useSettings();
  const entryText = useEntryText();
  const [, navigate] = useLocation();
  const [filters, setFilters] = useState<AuditFilters>(NO_AUDIT_FILTERS);
  // Any change of filter starts again at the first page.
  const change = (next: Partial<AuditFilters>) => setFilters((current) => ({ ...current, page: 1, ...next }));
  const query = auditQuery(filters);
  const ready = 'input' in query;
  const trail = useApiQuery('cases.auditTrail', ready ? query.input : { kinds: [] }, { enabled: ready, placeholderData: keepPreviousData });
  const badDate = (which: 'from' | 'to') => ('badDates' in query && query.badDates.includes(which) ? t('auditTrail.notADate') : undefined);
  const items = trail.data?.items ?? [];
  const pages = Math.max(1, Math.ceil((trail.data?.total ?? 0) / AUDIT_PAGE_SIZE));

  return (
    <Stack gap="md" data-testid="page-audit">
      <Title order={1} size="h2">
        {t('auditTrail.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('auditTrail.intro')}
      </Text>
      <Paper withBorder p="sm">
        <SimpleGrid cols={{ base: 1, sm: 4 }}>
          <Select
            label={t('auditTrail.person')}
            placeholder={t('auditTrail.anyone')}
            clearable
            searchable
            data={settings.staff.map((member) => ({ value: member.id, label: member.name }))}
            value={filters.personId}
            onChange={(personId) => change({ personId })}
            data-testid="audit-person"
          />
          <MultiSelect
            label={t('auditTrail.kinds')}
            placeholder={filters.kinds.length === 0 ? t('auditTrail.anyKind') : undefined}
            clearable
            data={TIMELINE_KINDS.map((kind) => ({ value: kind, label: t(`timeline.kinds.${kind}`) }))}
            value={[...filters.kinds]}
            onChange={(kinds) => change({ kinds: kinds.filter(isKind) })}
            data-testid="audit-kinds"
          />
          <TextInput
            label={t('auditTrail.from')}
            placeholder="dd/mm/yyyy"
            value={filters.from}
            onChange={(event) => change({ from: event.currentTarget.value })}
            error={badDate('from')}
            data-testid="audit-from"
          />
          <TextInput
            label={t('auditTrail.to')}
            placeholder="dd/mm/yyyy"
            value={filters.to}
            onChange={(event) => change({ to: event.currentTarget.value })}
            error={badDate('to')}
            data-testid="audit-to"
          />
        </SimpleGrid>
      </Paper>
      {trail.error && ready ? (
        <Alert color="red" role="alert">
          {errors.text(trail.error)}
        </Alert>
      ) : null}
      <Text size="sm" aria-live="polite" data-testid="audit-total">
        {t('auditTrail.total', { count: trail.data?.total ?? 0 })}
      </Text>
      {items.length === 0 ? (
        <Text c="dimmed" data-testid="audit-empty">
          {t('auditTrail.empty')}
        </Text>
      ) : (
        <Table highlightOnHover data-testid="audit-rows">
          <TableHead headings={[t('auditTrail.when'), t('auditTrail.who'), t('auditTrail.what'), t('auditTrail.case')]} />
          <Table.Tbody>
            {items.map(({ entry, reference }) => (
              <Table.Tr key={entry.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/case/${entry.caseId}`)} data-entry-id={entry.id}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{format.dateTime(entry.recordedAt)}</Table.Td>
                <Table.Td>{entry.by.name}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Badge size="xs" variant="light" color={entryColour(entry.kind)} style={{ flexShrink: 0 }}>
                      {t(`timeline.kinds.${entry.kind}`)}
                    </Badge>
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                      {entryText(entry)}
                    </Text>
                  </Group>
                </Table.Td>
                <Table.Td>
                  {/* The keyboard's way to the case; the row's click is a shortcut for the mouse. */}
                  <Anchor component={Link} href={`/case/${entry.caseId}`} ff="monospace" onClick={(event: React.MouseEvent) => event.stopPropagation()}>
                    {reference}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {pages > 1 ? (
        <Pagination
          total={pages}
          value={filters.page}
          onChange={(page) => setFilters((current) => ({ ...current, page }))}
          aria-label={t('auditTrail.pages')}
          data-testid="audit-pages"
        />
      ) : null}
    </Stack>
  );
}
