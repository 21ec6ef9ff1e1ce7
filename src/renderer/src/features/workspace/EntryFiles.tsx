/** Issue 18: the files a note, communication or complaint came with, each opening in the app's viewer. */
import { Alert, Anchor, Group } from '@mantine/core';
import { IconPaperclip } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseFileRef } from '@shared/domain/records';
import { call } from '../../api/client';
import { useErrors } from '../../errors/useErrors';
import { FileViewer, type ViewedFile } from '../file-viewer/FileViewer';

export function EntryFiles({ files }: { readonly files: readonly CaseFileRef[] }) {
  const { t } = useTranslation();
  const errors = useErrors();
  const [viewed, setViewed] = useState<ViewedFile | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const open = (fileId: string) => {
    setProblem(null);
    // Case files open as scans do (post.file: need-to-know checked, the opening logged, P-7.2).
    void call('post.file', { fileId }).then(setViewed, (caught: unknown) => setProblem(errors.text(caught)));
  };
  return (
    <>
      <Group gap="xs" aria-label={t('attachments.label')} role="group" data-testid="entry-files">
        {files.map((file) => (
          <Anchor
            key={file.id}
            component="button"
            type="button"
            size="sm"
            onClick={() => open(file.id)}
            aria-label={t('fileViewer.open', { name: file.name })}
            data-testid="open-entry-file"
          >
            <IconPaperclip size={12} aria-hidden /> {file.name}
          </Anchor>
        ))}
      </Group>
      {problem && (
        <Alert color="red" role="alert">
          {problem}
        </Alert>
      )}
      <FileViewer key={viewed?.name ?? ''} file={viewed} onClose={() => setViewed(null)} />
    </>
  );
}
