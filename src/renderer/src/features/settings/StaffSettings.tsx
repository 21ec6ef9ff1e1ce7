import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  Paper,
  PasswordInput,
  SimpleGrid,
  Stack,
  Table,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffAccount } from '@shared/domain/records';
import { STAFF_ROLES, type StaffRole } from '@shared/domain/vocabulary';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { useCan, useSession } from '../../session/SessionContext';
import { useSettings } from '../../settings/SettingsContext';
import { RecoveryKeySetting } from './RecoveryKeySetting';
import { SettingsForm } from './SettingsForm';
import { useSettingsForm } from './useSettingsForm';

/**
 * The team directory: accounts with login, roles (several), departments and active, saved by
 * administrators, who also reset passwords. Everyone changes their own password here.
 */
export function StaffSettings() {
  const { t } = useTranslation();
  const { settings, me } = useSettings();
  const can = useCan();
  const errors = useErrors();
  const run = async (work: () => Promise<unknown>) => {
    try {
      await work();
      notifications.show({ color: 'teal', message: t('common.saved') });
    } catch (error) {
      notifications.show({ color: 'red', message: errors.text(error) });
    }
  };
  const administer = can('staff.save');
  const roleOptions = STAFF_ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }));
  const save = (member: StaffAccount, patch: { roles?: StaffRole[]; departments?: string[]; active?: boolean; login?: string }) =>
    run(() =>
      call('staff.save', {
        id: member.id,
        name: member.name,
        email: member.email,
        login: member.login || member.name.toLowerCase().replace(/[^a-z0-9]+/g, '.'),
        roles: [...member.roles],
        departments: [...member.departments],
        active: member.active,
        ...patch,
      }),
    );
  // Issue 13: an account that lost a login clash (made offline on two devices) needs another login.
  const changeLogin = (member: StaffAccount) => {
    const login = window.prompt(t('settings.staff.newLoginFor', { name: member.name }), member.login);
    if (login) void save(member, { login });
  };
  const clashes = settings.staff.filter((member) => member.loginClashWith !== undefined);
  const resetPassword = (member: StaffAccount) => {
    const password = window.prompt(t('settings.staff.newPasswordFor', { name: member.name }));
    if (password) void run(() => call('staff.setPassword', { staffId: member.id, password }));
  };
  const { form, submit, general, busy } = useSettingsForm(
    { name: '', email: '', login: '', roles: ['caseworker'] as StaffRole[], departments: [] as string[], password: '' },
    (values) => call('staff.save', { ...values, active: true, ...(values.password ? { password: values.password } : { password: undefined }) }),
  );
  return (
    <Stack gap="md">
      <OwnPassword />
      <Title order={2} size="h4">
        {t('settings.staff.directory')}
      </Title>
      {administer && clashes.length > 0 ? (
        <Alert color="red" data-testid="login-clashes">
          {t('settings.staff.loginClashes')}
        </Alert>
      ) : null}
      <Table data-testid="staff-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.staff.name')}</Table.Th>
            <Table.Th>{t('settings.staff.login')}</Table.Th>
            <Table.Th>{t('settings.staff.roles')}</Table.Th>
            <Table.Th>{t('settings.staff.departments')}</Table.Th>
            <Table.Th>{t('settings.staff.active')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {settings.staff.map((member) => (
            <Table.Tr key={member.id} data-testid={`staff-${member.login || member.id}`}>
              <Table.Td>
                {member.name} {member.id === me ? <Badge size="xs">{t('settings.staff.current')}</Badge> : null}
              </Table.Td>
              <Table.Td>
                {member.login || '—'}
                {member.loginClashWith !== undefined ? (
                  <Group gap={4} mt={4}>
                    <Badge color="red" size="xs" data-testid="login-clash">
                      {t('settings.staff.loginClash', {
                        name: settings.staff.find((other) => other.id === member.loginClashWith)?.name ?? member.loginClashWith,
                      })}
                    </Badge>
                    {administer ? (
                      <Button size="compact-xs" variant="light" onClick={() => changeLogin(member)}>
                        {t('settings.staff.changeLogin')}
                      </Button>
                    ) : null}
                  </Group>
                ) : null}
              </Table.Td>
              <Table.Td>
                <MultiSelect
                  size="xs"
                  disabled={!administer}
                  aria-label={`${t('settings.staff.roles')}: ${member.name}`}
                  data={roleOptions}
                  value={[...member.roles]}
                  onChange={(roles) => void save(member, { roles: roles as StaffRole[] })}
                />
              </Table.Td>
              <Table.Td>
                <MultiSelect
                  size="xs"
                  disabled={!administer}
                  aria-label={`${t('settings.staff.departments')}: ${member.name}`}
                  data={[...new Set([...settings.departments, ...member.departments])]}
                  value={[...member.departments]}
                  onChange={(departments) => void save(member, { departments })}
                />
              </Table.Td>
              <Table.Td>
                <Checkbox
                  disabled={!administer}
                  aria-label={`${t('settings.staff.active')}: ${member.name}`}
                  checked={member.active}
                  onChange={() => void save(member, { active: !member.active })}
                />
              </Table.Td>
              <Table.Td>
                {administer ? (
                  <Button size="xs" variant="light" onClick={() => resetPassword(member)}>
                    {member.hasPassword ? t('settings.staff.resetPassword') : t('settings.staff.setPassword')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {can('settings.updateSecurity') ? <IdleLockSetting minutes={settings.security.idleLockMinutes} /> : null}
      {can('protection.createRecoveryKey') ? <RecoveryKeySetting /> : null}
      {administer ? (
        <Paper withBorder p="md">
          <SettingsForm submit={submit} general={general} busy={busy} submitLabel={t('settings.staff.add')} data-testid="add-staff">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t('settings.staff.name')} required {...form.getInputProps('name')} />
              <TextInput label={t('settings.staff.email')} type="email" {...form.getInputProps('email')} />
              <TextInput label={t('settings.staff.login')} required {...form.getInputProps('login')} />
              <MultiSelect label={t('settings.staff.roles')} data={roleOptions} {...form.getInputProps('roles')} />
              <MultiSelect label={t('settings.staff.departments')} data={[...settings.departments]} {...form.getInputProps('departments')} />
              <PasswordInput label={t('settings.staff.firstPassword')} autoComplete="new-password" {...form.getInputProps('password')} />
            </SimpleGrid>
          </SettingsForm>
        </Paper>
      ) : null}
    </Stack>
  );
}

/** The team's idle lock: minutes without activity before Plaint locks (administrators). */
function IdleLockSetting({ minutes }: { readonly minutes: number }) {
  const { t } = useTranslation();
  const { form, submit, general, busy } = useSettingsForm({ idleLockMinutes: minutes }, (values) => call('settings.updateSecurity', values));
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} noValidate data-testid="idle-lock">
        <Group align="flex-end">
          <NumberInput label={t('settings.staff.idleLock')} min={1} max={240} allowDecimal={false} {...form.getInputProps('idleLockMinutes')} />
          <Button type="submit" loading={busy}>
            {t('common.save')}
          </Button>
        </Group>
        {general && <Alert color="red">{general}</Alert>}
      </form>
    </Paper>
  );
}

/** The signed-in person changes their own password. */
function OwnPassword() {
  const { t } = useTranslation();
  const { update } = useSession();
  const errors = useErrors();
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const [problem, setProblem] = useState<string | null>(null);
  const change = (event: React.FormEvent) => {
    event.preventDefault();
    void call('session.changePassword', values).then(
      (state) => {
        update(state);
        setValues({ currentPassword: '', newPassword: '' });
        setProblem(null);
        notifications.show({ color: 'teal', message: t('common.saved') });
      },
      (error: unknown) => setProblem(errors.text(error)),
    );
  };
  return (
    <Paper withBorder p="md">
      <form onSubmit={change} data-testid="own-password">
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('settings.staff.ownPassword')}
          </Title>
          {problem ? <Alert color="red">{problem}</Alert> : null}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <PasswordInput
              label={t('settings.staff.currentPassword')}
              autoComplete="current-password"
              value={values.currentPassword}
              onChange={(event) => setValues({ ...values, currentPassword: event.currentTarget.value })}
            />
            <PasswordInput
              label={t('settings.staff.newPassword')}
              autoComplete="new-password"
              value={values.newPassword}
              onChange={(event) => setValues({ ...values, newPassword: event.currentTarget.value })}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit">{t('settings.staff.changePassword')}</Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
