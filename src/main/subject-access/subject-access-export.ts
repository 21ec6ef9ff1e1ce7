/**
 * Issue 14, subject-access export (P-7.2; UK GDPR right of access): one zip archive of everything
 * held about the person an administrator confirmed, less what they withheld with a reason:
 * `summary.pdf` (readable), `records.json` (machine-readable) and `files/` (the original letters
 * and scans, byte for byte).
 *
 * All or nothing: the destination is checked first, every record and file is read and the whole
 * archive built in memory before anything is written; a missing or damaged file stops the export
 * (the administrator may exclude it, with a reason). The archive is written under a partial name
 * and renamed (archive-file.ts), and then the export is written to the access log, once for each
 * case it holds. Should the log refuse, the archive is removed again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { DomainError } from '../../shared/domain/domain-error';
import type { ExportSubjectAccessInput, SubjectAccessExportResult, SubjectAccessReview } from '../../shared/domain/subject-access';
import type { Viewer } from '../../shared/identity/viewer';
import type { AccessLog } from '../domain/access-log/access-log';
import { checkDestination, writeArchive } from './archive-file';
import { archivePaths, recordsDocument, RECORDS_FILE, SUMMARY_FILE, type ArchiveMeta } from './archive-records';
import { summaryPdf } from './archive-summary';
import { collectBundle, type SubjectAccessSelection, type SubjectAccessSources } from './subject-access-bundle';
import { reviewOf } from './subject-access-review';
import { applyWithholding } from './withholding';

export interface SubjectAccessPorts {
  readonly sources: SubjectAccessSources;
  readonly accessLog: AccessLog;
  readonly organisationName: () => Promise<string>;
  readonly now: () => Date;
}

export async function reviewSubjectAccess(sources: SubjectAccessSources, selection: SubjectAccessSelection, viewer: Viewer): Promise<SubjectAccessReview> {
  return reviewOf(await collectBundle(sources, selection, viewer));
}

export async function exportSubjectAccess(ports: SubjectAccessPorts, input: ExportSubjectAccessInput, viewer: Viewer): Promise<SubjectAccessExportResult> {
  const target = checkDestination(input.destination, input.overwrite);
  const bundle = await collectBundle(ports.sources, input, viewer);
  const content = applyWithholding(bundle, input.withheld);
  const paths = archivePaths(content);
  const entries: Zippable = {};
  for (const file of content.files) {
    const stored = await ports.sources.files.get(file.id);
    if (stored.state !== 'ready') {
      const message = `The file ${file.name} cannot be read (${stored.state}); exclude it or wait for it.`;
      throw new DomainError('CONFLICT', message, [{ path: 'withheld', code: 'subject_access_file_unavailable', message, params: { name: file.name, state: stored.state, id: file.id } }]);
    }
    entries[paths.get(file.id) ?? file.id] = new Uint8Array(stored.data);
  }
  const meta: ArchiveMeta = { subjectName: input.subjectName, exportedAt: ports.now().toISOString(), exportedBy: viewer.name, organisation: await ports.organisationName() };
  entries[RECORDS_FILE] = strToU8(recordsDocument(content, meta, paths));
  entries[SUMMARY_FILE] = new Uint8Array(await summaryPdf(content, meta, paths, input.language));
  const archive = zipSync(entries, { level: 6 });

  writeArchive(target, archive);
  try {
    // The cases exported, and the cases of letters selected on their own (unfiled letters have no case to log against).
    const cases = new Map(content.cases.map(({ record }) => [record.id, { id: record.id, reference: record.reference }]));
    for (const { record } of bundle.letters) if (record.caseId !== null && record.caseReference !== null && !cases.has(record.caseId)) cases.set(record.caseId, { id: record.caseId, reference: record.caseReference });
    await ports.accessLog.record(viewer, 'exported', [...cases.values()], `Subject-access export (${content.letters.length} letters, ${content.files.length} files, ${content.withheld.length} withheld)`);
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  return {
    path: target,
    bytes: archive.length,
    sha256: crypto.createHash('sha256').update(archive).digest('hex'),
    cases: content.cases.length,
    letters: content.letters.length,
    files: content.files.length,
    withheld: content.withheld.length,
  };
}
