/**
 * A case list: one saved view (from the navigation), with search as you type, extra filters and
 * sorting by any column. Changed filters can be saved as the user's own view.
 */
import { Alert, Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CaseFilters } from '../../../../shared/domain/inputs';
import { useSettings } from '../../settings/SettingsContext';
import { CaseFiltersBar } from './CaseFiltersBar';
import { CaseTable } from './CaseTable';
import { useCaseListData } from './useCaseListData';
import { builtInViews, loadCustomViews, saveCustomViews, type CaseSort, type CaseView } from './views';

export function useAllViews(): CaseView[] {
  const { settings } = useSettings();
  const [custom, setCustom] = useState(loadCustomViews);
  useEffect(() => {
    const reload = () => setCustom(loadCustomViews());
    window.addEventListener('plaint:views-changed', reload);
    return () => window.removeEventListener('plaint:views-changed', reload);
  }, []);
  return useMemo(() => [...builtInViews(settings.currentStaffId), ...custom], [settings.currentStaffId, custom]);
}

export function CaseListPage({ viewId }: { readonly viewId: string }) {
  const views = useAllViews();
  const view = views.find((candidate) => candidate.id === viewId) ?? views.find((candidate) => candidate.id === 'all-open') ?? (views[0] as CaseView);
  // Keyed by view: choosing another view starts with its own filters, sort and search.
  return <CaseList key={view.id} view={view} />;
}

function CaseList({ view }: { readonly view: CaseView }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const [extra, setExtra] = useState<CaseFilters>({});
  const [sort, setSort] = useState<CaseSort>(view.sort);
  const [search, setSearch] = useState(view.search ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 120);
  const searchBox = useRef<HTMLInputElement>(null);

  useHotkeys([['/', () => searchBox.current?.focus()]]);

  const filters = useMemo<CaseFilters>(() => ({ ...view.filters, ...extra }), [view.filters, extra]);
  const data = useCaseListData(filters, debouncedSearch, sort);
  const title = view.labelKey ? t(`views.${view.labelKey}`) : (view.name ?? '');
  const changed = Object.keys(extra).length > 0 || search !== (view.search ?? '') || sort.field !== view.sort.field || sort.direction !== view.sort.direction;

  const [naming, setNaming] = useState<string | null>(null);
  const saveView = (name: string) => {
    setNaming(null);
    const id = `custom-${Date.now().toString(36)}`;
    saveCustomViews([...loadCustomViews(), { id, name, filters, sort, search }]);
    notifications.show({ message: t('views.savedView', { name }) });
    navigate(`/cases/view/${id}`);
  };

  const deleteView = () => {
    saveCustomViews(loadCustomViews().filter((candidate) => candidate.id !== view.id));
    navigate('/cases/view/all-open');
  };

  return (
    <Stack h="calc(100dvh - 56px - 2 * var(--mantine-spacing-md))" gap="sm" data-testid="page-cases">
      <Group justify="space-between" wrap="nowrap">
        <Group gap="sm">
          <Title order={1} size="h2" data-testid="case-list-title">
            {title}
          </Title>
          <Text c="dimmed" data-testid="case-count" aria-live="polite">
            {data.total === null ? t('common.loading') : t('caseList.count', { count: data.total })}
          </Text>
        </Group>
        <Group gap="xs">
          {changed && (
            <Button size="xs" variant="light" leftSection={<IconDeviceFloppy size={16} aria-hidden />} onClick={() => setNaming(title)}>
              {t('views.saveAsView')}
            </Button>
          )}
          {!view.labelKey && (
            <Button size="xs" variant="subtle" color="red" onClick={deleteView}>
              {t('views.deleteView')}
            </Button>
          )}
        </Group>
      </Group>
      <Modal opened={naming !== null} onClose={() => setNaming(null)} title={t('views.saveAsView')}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (naming?.trim()) saveView(naming.trim());
          }}
        >
          <TextInput label={t('views.viewName')} value={naming ?? ''} onChange={(event) => setNaming(event.currentTarget.value)} data-autofocus required />
          <Group justify="flex-end" mt="md">
            <Button type="submit">{t('common.save')}</Button>
          </Group>
        </form>
      </Modal>
      <TextInput
        ref={searchBox}
        label={t('caseList.searchLabel')}
        placeholder={t('caseList.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') document.querySelector<HTMLElement>('[data-testid="case-rows"] [role="row"]')?.focus();
        }}
        data-testid="case-search"
      />
      <CaseFiltersBar filters={filters} onChange={(next) => setExtra(Object.fromEntries(Object.entries(next).filter(([key, value]) => JSON.stringify(view.filters[key as keyof CaseFilters]) !== JSON.stringify(value))) as CaseFilters)} onReset={() => setExtra({})} />
      {data.error && <Alert color="red">{t('common.failed', { message: data.error })}</Alert>}
      <Text size="xs" c="dimmed">
        {t('caseList.keyboardHint')}
      </Text>
      <div style={{ flex: 1, minHeight: 0 }}>
        <CaseTable data={data} sort={sort} onSort={setSort} onOpen={(caseId) => navigate(`/case/${caseId}`)} />
      </div>
    </Stack>
  );
}
