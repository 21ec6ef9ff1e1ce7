/** Settings: organisation, SLA policy, calendar, complaint types, departments, letters, staff, this device, sync, e-mail, backups, retention and erasure, subject access and about. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { AboutPanel } from './AboutPanel';
import { BackupSettings } from './BackupSettings';
import { CalendarSettings } from './CalendarSettings';
import { ComplaintTypesSettings } from './ComplaintTypesSettings';
import { DepartmentsSettings } from './DepartmentsSettings';
import { RootCausesSettings } from './RootCausesSettings';
import { DeviceSettings } from './DeviceSettings';
import { LetterTemplatesSettings } from './LetterTemplatesSettings';
import { OrganisationSettings } from './OrganisationSettings';
import { SlaSettings } from './SlaSettings';
import { StaffSettings } from './StaffSettings';
import { SyncSettings } from '../sync/SyncSettings';
import { MailSettings } from '../mail/MailSettings';
import { SubjectAccessPanel } from '../subject-access/SubjectAccessPanel';
import { RetentionSettings } from '../retention/RetentionSettings';
import type { ApiMethodName } from '@shared/api/names';
import { useCan } from '../../session/SessionContext';

const TABS = [
  'organisation',
  'sla',
  'calendar',
  'types',
  'rootCauses',
  'departments',
  'letters',
  'staff',
  'device',
  'sync',
  'mail',
  'backups',
  'retention',
  'subjectAccess',
  'about',
] as const;
type SettingsTab = (typeof TABS)[number];

/** The method each tab saves with: shown only to those the permission table lets call it (null: everyone). */
const TAB_METHOD: Readonly<Record<SettingsTab, ApiMethodName | null>> = {
  organisation: 'settings.updateOrganisation',
  sla: 'settings.updateSlaPolicy',
  calendar: 'settings.updateCalendar',
  types: 'settings.saveComplaintType',
  rootCauses: 'settings.saveRootCause',
  departments: 'settings.setDepartments',
  letters: 'post.saveTemplate',
  // Everyone changes their own password here; administrators also edit the directory.
  staff: null,
  device: null,
  sync: 'sync.configure',
  mail: 'mail.configure',
  backups: 'backup.configure',
  retention: 'retention.setPolicy',
  subjectAccess: 'people.export',
  about: null,
};

/** The tab is part of the address (#/settings/sync), so the sync badge and links can open one. */
export function SettingsPage({ tab }: { readonly tab?: string }) {
  const { t } = useTranslation();
  const [, navigate] = useLocation();
  const can = useCan();
  const tabs = TABS.filter((candidate) => TAB_METHOD[candidate] === null || can(TAB_METHOD[candidate]));
  const current: SettingsTab = (tabs as readonly string[]).includes(tab ?? '') ? (tab as SettingsTab) : (tabs[0] ?? 'about');
  return (
    <Stack data-testid="page-settings" maw={1000}>
      <Title order={1}>{t('settings.title')}</Title>
      <Tabs value={current} onChange={(value) => value && navigate(`/settings/${value}`)} keepMounted={false}>
        <Tabs.List>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab} value={tab} data-testid={`settings-tab-${tab}`}>
              {t(`settings.tabs.${tab}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="organisation" pt="md">
          <OrganisationSettings />
        </Tabs.Panel>
        <Tabs.Panel value="sla" pt="md">
          <SlaSettings />
        </Tabs.Panel>
        <Tabs.Panel value="calendar" pt="md">
          <CalendarSettings />
        </Tabs.Panel>
        <Tabs.Panel value="types" pt="md">
          <ComplaintTypesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="rootCauses" pt="md">
          <RootCausesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="departments" pt="md">
          <DepartmentsSettings />
        </Tabs.Panel>
        <Tabs.Panel value="letters" pt="md">
          <LetterTemplatesSettings />
        </Tabs.Panel>
        <Tabs.Panel value="staff" pt="md">
          <StaffSettings />
        </Tabs.Panel>
        <Tabs.Panel value="device" pt="md">
          <DeviceSettings />
        </Tabs.Panel>
        <Tabs.Panel value="mail" pt="md">
          <MailSettings />
        </Tabs.Panel>
        <Tabs.Panel value="sync" pt="md">
          <SyncSettings />
        </Tabs.Panel>
        <Tabs.Panel value="backups" pt="md">
          <BackupSettings />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="md">
          <RetentionSettings />
        </Tabs.Panel>
        <Tabs.Panel value="subjectAccess" pt="md">
          <SubjectAccessPanel />
        </Tabs.Panel>
        <Tabs.Panel value="about" pt="md">
          <AboutPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
