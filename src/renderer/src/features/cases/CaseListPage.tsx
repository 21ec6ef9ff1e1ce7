/**
 * A case list: one view (from the navigation), with search as you type, extra filters and sorting
 * by any column. What is shown can be saved as the person's own view (kept by the main process).
 * Issue 18: one compact toolbar (search, "More filters", export) so 15 or more rows show at
 * 1366×768; managers select rows and "Assign to…" them.
 */
import { Alert, Badge, Button, Collapse, Group, Modal, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp, IconDeviceFloppy, IconFilter, IconSearch } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CaseFilters } from '@shared/domain/inputs';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { useApiQuery } from '../../api/queries';
import { useCan } from '../../session/SessionContext';
import { BulkAssign } from './BulkAssign';
import { ExportMenu } from './ExportMenu';
import { useCaseSelection } from './useCaseSelection';
import { useSettings } from '../../settings/SettingsContext';
import { extraFilters } from './case-filters';
import { CaseFiltersBar } from './CaseFiltersBar';
import { CaseTable } from './CaseTable';
import { drillDownView } from '../reports/drill-down';
import { useCaseListData } from './useCaseListData';
import { setSavedViews, useAllViews } from './useCaseViews';
import { keepListState, keptListState } from './list-memory';
import { DEFAULT_VIEW_ID, differsFromView, viewForRoute, type CaseSort, type CaseView } from './views';

export function CaseListPage({ viewId }: { readonly viewId: string }) {
  const { t } = useTranslation();
  const { views, loaded } = useAllViews();
  // Issue 16: a report figure's cases.
  const drillDown = drillDownView(viewId);
  if (drillDown) return <CaseList key={drillDown.id} view={drillDown} />;
  const known = views.some((candidate) => candidate.id === viewId);
  // A link to one of the person's own views waits for them, rather than flash "all open" first.
  if (!known && !loaded) return <Skeleton height={400} aria-label={t('views.loading')} />;
  const view = viewForRoute(views, viewId);
  // Keyed by view: choosing another view starts with its own filters, sort and search.
  return <CaseList key={view.id} view={view} />;
}

/**
 * P-5.2: a trend alert's cases (`/cases/alert/:id`, where a notification or its desktop
 * notification leads): the case list filtered to exactly the cases the alert names.
 */
export function AlertCaseListPage({ notificationId }: { readonly notificationId: string }) {
  const { t } = useTranslation();
  const centre = useApiQuery('notifications.list', {});
  if (!centre.data) return <Skeleton height={400} aria-label={t('common.loading')} />;
  const alert = centre.data.items.find((item) => item.id === notificationId);
  if (!alert) return <Alert data-testid="page-cases">{t('notifications.alertGone')}</Alert>;
  const view: CaseView = {
    id: `alert-${alert.id}`,
    name: alert.title,
    drillDown: true,
    filters: { caseIds: [...alert.caseIds] },
    sort: { field: 'receivedAt', direction: 'desc' },
  };
  return <CaseList key={view.id} view={view} />;
}

