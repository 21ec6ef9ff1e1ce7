/** Issue 18: the case list as shown, every matching row, saved as CSV or XLSX (logged as an export, P-7.2). */
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseExportFormat } from '@shared/domain/case-list-inputs';
import type { CaseFilters } from '@shared/domain/inputs';
import { call } from '../../api/client';
import { saveFile } from '../../common/files';
import { useErrors } from '../../errors/useErrors';
import { exportRequest } from './case-export';
import type { CaseSort } from './views';

export function ExportMenu({ filters, search, sort }: { readonly filters: CaseFilters; readonly search: string; readonly sort: CaseSort }) {
  const { t, i18n } = useTranslation();
  const errors = useErrors();
  const [busy, setBusy] = useState(false);
  const run = async (format: CaseExportFormat) => {
    setBusy(true);
    try {
      const file = await call('cases.export', exportRequest(t, i18n.language, { filters, search, sort }, format));
      saveFile(file);
      notifications.show({ message: t('caseList.exported', { count: file.rows, name: file.name }) });
    } catch (error) {
      const { fields, general } = errors.fields(error);
      notifications.show({ color: 'red', message: general ?? Object.values(fields)[0] ?? t('common.fixErrors') });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button size="xs" variant="default" leftSection={<IconDownload size={16} aria-hidden />} loading={busy} data-testid="export-list">
          {t('caseList.export')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => void run('csv')} data-testid="export-csv">
          {t('caseList.exportCsv')}
        </Menu.Item>
        <Menu.Item onClick={() => void run('xlsx')} data-testid="export-xlsx">
          {t('caseList.exportXlsx')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
