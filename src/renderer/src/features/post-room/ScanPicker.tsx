/**
 * Scans for a letter, or (issue 18) files attached to a complaint, note or communication: drag and
 * drop or pick files; previews; size and count checked before upload (the main process checks again).
 */
import { ActionIcon, Button, Group, Image, Paper, Stack, Text } from '@mantine/core';
import { IconFileTypePdf, IconPaperclip, IconPhoto, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SCAN_BYTES, SCAN_ACCEPT } from '../../common/files';

export interface PickedScan {
  readonly file: File;
  readonly id: string;
}

export interface ScanPickerProps {
  readonly scans: readonly PickedScan[];
  readonly onChange: (scans: PickedScan[]) => void;
  readonly error?: string | undefined;
  /** Names its test ids and error path: 'scan' (a letter's) or 'attachments'. */
  readonly name?: 'scan' | 'attachments';
}

export function ScanPicker({ scans, onChange, error, name = 'scan' }: ScanPickerProps) {
  const attachments = name === 'attachments';
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [local, setLocal] = useState<string | null>(null);
  const add = (files: FileList | File[]) => {
    const picked = [...files];
    const tooBig = picked.find((file) => file.size > MAX_SCAN_BYTES);
    if (tooBig) {
      setLocal(t('postRoom.scanTooBig', { name: tooBig.name }));
      return;
    }
    if (scans.length + picked.length > 10) {
      setLocal(t(attachments ? 'attachments.tooMany' : 'postRoom.tooManyScans'));
      return;
    }
    setLocal(null);
    onChange([...scans, ...picked.map((file) => ({ file, id: `${file.name}-${file.size}-${Math.random().toString(36).slice(2)}` }))]);
  };
  const previews = useMemo(
    () => scans.map((scan) => ({ id: scan.id, url: /^image\/(png|jpeg)$/.test(scan.file.type) ? URL.createObjectURL(scan.file) : null })),
    [scans],
  );
  useEffect(() => () => previews.forEach((preview) => preview.url && URL.revokeObjectURL(preview.url)), [previews]);
  return (
    <Stack gap={6}>
      <Paper
        withBorder
        p="sm"
        style={{ borderStyle: 'dashed', background: dragging ? 'var(--mantine-primary-color-light)' : undefined }}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          add(event.dataTransfer.files);
        }}
        data-testid={`${name}-drop`}
      >
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {t(attachments ? 'attachments.hint' : 'postRoom.scansHint')}
          </Text>
          <Button
            size="xs"
            variant="light"
            leftSection={<IconPaperclip size={14} aria-hidden />}
            onClick={() => input.current?.click()}
            data-path={attachments ? 'attachments' : 'scans'}
          >
            {t(attachments ? 'attachments.choose' : 'postRoom.chooseScans')}
          </Button>
          <input
            ref={input}
            type="file"
            multiple
            accept={SCAN_ACCEPT}
            hidden
            data-testid={`${name}-input`}
            onChange={(event) => {
              if (event.currentTarget.files) add(event.currentTarget.files);
              event.currentTarget.value = '';
            }}
          />
        </Group>
      </Paper>
      {(local ?? error) && (
        <Text size="sm" c="red" role="alert">
          {local ?? error}
        </Text>
      )}
      <Group gap="xs">
        {scans.map((scan) => {
          const preview = previews.find((candidate) => candidate.id === scan.id)?.url;
          return (
            <Paper key={scan.id} withBorder p={4} w={120}>
              <Group justify="space-between" wrap="nowrap" gap={2}>
                {preview ? (
                  <Image src={preview} alt={scan.file.name} h={40} w={40} fit="cover" />
                ) : scan.file.type === 'application/pdf' ? (
                  <IconFileTypePdf aria-hidden />
                ) : (
                  <IconPhoto aria-hidden />
                )}
                <ActionIcon
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={t('postRoom.removeScan', { name: scan.file.name })}
                  onClick={() => onChange(scans.filter((candidate) => candidate.id !== scan.id))}
                >
                  <IconX size={12} aria-hidden />
                </ActionIcon>
              </Group>
              <Text size="xs" truncate title={scan.file.name}>
                {scan.file.name}
              </Text>
              <Text size="xs" c="dimmed">
                {Math.max(1, Math.round(scan.file.size / 1024))} KB
              </Text>
            </Paper>
          );
        })}
      </Group>
    </Stack>
  );
}
