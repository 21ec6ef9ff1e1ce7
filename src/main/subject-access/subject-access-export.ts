/**
 * Issue 14, subject-access export (P-7.2; UK GDPR right of access): one zip archive of everything
 * held about the person an administrator confirmed, less what they withheld with a reason:
 * `summary.pdf` (readable), `records.json` (machine-readable) and `files/` (the original letters
 * and scans, byte for byte).
 *
 * All or nothing: the destination and every decision are checked first; then the archive is
 * streamed under a partial name, one letter or scan in memory at a time, and renamed once whole
 * (archive-file.ts). A missing or damaged file stops the export and removes the partial archive
 * (the administrator may exclude the file, with a reason). Then the export is written to the
 * access log, once for each case it holds; should the log refuse, the archive is removed again.
 */
import fs from 'node:fs';
import { strToU8 } from 'fflate';
import { DomainError } from '../../shared/domain/domain-error';
import type { ExportSubjectAccessInput, SubjectAccessExportResult, SubjectAccessReview } from '../../shared/domain/subject-access';
import type { Viewer } from '../../shared/identity/viewer';
import type { AccessedCase, AccessLog } from '../domain/access-log/access-log';
import { checkDestination, writeArchive } from './archive-file';
import { archivePaths, recordsDocument, RECORDS_FILE, SUMMARY_FILE, type ArchiveMeta } from './archive-records';
import { summaryPdf } from './archive-summary';
import { ArchiveZip } from './archive-zip';
import { collectBundle, type SubjectAccessBundle, type SubjectAccessSelection, type SubjectAccessSources } from './subject-access-bundle';
import { reviewOf } from './subject-access-review';
import { applyWithholding } from './withholding';

export interface SubjectAccessPorts {
  readonly sources: SubjectAccessSources;
  readonly accessLog: AccessLog;
  readonly organisationName: () => Promise<string>;
  readonly now: () => Date;
}

/** The cases a bundle shows: those selected, and those of letters selected on their own. */
function casesOf(bundle: SubjectAccessBundle): AccessedCase[] {
  const cases = new Map(bundle.cases.map(({ record }) => [record.id, { id: record.id, reference: record.reference }]));
  for (const { record } of bundle.letters)
    if (record.caseId !== null && record.caseReference !== null && !cases.has(record.caseId))
      cases.set(record.caseId, { id: record.caseId, reference: record.caseReference });
  return [...cases.values()];
}

/** The review shows each case's whole timeline: it is logged as opening those cases (P-7.2). */
export async function reviewSubjectAccess(ports: SubjectAccessPorts, selection: SubjectAccessSelection, viewer: Viewer): Promise<SubjectAccessReview> {
  const bundle = await collectBundle(ports.sources, selection, viewer);
  await ports.accessLog.record(viewer, 'opened', casesOf(bundle), 'Subject-access review');
  return reviewOf(bundle);
}

export async function exportSubjectAccess(ports: SubjectAccessPorts, input: ExportSubjectAccessInput, viewer: Viewer): Promise<SubjectAccessExportResult> {
  const target = checkDestination(input.destination, input.overwrite);
  const bundle = await collectBundle(ports.sources, input, viewer);
  const content = applyWithholding(bundle, input.withheld, input.withheldFields, input.language);
  const paths = archivePaths(content);
  const meta: ArchiveMeta = {
    subjectName: input.subjectName,
    exportedAt: ports.now().toISOString(),
    exportedBy: viewer.name,
    organisation: await ports.organisationName(),
  };
  const records = strToU8(recordsDocument(content, meta, paths));
  const summary = new Uint8Array(await summaryPdf(content, meta, paths, input.language));

  const written = await writeArchive(target, async (sink) => {
    const zip = new ArchiveZip(sink);
    zip.deflated(SUMMARY_FILE, summary);
    zip.deflated(RECORDS_FILE, records);
    // One file in memory at a time; a missing or damaged one stops the export (the partial archive is removed).
    for (const file of content.files) {
      const stored = await ports.sources.files.get(file.id);
      if (stored.state !== 'ready') {
        const message = `The file ${file.name} cannot be read (${stored.state}); exclude it or wait for it.`;
        throw new DomainError('CONFLICT', message, [
          { path: 'withheld', code: 'subject_access_file_unavailable', message, params: { name: file.name, state: stored.state, id: file.id } },
        ]);
      }
      zip.stored(paths.get(file.id) ?? file.id, new Uint8Array(stored.data));
    }
    zip.end();
  });
  try {
    // Unfiled letters have no case to log against.
    await ports.accessLog.record(
      viewer,
      'exported',
      casesOf(bundle),
      `Subject-access export (${content.letters.length} letters, ${content.files.length} files, ${content.withheld.length} withheld)`,
    );
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  return {
    path: target,
    ...written,
    cases: content.cases.length,
    letters: content.letters.length,
    files: content.files.length,
    withheld: content.withheld.length,
  };
}
