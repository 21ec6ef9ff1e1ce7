/**
 * The keyboard-shortcut help sheet (issue 18): `?` opens it from anywhere except while typing in
 * a field. It lists the shortcuts the app really has (shortcuts.ts), each where it works.
 */
import { Group, Kbd, Modal, Table, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';
import { isTypingTarget } from './typed-keys';

export function ShortcutSheet() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== '?' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || isTypingTarget(event.target)) return;
      event.preventDefault();
      setOpened(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal
      opened={opened}
      onClose={() => setOpened(false)}
      title={t('shortcuts.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="shortcut-sheet"
    >
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('shortcuts.keys')}</Table.Th>
            <Table.Th scope="col">{t('shortcuts.action')}</Table.Th>
            <Table.Th scope="col">{t('shortcuts.where')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {SHORTCUTS.map((shortcut) => (
            <Table.Tr key={shortcut.id} data-testid={`shortcut-${shortcut.id}`}>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  {shortcut.keys.map((combination, index) => (
                    <Group key={combination.join('+')} gap={2} wrap="nowrap">
                      {index > 0 && (
                        <Text size="xs" c="dimmed">
                          {t('shortcuts.or')}
                        </Text>
                      )}
                      {combination.map((key) => (
                        <Kbd key={key} size="xs">
                          {key}
                        </Kbd>
                      ))}
                    </Group>
                  ))}
                </Group>
              </Table.Td>
              <Table.Td>{t(`shortcuts.actions.${shortcut.id}`)}</Table.Td>
              <Table.Td>{t(`shortcuts.places.${shortcut.where}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
