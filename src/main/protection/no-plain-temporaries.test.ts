/**
 * Issue 14 (P-7.2): generated PDFs and other files with personal data are never left in the
 * system's temporary folders. Every letter path and every export runs here with TMPDIR (and
 * TMP/TEMP) pointed at an empty folder of its own: logging a scanned letter, drafting and
 * finalising a letter to PDF, fetching the PDF and the scan, posting one letter and a batch,
 * the day book as CSV and PDF, a letter sent by e-mail with its PDF attached (where Dovecot is
 * installed), the case list as CSV and XLSX, a dashboard table as CSV and XLSX, the monthly
 * report's PDF, a subject-access archive, a backup and its restore. Afterwards the folder is still
 * empty: everything was made in memory, or written only where the person chose.
 *
 * The print spool Chromium writes for batch print, labels and the monthly report is proven to go
 * to the profile's private temporary folder by the built-app test; here, that the folder is
 * private and emptied at start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CASE_EXPORT_COLUMNS } from '../../shared/domain/case-list-inputs';
import { managerViewer, startTestDomain, type TestDomain } from '../domain/test-support';
import { dovecotInstalled, startDovecot, type DovecotServer } from '../mail/test-support/dovecot';
import { startSmtpRelay, type SmtpRelay } from '../mail/test-support/smtp-relay';
import { preparePrivateTemporaries, privateTemporaryFolder, TEMPORARY_FOLDER_VARIABLES } from './private-temporaries';

const NAME = 'Margaret Hale';
const sender = { name: NAME, addressLines: ['12 Milton Road', 'Manchester'], postcode: 'M1 1AE', country: 'GB' };
const scanPdf = Buffer.from(`%PDF-1.4\n% ${NAME}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

/** Every file and folder under `folder`, relative to it. */
function everything(folder: string): string[] {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).sort();
}

let root: string;
let watched: string;

/** Points the process's temporary folder at `folder` (os.tmpdir() reads the variables at every call). */
function useTemporaryFolder(folder: string): void {
  for (const variable of TEMPORARY_FOLDER_VARIABLES) vi.stubEnv(variable, folder);
}

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-no-temporaries-'));
  watched = path.join(root, 'system-temporary');
  fs.mkdirSync(watched);
});

afterEach(() => {
  vi.unstubAllEnvs();
  fs.rmSync(root, { recursive: true, force: true });
});