function CaseList({ view }: { readonly view: CaseView }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const client = useQueryClient();
  const { me } = useSettings();
  // Issue 18: "Back to the list" returns to this list as the person left it (list-memory.ts).
  const kept = keptListState(view.id);
  const [extra, setExtra] = useState<CaseFilters>(kept?.extra ?? {});
  const [sort, setSort] = useState<CaseSort>(kept?.sort ?? view.sort);
  const [search, setSearch] = useState(kept?.search ?? view.search ?? '');
  const [location, navigate] = useLocation();
  useEffect(() => {
    keepListState(view.id, { extra, sort, search }, location);
  }, [view.id, extra, sort, search, location]);
  const [debouncedSearch] = useDebouncedValue(search, 120);
  const searchBox = useRef<HTMLInputElement>(null);

  useHotkeys([['/', () => searchBox.current?.focus()]]);

  const filters = useMemo<CaseFilters>(() => ({ ...view.filters, ...extra }), [view.filters, extra]);
  const data = useCaseListData(filters, debouncedSearch, sort);
  const title = view.labelKey ? t(`views.${view.labelKey}`) : (view.name ?? '');
  const changed = differsFromView(view, extra, search, sort);
  const can = useCan();
  const selecting = can('cases.assignMany');
  const selection = useCaseSelection(data);
  // A new filter, search or sort shows other rows: a choice made among the old ones is dropped.
  const { clear: clearSelection } = selection;
  useEffect(() => clearSelection(), [filters, debouncedSearch, sort, clearSelection]);
  const activeFilters = Object.keys(extra).length;
  const [showFilters, setShowFilters] = useState(activeFilters > 0);

  const [naming, setNaming] = useState<string | null>(null);
  const [namingError, setNamingError] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const saveView = async (name: string) => {
    try {
      const { view: saved, views } = await call('caseViews.save', { name, filters, sort, search });
      // In the cache before the route changes, so the new view's link finds it.
      setSavedViews(client, me, views);
      setNaming(null);
      setNamingError(null);
      notifications.show({ message: t('views.savedView', { name: saved.name }) });
      navigate(`/cases/view/${saved.id}`);
    } catch (error) {
      const { fields, general } = errors.fields(error);
      setNamingError(fields['name'] ?? general ?? Object.values(fields)[0] ?? t('common.fixErrors'));
    }
  };

  const deleteView = async () => {
    try {
      setSavedViews(client, me, await call('caseViews.remove', { id: view.id }));
      notifications.show({ message: t('views.deleted', { name: view.name ?? '' }) });
      navigate(`/cases/view/${DEFAULT_VIEW_ID}`);
    } catch (error) {
      setProblem(errors.fields(error).general ?? t('common.fixErrors'));
    }
  };

  return (
    <Stack h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))" gap="xs" data-testid="page-cases">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm" wrap="nowrap">
          <Title order={1} size="h3" data-testid="case-list-title">
            {title}
          </Title>
          <Text c="dimmed" size="sm" data-testid="case-count" aria-live="polite">
            {data.total === null ? t('common.loading') : t('caseList.count', { count: data.total })}
          </Text>
          <Text size="xs" c="dimmed" visibleFrom="lg">
            {t('caseList.keyboardHint')}
          </Text>
        </Group>
        <Group gap="xs" wrap="nowrap">
          {selecting && selection.selected.size > 0 && (
            <>
              <Text size="sm" data-testid="selected-count">
                {t('caseList.selected', { count: selection.selected.size })}
              </Text>
              <BulkAssign caseIds={[...selection.selected]} onDone={selection.clear} />
              <Button size="xs" variant="subtle" onClick={selection.clear}>
                {t('caseList.clearSelection')}
              </Button>
            </>
          )}
          {changed && !view.drillDown && (
            <Button size="xs" variant="light" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setNaming(title)} data-testid="save-view">
              {t('views.saveAsView')}
            </Button>
          )}
          {!view.labelKey && !view.drillDown && (
            <Button size="xs" variant="subtle" color="red" onClick={() => void deleteView()} data-testid="delete-view">
              {t('views.deleteView')}
            </Button>
          )}
        </Group>
      </Group>
      <Modal
        opened={naming !== null}
        onClose={() => {
          setNaming(null);
          setNamingError(null);
        }}
        title={t('views.saveAsView')}
      >
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (naming?.trim()) void saveView(naming.trim());
          }}
        >
          <TextInput
            label={t('views.viewName')}
            value={naming ?? ''}
            onChange={(event) => setNaming(event.currentTarget.value)}
            error={namingError}
            data-autofocus
            required
            data-testid="view-name"
          />
          <Group justify="flex-end" mt="md">
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </form>
      </Modal>
      <Group gap="xs" wrap="nowrap" data-testid="case-toolbar">
        <TextInput
          ref={searchBox}
          size="xs"
          style={{ flex: 1 }}
          aria-label={t('caseList.searchLabel')}
          placeholder={t('caseList.searchPlaceholder')}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown') document.querySelector<HTMLElement>('[data-testid="case-rows"] [role="row"]')?.focus();
          }}
          data-testid="case-search"
        />
        <Button
          size="xs"
          variant={showFilters ? 'light' : 'default'}
          leftSection={<IconFilter size={14} aria-hidden />}
          rightSection={showFilters ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
          onClick={() => setShowFilters((shown) => !shown)}
          aria-expanded={showFilters}
          aria-controls="case-filters-panel"
          data-testid="more-filters"
        >
          {showFilters ? t('caseList.fewerFilters') : t('caseList.moreFilters')}
          {activeFilters > 0 && (
            <Badge size="xs" ml={6} circle data-testid="active-filter-count" aria-label={t('caseList.activeFilters', { count: activeFilters })}>
              {activeFilters}
            </Badge>
          )}
        </Button>
        {activeFilters > 0 && (
          <Button size="xs" variant="subtle" onClick={() => setExtra({})} data-testid="reset-filters">
            {t('caseList.resetFilters')}
          </Button>
        )}
        {can('cases.export') && <ExportMenu filters={filters} search={debouncedSearch} sort={sort} />}
      </Group>
      <Collapse expanded={showFilters} id="case-filters-panel">
        <CaseFiltersBar filters={filters} onChange={(next) => setExtra(extraFilters(view.filters, next))} onReset={() => setExtra({})} />
      </Collapse>
      {data.error && <Alert color="red">{t('common.failed', { message: data.error })}</Alert>}
      {problem && <Alert color="red">{problem}</Alert>}
      <div style={{ flex: 1, minHeight: 0 }}>
        <CaseTable
          data={data}
          sort={sort}
          onSort={setSort}
          onOpen={(caseId) => navigate(`/case/${caseId}`)}
          selection={selecting ? selection : undefined}
          emptyText={view.labelKey === 'unassigned' ? t('caseList.emptyTriage') : undefined}
        />
      </div>
    </Stack>
  );
}
