/**
 * Issue 18: what the export of the case list asks the main process for, in the person's
 * language: the column headings and the words for statuses, channels, stages and "unassigned".
 */
import type { TFunction } from 'i18next';
import type { ApiInput } from '@shared/api/contract';
import { CASE_EXPORT_COLUMNS, type CaseExportFormat } from '@shared/domain/case-list-inputs';
import type { CaseFilters } from '@shared/domain/inputs';
import { CASE_STATUSES, INTAKE_CHANNELS } from '@shared/domain/vocabulary';
import type { CaseSort } from './views';

export function exportRequest(
  t: TFunction,
  language: string,
  list: { filters: CaseFilters; search: string; sort: CaseSort },
  format: CaseExportFormat,
): ApiInput<'cases.export'> {
  const words: Record<string, string> = { unassigned: t('common.unassigned'), 'stage-1': t('stages.1'), 'stage-2': t('stages.2') };
  for (const status of CASE_STATUSES) words[status] = t(`statuses.${status}`);
  for (const channel of INTAKE_CHANNELS) words[channel] = t(`channels.${channel}`);
  const header = CASE_EXPORT_COLUMNS.map((column) => (column === 'stage' ? t('filters.stage') : t(`caseList.columns.${column}`)));
  return { ...list, format, header, words, language: language === 'lv' ? 'lv' : 'en-GB', name: t('caseList.exportName') };
}
