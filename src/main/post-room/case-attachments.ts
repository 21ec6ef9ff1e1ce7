/**
 * Issue 18: files (photos, PDFs) added to a complaint that did not come by post (web form,
 * telephone, an e-mail typed in), to a note, or to a communication. They are checked exactly as
 * scans are (uploads.ts: type by content, 20 MB, at most 10) and stored as case files, owned by the
 * case, in the file store the scans use; the timeline entry they came with lists them, and they
 * open through `post.file` like a scan, for whoever may open the case (P-7.1).
 *
 * All or nothing: the case, note or communication and its files are one write. A refused file
 * stores nothing, and neither does a refused case or entry.
 */
import type { z } from 'zod';
import type { addCommunicationInput, addNoteInput, createCaseInput } from '../../shared/domain/inputs';
import type { CaseFileRef } from '../../shared/domain/records';
import { commitPlanned, type ChangeSet } from '../database/change-set';
import { newId, type Clock } from '../domain/clock';
import type { DomainServices } from '../domain/domain-services';
import type { FileStore } from '../files/file-store';
import { checkedUploads, type CheckedUpload } from '../files/uploads';

interface PlannedFiles {
  readonly refs: readonly CaseFileRef[];
  /** Adds the files' records and chunks to the operation's writes, owned by the case. */
  readonly store: (changes: ChangeSet, caseId: string) => void;
}

export class CaseAttachments {
  constructor(
    private readonly domain: DomainServices,
    private readonly files: FileStore,
    private readonly clock: Clock,
  ) {}

  private planned(uploads: readonly CheckedUpload[]): PlannedFiles {
    const files = uploads.map((upload) => ({ ...upload, id: newId() }));
    return {
      refs: files.map((file) => ({ id: file.id, name: file.name, mimeType: file.mimeType, size: file.data.length })),
      store: (changes, caseId) => {
        const createdAt = this.clock.now().toISOString();
        for (const file of files)
          this.files.plan(changes, { id: file.id, ownerId: caseId, name: file.name, mimeType: file.mimeType, data: file.data, createdAt });
      },
    };
  }

  /** A new complaint from any channel, with the files it came with on its first timeline entry. */
  async create(input: z.output<typeof createCaseInput>): Promise<{ caseId: string; reference: string }> {
    const { attachments, ...complaint } = input;
    const files = this.planned(checkedUploads(attachments, 'attachments', 'attachment'));
    return commitPlanned(async () => {
      const created = await this.domain.cases.planCreate(complaint, { files: files.refs });
      files.store(created.changes, created.result.caseId);
      return created;
    });
  }

  async addNote(input: z.output<typeof addNoteInput>): Promise<void> {
    const { attachments, ...note } = input;
    const files = this.planned(checkedUploads(attachments, 'attachments', 'attachment'));
    await commitPlanned(async () => {
      const changes = await this.domain.cases.planNote(note, files.refs);
      files.store(changes, input.caseId);
      return { changes, result: undefined };
    });
  }

  async addCommunication(input: z.output<typeof addCommunicationInput>): Promise<void> {
    const { attachments, ...communication } = input;
    const files = this.planned(checkedUploads(attachments, 'attachments', 'attachment'));
    await commitPlanned(async () => {
      const changes = await this.domain.cases.planCommunication(communication, { files: files.refs });
      files.store(changes, input.caseId);
      return { changes, result: undefined };
    });
  }
}
