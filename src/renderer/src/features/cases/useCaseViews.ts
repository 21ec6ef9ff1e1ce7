/**
 * The views of the navigation and the case list: the built-in ones and the person's own, which the
 * main process keeps (`caseViews.*`), cached per person and kept live by `caseViews.changed`.
 */
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedCaseView } from '@shared/domain/case-views';
import { call } from '../../api/client';
import { apiQuery, apiQueryKey } from '../../api/queries';
import { useCan } from '../../session/SessionContext';
import { useSettings } from '../../settings/SettingsContext';
import { allViews, LEGACY_VIEWS_KEY, type CaseView } from './views';

/** The cache key of a person's saved views: the main process answers for whoever is "me". */
export function savedViewsKey(staffId: string) {
  return apiQueryKey('caseViews.list', {}, staffId);
}

export function setSavedViews(client: QueryClient, staffId: string, views: SavedCaseView[]): void {
  client.setQueryData(savedViewsKey(staffId), views);
}

export interface AllViews {
  readonly views: CaseView[];
  /** False until the person's own views have arrived (a link to one of them must wait for them). */
  readonly loaded: boolean;
}

export function useAllViews(): AllViews {
  const { me: staffId } = useSettings();
  const readsViews = useCan()('caseViews.list');
  const saved = useQuery({ ...apiQuery('caseViews.list', {}, staffId), enabled: readsViews });
  return useMemo(
    () => ({ views: allViews(staffId, saved.data ?? []), loaded: saved.data !== undefined || saved.isError }),
    [staffId, saved.data, saved.isError],
  );
}

/** Started once per window, even when React runs effects twice. */
let moving: Promise<unknown> | null = null;

/** Moves views that earlier versions kept in this window's storage into the main process, once. */
export function useLegacyViewsMove(): void {
  const client = useQueryClient();
  const { t } = useTranslation();
  const { me: staffId } = useSettings();
  useEffect(() => {
    // Almost always nothing to move: the code that checks and moves views loads only when there is.
    if (moving || window.localStorage.getItem(LEGACY_VIEWS_KEY) === null) return;
    moving = import('./legacy-views')
      .then(({ moveLegacyViews }) => moveLegacyViews(window.localStorage, (views) => call('caseViews.import', { views })))
      .then(
        (views) => views && setSavedViews(client, staffId, views),
        (error: unknown) =>
          notifications.show({
            color: 'red',
            autoClose: false,
            message: t('views.importFailed', { message: error instanceof Error ? error.message : String(error) }),
          }),
      );
  }, [client, staffId, t]);
}
