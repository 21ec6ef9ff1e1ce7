/** Settings: organisation, SLA policy, calendar, complaint types, departments, staff and about. */
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AboutPanel } from './AboutPanel';
import { CalendarSettings } from './CalendarSettings';
import { ComplaintTypesSettings } from './ComplaintTypesSettings';
import { DepartmentsSettings } from './DepartmentsSettings';
import { DeviceSettings } from './DeviceSettings';
import { LetterTemplatesSettings } from './LetterTemplatesSettings';
import { OrganisationSettings } from './OrganisationSettings';
import { SlaSettings } from './SlaSettings';
import { StaffSettings } from './StaffSettings';

export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack data-testid="page-settings" maw={1000}>
      <Title order={1}>{t('settings.title')}</Title>
      <Tabs defaultValue="organisation" keepMounted={false}>
        <Tabs.List>
          {(['organisation', 'sla', 'calendar', 'types', 'departments', 'letters', 'staff', 'device', 'about'] as const).map((tab) => (
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
        <Tabs.Panel value="about" pt="md">
          <AboutPanel />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
