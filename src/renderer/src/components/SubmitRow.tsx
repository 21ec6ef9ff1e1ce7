/**
 * A form's submit button where every form has it: alone at the right, under the fields, showing
 * that the form is busy while it is sent. One home, so a form's submit looks the same everywhere.
 */
import { Button, Group, type MantineSize } from '@mantine/core';

export function SubmitRow({
  label,
  busy = false,
  size,
  'data-testid': testId,
}: {
  readonly label: string;
  readonly busy?: boolean;
  /** Smaller inside a compact panel (the workspace's note and communication tabs). */
  readonly size?: MantineSize;
  readonly 'data-testid'?: string | undefined;
}) {
  return (
    <Group justify="flex-end">
      <Button type="submit" loading={busy} size={size} data-testid={testId}>
        {label}
      </Button>
    </Group>
  );
}
