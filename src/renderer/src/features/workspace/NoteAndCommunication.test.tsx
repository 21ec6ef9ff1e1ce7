/**
 * Issue 18: a note carries the files picked for it to the main process (as scans are sent), a file
 * the main process refuses is named at the picker and the note stays to be corrected, and the
 * timeline lists an entry's files, each opening in the app's viewer.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import type { TimelineEntry } from '@shared/domain/records';
import type { CaseDetail } from '@shared/domain/views';
import { settingsSnapshot } from '../../test-support/fixtures';
import { withApi, type ApiCall } from '../../test-support/fake-api';
import { renderWithSettings } from '../../test-support/render';
import { NoteAndCommunication } from './NoteAndCommunication';
import { CaseTimeline } from './Timeline';

const detail = { case: { id: 'case-1', complainant: { preferredChannel: 'email' } } } as unknown as CaseDetail;
const LOADED_MS = 10_000;

afterEach(() => {
  delete window.plaint;
});

describe('a note with files (issue 18)', () => {
  it('sends the picked file with the note, as base64 with its name and type', async () => {
    const sent: ApiCall[] = [];
    withApi(settingsSnapshot(), { 'cases.addNote': () => ({ ok: true, result: detail }) }, sent);
    renderWithSettings(<NoteAndCommunication detail={detail} onChanged={() => undefined} />);
    await userEvent.type(await screen.findByTestId('note-text', {}, { timeout: LOADED_MS }), 'Photo of the damage');
    await userEvent.upload(screen.getByTestId('attachments-input'), new File([new Uint8Array([1, 2, 3])], 'damage.png', { type: 'image/png' }));
    expect(screen.getByText('damage.png')).toBeTruthy();
    await userEvent.click(screen.getByTestId('note-save'));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'cases.addNote',
      input: { caseId: 'case-1', text: 'Photo of the damage', attachments: [{ name: 'damage.png', mimeType: 'image/png', dataBase64: 'AQID' }] },
    });
    await waitFor(() => expect(screen.queryByText('damage.png')).toBeNull());
  });

  it('names a file the main process refuses at the picker, and keeps the note and its files', async () => {
    const refusal = {
      code: 'VALIDATION_FAILED' as const,
      message: 'x',
      issues: [
        {
          path: 'attachments.0',
          code: 'unreadable' as const,
          message: 'notes.pdf is not a readable PDF, JPEG, PNG or TIFF file',
          params: { name: 'notes.pdf' },
        },
      ],
    };
    withApi(settingsSnapshot(), { 'cases.addNote': () => ({ ok: false, error: refusal }) });
    renderWithSettings(<NoteAndCommunication detail={detail} onChanged={() => undefined} />);
    await userEvent.type(await screen.findByTestId('note-text', {}, { timeout: LOADED_MS }), 'Two more');
    await userEvent.upload(screen.getByTestId('attachments-input'), new File(['plain text'], 'notes.pdf', { type: 'application/pdf' }));
    await userEvent.click(screen.getByTestId('note-save'));
    expect((await screen.findByRole('alert', {}, { timeout: LOADED_MS })).textContent).toContain('notes.pdf');
    expect(screen.getByTestId('note-text')).toHaveProperty('value', 'Two more');
    expect(screen.getByText('notes.pdf')).toBeTruthy();
  });
});

describe('an entry’s files on the timeline (issue 18)', () => {
  it('are listed by name and open in the viewer', async () => {
    const sent: ApiCall[] = [];
    withApi(settingsSnapshot(), { 'post.file': () => ({ ok: true, result: { name: 'damage.png', mimeType: 'image/png', dataBase64: 'AQID' } }) }, sent);
    const entry = {
      id: 'e1',
      caseId: 'case-1',
      kind: 'note',
      at: '2026-11-25T10:00:00.000Z',
      recordedAt: '2026-11-25T10:00:00.000Z',
      order: 0,
      by: { id: 'me', name: 'Ann Worker' },
      data: { text: 'Photo of the damage', files: [{ id: 'file-1', name: 'damage.png', mimeType: 'image/png', size: 3 }] },
    } satisfies TimelineEntry;
    renderWithSettings(<CaseTimeline entries={[entry]} />);
    await userEvent.click(await screen.findByRole('button', { name: 'View damage.png' }, { timeout: LOADED_MS }));
    await waitFor(() => expect(sent).toEqual([{ method: 'post.file', input: { fileId: 'file-1' } }]));
    expect(await screen.findByRole('dialog', {}, { timeout: LOADED_MS })).toBeTruthy();
  });
});
