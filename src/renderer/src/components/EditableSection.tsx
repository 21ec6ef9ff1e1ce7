/**
 * A section of the case that is read, and edited in place (the complainant, the case's details):
 * its heading with "Edit" while it is read; while it is edited, its form with what went wrong that
 * belongs to no field, the fields, Cancel and Save. One home, so both edit the same way.
 */
import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface EditableSectionProps {
  readonly title: string;
  readonly 'data-testid': string;
  readonly editing: boolean;
  /** Starts editing (the form is filled from the record first). */
  readonly onEdit: () => void;
  readonly editTestId?: string;
  readonly onCancel: () => void;
  readonly onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  /** What went wrong that belongs to no field. */
  readonly general: string | null;
  /** The form's fields, shown while editing. */
  readonly fields: ReactNode;
  /** The section as read. */
  readonly children: ReactNode;
}

export function EditableSection({
  title,
  'data-testid': testId,
  editing,
  onEdit,
  editTestId,
  onCancel,
  onSubmit,
  general,
  fields,
  children,
}: EditableSectionProps) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h4">
          {title}
        </Title>
        {!editing && (
          <Button size="xs" variant="subtle" onClick={onEdit} data-testid={editTestId}>
            {t('common.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            {general && <Alert color="red">{general}</Alert>}
            {fields}
            <Group justify="flex-end">
              <Button variant="default" onClick={onCancel}>
                {t('common.cancel')}
              </Button>
              <Button type="submit">{t('common.save')}</Button>
            </Group>
          </Stack>
        </form>
      ) : (
        children
      )}
    </Paper>
  );
}
