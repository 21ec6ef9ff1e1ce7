import { Alert, Badge, Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, Table, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { StaffMember } from '../../../../shared/domain/records';
import { STAFF_ROLES } from '../../../../shared/domain/vocabulary';
import { call } from '../../api/client';
import { apiQueryKey } from '../../api/queries';
import { useSettings } from '../../settings/SettingsContext';
import { useSettingsForm } from './useSettingsForm';

/** Staff profiles, and "who am I": the profile recorded as the actor of every change here. */
export function StaffSettings() {
  const { t } = useTranslation();
  const { settings } = useSettings();
  const client = useQueryClient();
  // "Who am I" lives on this device and announces no settings change: the answer is the new snapshot.
  const becomeMe = (staffId: string) => run(async () => client.setQueryData(apiQueryKey('settings.get', {}), await call('staff.setCurrent', { staffId })));
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      notifications.show({ color: 'red', message: t('common.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };
  const save = (member: StaffMember, patch: Partial<StaffMember>) => run(() => call('staff.save', { id: member.id, name: member.name, email: member.email, role: member.role, active: member.active, ...patch }));
  const { form, submit, general, busy } = useSettingsForm({ name: '', email: '', role: 'caseworker' as StaffMember['role'] }, (values) => call('staff.save', { ...values, active: true }));
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {t('settings.staff.whoAmI')}
      </Title>
      <Table data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.staff.name')}</Table.Th>
            <Table.Th>{t('settings.staff.email')}</Table.Th>
            <Table.Th>{t('settings.staff.role')}</Table.Th>
            <Table.Th>{t('settings.staff.active')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {settings.staff.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Td>{member.name}</Table.Td>
              <Table.Td>{member.email}</Table.Td>
              <Table.Td>
                <Select size="xs" aria-label={`${t('settings.staff.role')}: ${member.name}`} data={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} value={member.role} allowDeselect={false} onChange={(role) => role && void save(member, { role: role as StaffMember['role'] })} />
              </Table.Td>
              <Table.Td>
                <Checkbox aria-label={`${t('settings.staff.active')}: ${member.name}`} checked={member.active} onChange={() => void save(member, { active: !member.active })} />
              </Table.Td>
              <Table.Td>
                {member.id === settings.currentStaffId ? (
                  <Badge>{t('settings.staff.current')}</Badge>
                ) : (
                  member.active && (
                    <Button size="xs" variant="light" onClick={() => void becomeMe(member.id)}>
                      {t('settings.staff.useThis')}
                    </Button>
                  )
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md">
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            {general && <Alert color="red">{general}</Alert>}
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('settings.staff.name')} required {...form.getInputProps('name')} />
              <TextInput label={t('settings.staff.email')} type="email" {...form.getInputProps('email')} />
              <Select label={t('settings.staff.role')} data={STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))} allowDeselect={false} {...form.getInputProps('role')} />
            </SimpleGrid>
            <Group justify="flex-end">
              <Button type="submit" loading={busy}>
                {t('settings.staff.add')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