describe('no personal file is left in the temporary folder (issue 14, P-7.2)', () => {
  let t: TestDomain;
  let mailbox: DovecotServer | null = null;
  let relay: SmtpRelay | null = null;

  afterEach(async () => {
    await t.close();
    await relay?.stop();
    await mailbox?.stop();
    relay = null;
    mailbox = null;
  });

  it('every letter path and every export leaves the temporary folder empty', async () => {
    // Set up first (the test mail server keeps its own files in the temporary folder).
    if (dovecotInstalled()) {
      mailbox = await startDovecot();
      relay = await startSmtpRelay(mailbox);
    }
    const profile = path.join(root, 'profile');
    const chosen = path.join(root, 'chosen-by-the-person');
    fs.mkdirSync(chosen);
    t = await startTestDomain('2026-11-25T11:00:00.000Z', profile, {
      services: { printPage: () => Promise.resolve(new TextEncoder().encode(`%PDF-1.7 ${NAME}`)) },
    });
    useTemporaryFolder(watched);

    // The post room: a scanned letter in, letters out to PDF, fetched, posted one by one and as a batch.
    const incoming = await t.call('post.logIncoming', {
      receivedOn: '2026-11-24',
      sender,
      kind: 'new-complaint',
      type: 'product',
      summary: 'Leaking bottle',
      scans: [{ name: 'letter.pdf', mimeType: '', dataBase64: scanPdf.toString('base64') }],
    });
    const caseId = incoming.caseId!;
    const letters = [];
    for (const template of ['acknowledgement', 'extension-notice'] as const) {
      const { text } = await t.call('post.draftLetter', { caseId, template, language: 'en-GB' });
      letters.push(await t.call('post.finaliseLetter', { caseId, template, language: 'en-GB', text }));
    }
    const pdf = await t.call('post.file', { fileId: letters[0]!.files[0]!.id });
    expect(Buffer.from(pdf.dataBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await t.call('post.file', { fileId: incoming.files[0]!.id });
    await t.call('post.logPosting', { letterId: letters[0]!.id, postedOn: '2026-11-25', postClass: 'first' });
    await t.call('post.logPostings', { letterIds: [letters[1]!.id], postedOn: '2026-11-25', postClass: 'second' });
    for (const format of ['csv', 'pdf'] as const) await t.call('post.dayBook', { from: '2026-11-24', to: '2026-11-25', format });

    // A letter by e-mail, with its PDF attached.
    if (mailbox && relay) {
      await t.call('mail.configure', {
        enabled: true,
        imap: { host: '127.0.0.1', port: mailbox.port, security: 'none', username: mailbox.user },
        smtp: { host: '127.0.0.1', port: relay.port, security: 'none', from: 'complaints@example.com' },
        password: mailbox.password,
      });
      const created = await t.call('cases.create', {
        complainant: { name: NAME, email: 'margaret@example.org', preferredChannel: 'email' },
        channel: 'web-form',
        receivedAt: '2026-11-25T09:30:00.000Z',
        type: 'product',
        summary: 'Leaking bottle',
      });
      const { text } = await t.call('post.draftLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB' });
      const emailed = await t.call('post.finaliseLetter', { caseId: created.caseId, template: 'acknowledgement', language: 'en-GB', text });
      expect(await t.call('mail.send', { letterId: emailed.id })).toMatchObject({ state: 'sent' });
    }

    // Exports: the case list, a dashboard table, the monthly report.
    for (const format of ['csv', 'xlsx'] as const)
      await t.call('cases.export', {
        filters: {},
        format,
        name: 'cases',
        language: 'en-GB',
        header: [...CASE_EXPORT_COLUMNS],
        words: { received: 'Received', telephone: 'Telephone', unassigned: 'Nobody' },
        sort: { field: 'reference', direction: 'asc' },
      });
    const table = { name: 'complainants', title: 'Complainants', header: ['Name', 'Cases'], rows: [[NAME, '1']] };
    await t.callAs(managerViewer, 'reports.exportTable', { name: table.name, header: table.header, rows: table.rows });
    await t.callAs(managerViewer, 'reports.exportTableXlsx', table);
    await t.callAs(managerViewer, 'reports.printPdf', { name: 'monthly-report-2026-11' });

    // Subject access: the archive goes only where the person chose.
    const archive = path.join(chosen, 'margaret.zip');
    await t.call('people.export', { caseIds: [caseId], letterIds: [], subjectName: NAME, withheld: [], destination: archive });
    expect(fs.existsSync(archive)).toBe(true);

    // A backup, and its restore into a new profile.
    const backups = path.join(chosen, 'backups');
    fs.mkdirSync(backups);
    await t.call('backup.configure', { folder: backups, keep: 2, daily: false });
    const view = await t.call('backup.now', {});
    await t.call('backup.restore', { from: path.join(backups, view.last!.generation!), dataDirectory: path.join(chosen, 'restored') });

    expect(everything(watched)).toEqual([]);
  });
});

describe('the private temporary folder inside the profile (issue 14, P-7.2)', () => {
  it('is made private to the OS user (0700) and emptied of what an earlier run left, at start', () => {
    const profile = path.join(root, 'profile');
    const folder = privateTemporaryFolder(profile);
    fs.mkdirSync(path.join(folder, 'chromium-spool'), { recursive: true, mode: 0o755 });
    fs.chmodSync(folder, 0o755);
    fs.writeFileSync(path.join(folder, '.org.chromium.Chromium.abc123'), `%PDF-1.4 ${NAME}`);
    fs.writeFileSync(path.join(folder, 'chromium-spool', 'letter.pdf'), `%PDF-1.4 ${NAME}`);
    fs.writeFileSync(path.join(profile, 'plaint.sqlite'), 'the database stays');

    expect(preparePrivateTemporaries(profile)).toBe(folder);
    expect(everything(folder)).toEqual([]);
    if (process.platform !== 'win32') expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
    // Only the temporary folder is emptied.
    expect(fs.readFileSync(path.join(profile, 'plaint.sqlite'), 'utf8')).toBe('the database stays');
  });

  it('is made on a profile that does not exist yet', () => {
    const profile = path.join(root, 'new-profile');
    const folder = preparePrivateTemporaries(profile);
    expect(everything(folder)).toEqual([]);
    if (process.platform !== 'win32') expect(fs.statSync(folder).mode & 0o777).toBe(0o700);
  });
});
