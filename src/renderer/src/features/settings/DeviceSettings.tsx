import { NumberInput, Stack, Switch, Text } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { apiQueryKey, useApiQuery } from '../../api/queries';

/** This device: keep running in the tray when the window closes; hold notifications outside office hours; the file cache budget (issue 19). */
export function DeviceSettings() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const preferences = useApiQuery('device.getPreferences', {});
  // The answer is the preferences as saved: no event announces them, so the cache takes the answer.
  const set = (change: { closeToTray?: boolean; holdDuringQuietHours?: boolean; fileCacheMegabytes?: number }) =>
    void call('device.setPreferences', change).then((saved) => client.setQueryData(apiQueryKey('device.getPreferences', {}), saved));
  if (!preferences.data) return null;
  return (
    <Stack gap="md" data-testid="device-settings">
      <Text size="sm" c="dimmed">
        {t('settings.device.note', { code: '' })}
      </Text>
      <Switch
        label={t('settings.device.closeToTray')}
        checked={preferences.data.closeToTray}
        onChange={(event) => set({ closeToTray: event.currentTarget.checked })}
      />
      <Switch
        label={t('settings.device.holdDuringQuietHours')}
        checked={preferences.data.holdDuringQuietHours}
        onChange={(event) => set({ holdDuringQuietHours: event.currentTarget.checked })}
      />
      <NumberInput
        label={t('settings.device.fileCache')}
        description={t('settings.device.fileCacheNote')}
        min={1}
        max={10_000_000}
        allowDecimal={false}
        suffix=" MiB"
        defaultValue={preferences.data.fileCacheMegabytes}
        onBlur={(event) => {
          const value = Number(event.currentTarget.value.replace(/[^0-9]/g, ''));
          if (Number.isInteger(value) && value >= 1 && value !== preferences.data?.fileCacheMegabytes) set({ fileCacheMegabytes: value });
        }}
        data-testid="file-cache-budget"
      />
    </Stack>
  );
}
