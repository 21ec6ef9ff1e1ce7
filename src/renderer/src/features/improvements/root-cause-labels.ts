/** Issue 16, P-5.3: root causes as people read them ("Delivery → Courier handling"), in the UI language. */
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { allRootCauses, findRootCause, type RootCauseTaxonomy } from '@shared/domain/root-causes';
import { useSettings } from '../../settings/SettingsContext';

export interface RootCauseLabels {
  /** "Category → Cause", marked when retired; an id the taxonomy lacks is named as unknown. */
  label(causeId: string): string;
  /** Select groups (one per category) of the causes that may be chosen now, plus any kept ones. */
  options(keep?: readonly string[]): { group: string; items: { value: string; label: string }[] }[];
}

export function rootCauseLabels(
  taxonomy: RootCauseTaxonomy,
  language: 'en-GB' | 'lv',
  retiredMark: (label: string) => string,
  unknown: (id: string) => string,
): RootCauseLabels {
  const label = (causeId: string) => {
    const entry = findRootCause(taxonomy, causeId);
    if (!entry) return unknown(causeId);
    const text = `${entry.category.label[language]} → ${entry.cause.label[language]}`;
    return entry.selectable ? text : retiredMark(text);
  };
  const options = (keep: readonly string[] = []) => {
    const groups = new Map<string, { value: string; label: string }[]>();
    for (const entry of allRootCauses(taxonomy)) {
      if (!entry.selectable && !keep.includes(entry.cause.id)) continue;
      const items = groups.get(entry.category.label[language]) ?? [];
      items.push({ value: entry.cause.id, label: entry.selectable ? entry.cause.label[language] : retiredMark(entry.cause.label[language]) });
      groups.set(entry.category.label[language], items);
    }
    return [...groups].map(([group, items]) => ({ group, items }));
  };
  return { label, options };
}

export function useRootCauseLabels(): RootCauseLabels {
  const { t, i18n } = useTranslation();
  const { settings } = useSettings();
  const language = i18n.language === 'lv' ? 'lv' : 'en-GB';
  const retiredMark = useCallback((label: string) => t('improvement.retiredMark', { label }), [t]);
  const unknown = useCallback((id: string) => t('improvement.unknownCause', { id }), [t]);
  return useMemo(() => rootCauseLabels(settings.rootCauses, language, retiredMark, unknown), [settings.rootCauses, language, retiredMark, unknown]);
}
