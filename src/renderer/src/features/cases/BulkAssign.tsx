/**
 * Issue 18: "Assign to…" for the cases chosen in the list (managers). One call assigns them all or
 * none; a refusal says why in the person's language and leaves the choice as it was.
 */
import { Alert, Button, Group, Modal, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { useSettings } from '../../settings/SettingsContext';

const NOBODY = '__nobody';

export function BulkAssign({ caseIds, onDone }: { readonly caseIds: readonly string[]; readonly onDone: () => void }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const { settings } = useSettings();
  const [opened, setOpened] = useState(false);
  const [assignee, setAssignee] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const staff = settings.staff.filter((member) => member.active && (member.roles.includes('caseworker') || member.roles.includes('manager')));
  const close = () => {
    setOpened(false);
    setProblem(null);
  };
  const assign = async () => {
    if (!assignee) return;
    setBusy(true);
    try {
      const assigneeId = assignee === NOBODY ? null : assignee;
      const { assigned } = await call('cases.assignMany', { caseIds: [...caseIds], assigneeId });
      const name = staff.find((member) => member.id === assigneeId)?.name ?? t('common.unassigned');
      notifications.show({ message: t('caseList.assigned', { count: assigned, name }) });
      close();
      onDone();
    } catch (error) {
      const { fields, general } = errors.fields(error);
      setProblem(general ?? Object.values(fields)[0] ?? t('common.fixErrors'));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button
        size="xs"
        leftSection={<IconUserShare size={16} aria-hidden />}
        onClick={() => setOpened(true)}
        disabled={caseIds.length === 0}
        data-testid="bulk-assign"
      >
        {t('caseList.assignTo')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('caseList.assignTitle', { count: caseIds.length })}>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void assign();
          }}
        >
          <Text size="sm" mb="sm">
            {t('caseList.selected', { count: caseIds.length })}
          </Text>
          <Select
            label={t('caseList.assignee')}
            data={[...staff.map((member) => ({ value: member.id, label: member.name })), { value: NOBODY, label: t('caseList.unassign') }]}
            value={assignee}
            onChange={setAssignee}
            searchable
            required
            data-autofocus
            data-testid="bulk-assignee"
          />
          {problem && (
            <Alert color="red" mt="sm" data-testid="bulk-assign-error">
              {problem}
            </Alert>
          )}
          <Group justify="flex-end" mt="md">
            <Button type="submit" loading={busy} disabled={!assignee} data-testid="bulk-assign-submit">
              {t('caseList.assign')}
            </Button>
          </Group>
        </form>
      </Modal>
    </>
  );
}
