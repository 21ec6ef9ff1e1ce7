/**
 * P-5.2: a series' value as people read it in an alert, in the notification language: a complaint
 * type's label, a root cause's name (P-5.3, retired ones too: old cases keep them), a product as
 * entered. A value settings do not know (yet: not synced) reads as itself.
 */
import { findRootCause } from '@shared/domain/root-causes';
import type { SettingsValues } from '../../domain/settings-service';
import type { NotificationLanguage } from '../notification-text';

export function trendValueLabel(
  settings: Pick<SettingsValues, 'complaintTypes' | 'rootCauses'>,
  language: NotificationLanguage,
): (dimension: string, value: string) => string {
  return (dimension, value) => {
    if (dimension === 'type') return settings.complaintTypes.find((type) => type.id === value)?.label[language] ?? value;
    if (dimension === 'rootCause') return findRootCause(settings.rootCauses, value)?.cause.label[language] ?? value;
    return value;
  };
}
