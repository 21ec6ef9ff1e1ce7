/**
 * The main↔renderer API contract: one table of request methods (name → input schema → result
 * type) and one of event channels (name → payload type).
 *
 * The main process registers a handler for every method of this table and validates every input
 * against its schema before the handler runs; the renderer gets its types from the same table.
 * Schemas are zod 4: field-level issues with paths for forms, typed parse output, and one schema
 * language on both sides (see README, "Choices").
 */
import { z } from 'zod';
import type { ApiEventName, ApiMethodName } from './names';
import type { AppInfo, AppStatus, PingResult, ReportErrorResult } from './types/app';
import type { SettingsSnapshot } from './types/settings';
import { recoveryKeyInput, type ProtectionStatus, type RecoveryKeyResult } from './types/protection';
import type { DevicePreferencesView, NotificationCentre } from './types/notifications';
import {
  dayBookInput,
  draftLetterInput,
  finaliseLetterInput,
  letterFileInput,
  letterTemplatesInput,
  listLettersInput,
  logIncomingLetterInput,
  logPostingInput,
  logPostingsInput,
  undoLetterInput,
  type DayBookRow,
  type LetterLanguage,
  type LetterRecord,
  type PromisedDates,
  type LetterTemplateId,
} from '../domain/letters';
import type { CaseDetail, CaseList, CaseListItem, QuickSearchResult, RelatedCase } from '../domain/views';
import { prepareServerInput, syncSettingsInput, type QuarantineEntry, type ServerPreparation, type SyncSettingsView, type SyncStatus } from '../domain/sync';
import { actOnCaseInput } from '../domain/workflow';
import { findPersonInput, type PersonSearchResult } from '../domain/people-search';
import { caseCorrespondenceInput, decideCorrespondenceInput, unreadCasesInput, type CaseCorrespondence } from '../domain/correspondence';
import {
  chooseArchiveInput,
  exportSubjectAccessInput,
  reviewSubjectAccessInput,
  type ArchiveChoice,
  type SubjectAccessExportResult,
  type SubjectAccessReview,
} from '../domain/subject-access';
import {
  approveRetentionInput,
  cleanServerInput,
  eraseInput,
  retentionPolicySchema,
  type ErasureRecord,
  type RetentionView,
  type ServerCleaning,
} from '../domain/retention';
import { backupSettingsInput, restoreBackupInput, type BackupView, type RestoreOutcome } from '../domain/backup';
import { accessLogQueryInput, caseAccessLogInput, type AccessLogEntry } from '../domain/access-log';
import {
  addCommunicationInput,
  addNoteInput,
  acknowledgementByTelephoneInput,
  assignCaseInput,
  countCasesInput,
  createCaseInput,
  findDuplicatesInput,
  getCaseInput,
  listCasesInput,
  quickSearchInput,
  restrictCaseInput,
  updateCaseDetailsInput,
} from '../domain/inputs';
import {
  listIncomingMailInput,
  mailSettingsInput,
  sendLetterInput,
  triageMailInput,
  type IncomingMail,
  type MailImportResult,
  type MailSettingsView,
  type OutboxEntry,
} from '../domain/mail';
import { saveRootCauseCategoryInput, saveRootCauseInput } from '../domain/root-causes';
import { saveImprovementActionInput, type ImprovementAction, type OwnedImprovementAction } from '../domain/improvement-actions';
import type { RecurrenceReport } from '../domain/recurrence';
import { exportTableInput, printReportInput, reportFiltersSchema, type Dashboard } from '../domain/reports';
import { contactOffersInput, updateContactInput, type ContactField, type ContactOffer } from '../domain/contact-update';
import { auditTrailInput, type AuditTrailPage } from '../domain/audit-trail';
import { assignCasesInput, exportCasesInput, linkCasesInput, relatedCasesInput } from '../domain/case-list-inputs';
import { importCaseViewsInput, removeCaseViewInput, saveCaseViewInput, type SavedCaseView } from '../domain/case-views';
import {
  calendarSettingsSchema,
  complaintTypeInput,
  departmentsInput,
  organisationSchema,
  securitySettingsSchema,
  slaPolicySchema,
} from '../domain/settings-inputs';
import { webFormMappingInput } from '../domain/web-form';
import {
  changePasswordInput,
  joinTeamInput,
  setPasswordInput,
  setUpTeamInput,
  signInInput,
  staffInput,
  unlockInput,
  type SessionState,
} from '../identity/session-inputs';

/** A phantom value that carries a result or payload type in the table; never read at run time. */
function typed<T>(): T {
  return undefined as T;
}

export interface MethodSpec<Input extends z.ZodType = z.ZodType, Result = unknown> {
  readonly input: Input;
  readonly result: Result;
  readonly summary: string;
}

const emptyInput = z.object({}).strict();

export const apiMethods = {
  'app.info': {
    summary: 'Version, data directory and database status of the running main process.',
    input: emptyInput,
    result: typed<AppInfo>(),
  },
  'app.ping': {
    summary: 'Round trip through the API; echoes a short message.',
    input: z.object({ message: z.string().max(1000).optional() }).strict(),
    result: typed<PingResult>(),
  },
  'app.reportError': {
    summary: 'Records an error the renderer caught (uncaught exception, rejected promise, render error) in the log file.',
    input: z
      .object({
        source: z.enum(['window-error', 'unhandled-rejection', 'render']),
        message: z.string().min(1).max(10_000),
        stack: z.string().max(50_000).optional(),
        componentStack: z.string().max(50_000).optional(),
        url: z.string().max(2_000).optional(),
      })
      .strict(),
    result: typed<ReportErrorResult>(),
  },
  'session.current': {
    summary: 'Who is signed in on this device (or that nobody is, the app is locked, or the team is not set up yet).',
    input: emptyInput,
    result: typed<SessionState>(),
  },
  'session.signIn': {
    summary: "Signs in with a login and password, checked against this device's copy of the team directory (works offline).",
    input: signInInput,
    result: typed<SessionState>(),
  },
  'session.signOut': { summary: 'Signs out; the next person signs in.', input: emptyInput, result: typed<SessionState>() },
  'session.lock': {
    summary: 'Locks the app (idle, or on request); the signed-in person unlocks with their password.',
    input: emptyInput,
    result: typed<SessionState>(),
  },
  'session.unlock': { summary: "Unlocks with the signed-in person's password.", input: unlockInput, result: typed<SessionState>() },
  'session.activity': { summary: 'The person is using the app: the idle lock starts counting again.', input: emptyInput, result: typed<SessionState>() },
  'session.setUpTeam': {
    summary: 'First start: sets up a new team (the organisation, then the first administrator) and signs them in.',
    input: setUpTeamInput,
    result: typed<SessionState>(),
  },
  'session.joinTeam': {
    summary: "First start: joins a team's sync server; its directory is pulled, then the person signs in.",
    input: joinTeamInput,
    result: typed<SessionState>(),
  },
  'session.changePassword': { summary: "Changes the signed-in person's own password.", input: changePasswordInput, result: typed<SessionState>() },
  'cases.create': {
    summary: 'Creates a case from any channel; the SLA clock starts at receipt (P-3.2).',
    input: createCaseInput,
    result: typed<{ caseId: string; reference: string }>(),
  },
  'cases.get': { summary: 'One case with its timeline, the actions valid now and time taken (P-5.1).', input: getCaseInput, result: typed<CaseDetail>() },
  'cases.list': { summary: 'Cases matching filters and text search, sorted and paged.', input: listCasesInput, result: typed<CaseList>() },
  'cases.count': { summary: 'How many cases each named view (a set of filters) holds.', input: countCasesInput, result: typed<Record<string, number>>() },
  'cases.updateDetails': { summary: "Edits a case's details; every changed field is audited.", input: updateCaseDetailsInput, result: typed<CaseDetail>() },
  'cases.restrict': {
    summary: 'A manager restricts a case to named people, or lifts the restriction (P-7.1); audited on the timeline.',
    input: restrictCaseInput,
    result: typed<CaseDetail>(),
  },
  'cases.assign': { summary: 'Assigns a case to a staff member, or unassigns it.', input: assignCaseInput, result: typed<CaseDetail>() },
  'cases.assignMany': {
    summary: 'Issue 18: assigns many cases (or unassigns them) in one write, all or nothing; a timeline entry on each.',
    input: assignCasesInput,
    result: typed<{ assigned: number }>(),
  },
  'cases.export': {
    summary: 'Issue 18: the case list as shown (every matching row the caller may open, P-7.1) as CSV or XLSX; logged as an export (P-7.2).',
    input: exportCasesInput,
    result: typed<{ name: string; mimeType: string; dataBase64: string; rows: number }>(),
  },
  'cases.related': {
    summary: "Issue 18: the other cases of a case's complainant (same e-mail, phone, or name and postcode, or linked by hand) the caller may open.",
    input: relatedCasesInput,
    result: typed<RelatedCase[]>(),
  },
  'cases.link': {
    summary: 'Issue 18: links two cases of the same complainant, or removes the link; recorded on both timelines.',
    input: linkCasesInput,
    result: typed<RelatedCase[]>(),
  },
  'cases.act': { summary: 'Performs a workflow action (P-3, P-4, P-6) if the case allows it now.', input: actOnCaseInput, result: typed<CaseDetail>() },
  'cases.recordAcknowledgementByTelephone': {
    summary: 'Issue 17: an acknowledgement whose e-mail bounced was given by telephone; clears the flag and writes the timeline entry.',
    input: acknowledgementByTelephoneInput,
    result: typed<CaseDetail>(),
  },
  'cases.addNote': { summary: 'Adds an internal note to the timeline.', input: addNoteInput, result: typed<CaseDetail>() },
  'cases.addCommunication': { summary: 'Logs a communication in or out (channel, time, summary).', input: addCommunicationInput, result: typed<CaseDetail>() },
  'cases.quickSearch': {
    summary: 'Jump to a case by reference (check character validated) or by name.',
    input: quickSearchInput,
    result: typed<QuickSearchResult>(),
  },
  'cases.correspondence': {
    summary: 'New correspondence on a case: unread for its assignee, and what arrived on it closed and waits for a decision (issue 18).',
    input: caseCorrespondenceInput,
    result: typed<CaseCorrespondence>(),
  },
  'cases.markSeen': {
    summary: 'The reader opened the case: its new correspondence is no longer unread for them.',
    input: caseCorrespondenceInput,
    result: typed<CaseCorrespondence>(),
  },
  'cases.unread': {
    summary: 'The reader’s cases with correspondence they have not seen yet.',
    input: unreadCasesInput,
    result: typed<{ caseIds: string[] }>(),
  },
  'cases.decideCorrespondence': {
    summary: 'Reopen, escalate or no action (with a reason) for correspondence that arrived on a closed case.',
    input: decideCorrespondenceInput,
    result: typed<CaseDetail>(),
  },
  'cases.findDuplicates': { summary: 'Open cases of what may be the same complainant.', input: findDuplicatesInput, result: typed<CaseListItem[]>() },
  'cases.contactOffers': {
    summary:
      "Issue 18: open cases whose complainant the sender is (same e-mail, phone or customer number) and whose contact details differ from the sender's: which fields, never their values.",
    input: contactOffersInput,
    result: typed<ContactOffer[]>(),
  },
  'cases.auditTrail': {
    summary:
      'Issue 18: every timeline and audit entry of the cases the caller may see (who, what, when, which case), newest first, by person, kind and office days, paged (managers and administrators).',
    input: auditTrailInput,
    result: typed<AuditTrailPage>(),
  },
  'cases.updateContact': {
    summary: "Issue 18: the person confirmed: the case takes the sender's differing contact details; audited on its timeline, all or nothing.",
    input: updateContactInput,
    result: typed<{ fields: ContactField[] }>(),
  },
  'settings.get': {
    summary: 'Organisation, SLA policy, calendar, security, lists and staff accounts (never their password verifiers).',
    input: emptyInput,
    result: typed<SettingsSnapshot>(),
  },
  'settings.updateOrganisation': { summary: "The organisation's name and address (P-3.1).", input: organisationSchema, result: typed<SettingsSnapshot>() },
  'settings.updateSlaPolicy': {
    summary: 'Acknowledgement and resolution limits, warning lead, office hours.',
    input: slaPolicySchema,
    result: typed<SettingsSnapshot>(),
  },
  'settings.updateCalendar': {
    summary: 'Holiday region, time zone, working week, office closure days and extra working days (with notes); moves open deadlines.',
    input: calendarSettingsSchema,
    result: typed<SettingsSnapshot>(),
  },
  'settings.updateSecurity': { summary: 'How long the app may stay idle before it locks.', input: securitySettingsSchema, result: typed<SettingsSnapshot>() },
  'settings.updateWebFormMapping': {
    summary: 'Issue 17: which labels in a website form e-mail fill which complaint field (P-3.1); synced like the other settings.',
    input: webFormMappingInput,
    result: typed<SettingsSnapshot>(),
  },
  'settings.saveComplaintType': { summary: 'Adds, renames or retires a complaint type (P-2.2).', input: complaintTypeInput, result: typed<SettingsSnapshot>() },
  'settings.setDepartments': { summary: 'The departments a case can involve.', input: departmentsInput, result: typed<SettingsSnapshot>() },
  'staff.save': {
    summary: 'Adds or edits a staff account: name, login, roles, departments, active (administrators).',
    input: staffInput,
    result: typed<SettingsSnapshot>(),
  },
  'staff.setPassword': { summary: "Resets a staff account's password (administrators).", input: setPasswordInput, result: typed<SettingsSnapshot>() },
  'accessLog.query': {
    summary: 'P-7.2: the access log, filtered by person, case and days, for administrators.',
    input: accessLogQueryInput,
    result: typed<AccessLogEntry[]>(),
  },
  'accessLog.forCase': {
    summary: 'P-7.2: who has opened, printed or exported a case, for its managers.',
    input: caseAccessLogInput,
    result: typed<AccessLogEntry[]>(),
  },
  'protection.status': {
    summary: 'P-7.2: whether the database is encrypted at rest, whether the OS keychain holds its key, and its password and recovery slots.',
    input: emptyInput,
    result: typed<ProtectionStatus>(),
  },
  'protection.createRecoveryKey': {
    summary:
      'P-7.2: a new recovery key for the database (replacing any earlier one), shown once to the administrator, who confirms they have stored it; Plaint keeps no copy.',
    input: emptyInput,
    result: typed<RecoveryKeyResult>(),
  },
  'session.unlockWithRecoveryKey': {
    summary:
      "P-7.2: opens a locked database with the team's recovery key when the keychain and passwords cannot (a lost keychain, forgotten passwords), and re-wraps its key for this device's keychain; then someone signs in.",
    input: recoveryKeyInput,
    result: typed<SessionState>(),
  },
  'notifications.list': {
    summary: 'Recent deadline notifications for the person using this device, and how many are unread.',
    input: emptyInput,
    result: typed<NotificationCentre>(),
  },
  'notifications.markRead': {
    summary: 'Marks notifications read (the given ones, or all).',
    input: z
      .object({ ids: z.array(z.string().min(1).max(64)).max(500).optional(), all: z.boolean().optional() })
      .strict()
      .refine((value) => value.all === true || (value.ids?.length ?? 0) > 0, { message: 'Give ids or all: true', params: { code: 'ids_or_all' } }),
    result: typed<NotificationCentre>(),
  },
  'device.getPreferences': {
    summary: "This device's preferences (notification language, tray, quiet hours, file cache budget).",
    input: emptyInput,
    result: typed<DevicePreferencesView>(),
  },
  'device.setPreferences': {
    summary: "Changes this device's preferences.",
    input: z
      .object({
        language: z.enum(['en-GB', 'lv']).optional(),
        closeToTray: z.boolean().optional(),
        holdDuringQuietHours: z.boolean().optional(),
        fileCacheMegabytes: z.number().int().min(1).max(10_000_000).optional(),
      })
      .strict(),
    result: typed<DevicePreferencesView>(),
  },
  'post.logIncoming': {
    summary: 'Logs an incoming letter: creates the case, adds it to a case, records an escalation, or routes it elsewhere.',
    input: logIncomingLetterInput,
    result: typed<LetterRecord>(),
  },
  'post.undo': {
    summary: 'Undoes the last logged letter (and the case it created, if untouched since).',
    input: undoLetterInput,
    result: typed<LetterRecord>(),
  },
  'post.list': { summary: 'Letters in and out, for a case or a date range, or awaiting posting.', input: listLettersInput, result: typed<LetterRecord[]>() },
  'post.draftLetter': {
    summary: 'A letter template filled from the case and the organisation, for editing.',
    input: draftLetterInput,
    result: typed<{ text: string; dates: PromisedDates }>(),
  },
  'post.finaliseLetter': {
    summary: 'Renders the letter to PDF, saves it with the case (immutable) and records it in the timeline.',
    input: finaliseLetterInput,
    result: typed<LetterRecord>(),
  },
  'post.logPosting': { summary: 'Records when and how a finalised letter was posted.', input: logPostingInput, result: typed<LetterRecord>() },
  'post.logPostings': {
    summary: 'Issue 18: marks the letters of a batch print posted on one day by one class, all or nothing (each as post.logPosting would).',
    input: logPostingsInput,
    result: typed<LetterRecord[]>(),
  },
  'post.file': {
    summary: 'A scan or a generated letter PDF.',
    input: letterFileInput,
    result: typed<{ name: string; mimeType: string; dataBase64: string }>(),
  },
  'post.dayBook': {
    summary: 'The post in and out for a date range, as CSV or PDF.',
    input: dayBookInput,
    result: typed<{ name: string; mimeType: string; dataBase64: string; rows: DayBookRow[] }>(),
  },
  'post.templates': {
    summary: 'The outgoing letter templates in English and Latvian.',
    input: emptyInput,
    result: typed<Record<LetterTemplateId, Record<LetterLanguage, string>>>(),
  },
  'post.saveTemplate': {
    summary: 'Changes one outgoing letter template in one language.',
    input: letterTemplatesInput,
    result: typed<Record<LetterTemplateId, Record<LetterLanguage, string>>>(),
  },
  'sync.status': {
    summary: 'Offline, connecting, syncing (with pending changes), up to date (since when), or the problem.',
    input: emptyInput,
    result: typed<SyncStatus>(),
  },
  'sync.settings': { summary: "This device's sync settings (the password is never returned).", input: emptyInput, result: typed<SyncSettingsView>() },
  'sync.configure': {
    summary: 'Saves the server, database, user and password, and turns sync on or off.',
    input: syncSettingsInput,
    result: typed<SyncSettingsView>(),
  },
  'sync.now': { summary: 'Retries at once instead of waiting for the back-off.', input: emptyInput, result: typed<SyncStatus>() },
  'sync.quarantine': {
    summary: 'Documents this device refused from the server, with the reason (administrators only).',
    input: emptyInput,
    result: typed<QuarantineEntry[]>(),
  },
  'sync.prepareServer': {
    summary:
      "Installs the server guard (validate_doc_update) in each of the team's databases, with a CouchDB administrator's credentials used once (administrators only).",
    input: prepareServerInput,
    result: typed<ServerPreparation>(),
  },
  'caseViews.list': {
    summary: 'The case views saved by the person using this device, in the order they saved them.',
    input: emptyInput,
    result: typed<SavedCaseView[]>(),
  },
  'caseViews.save': {
    summary: "Saves a new case view, or new contents for one of the person's views; answers with the view and all of the person's views.",
    input: saveCaseViewInput,
    result: typed<{ view: SavedCaseView; views: SavedCaseView[] }>(),
  },
  'caseViews.remove': {
    summary: "Deletes one of the person's saved case views; answers with the views left.",
    input: removeCaseViewInput,
    result: typed<SavedCaseView[]>(),
  },
  'caseViews.import': {
    summary: 'Imports case views kept on this device by earlier versions, all or none; views already saved (same id) are left as they are.',
    input: importCaseViewsInput,
    result: typed<SavedCaseView[]>(),
  },
  'backup.status': {
    summary: "Issue 14: this device's backup folder, generations to keep, daily on or off, the last result and the generations in the folder (administrators).",
    input: emptyInput,
    result: typed<BackupView>(),
  },
  'backup.configure': {
    summary: 'Issue 14: sets the backup folder (it must exist and be writable), generations to keep and daily backups (administrators).',
    input: backupSettingsInput,
    result: typed<BackupView>(),
  },
  'backup.now': {
    summary: 'Issue 14: an online, verified backup of the whole database as a new generation; older ones beyond the number kept are deleted (administrators).',
    input: emptyInput,
    result: typed<BackupView>(),
  },
  'backup.restore': {
    summary:
      'Issue 14: restores a backup generation into a new, empty profile folder, verified against its manifest (integrity, counts, hashes); never over the open profile (administrators).',
    input: restoreBackupInput,
    result: typed<RestoreOutcome>(),
  },
  'people.find': {
    summary:
      'Issue 14, subject access: the cases and letters that may concern a person, by name, e-mail, phone or postcode (accents and case ignored), for review; only cases the caller may open (P-7.1; administrators).',
    input: findPersonInput,
    result: typed<PersonSearchResult>(),
  },
  'people.review': {
    summary:
      'Issue 14, subject access: every entry an export of the selected cases and letters would hold (timelines, letters, files), in words, for the administrator to withhold what concerns others; logged as opening those cases (P-7.1, P-7.2; administrators).',
    input: reviewSubjectAccessInput,
    result: typed<SubjectAccessReview>(),
  },
  'people.export': {
    summary:
      'Issue 14, subject access: writes one zip archive (PDF summary, original letters and scans, JSON of every record) to the path given, with the withheld entries listed by reason only; all or nothing, and written to the access log (administrators).',
    input: exportSubjectAccessInput,
    result: typed<SubjectAccessExportResult>(),
  },
  'people.chooseArchive': {
    summary:
      "Issue 14, subject access: the app's save dialog for the export archive (.zip); in the browser harness there is none and the path is typed (administrators).",
    input: chooseArchiveInput,
    result: typed<ArchiveChoice>(),
  },
  'retention.status': {
    summary:
      'Issue 14, P-7.2: the retention policy per outcome, the closed cases past it that the caller may open (for approval), and the last daily check (administrators).',
    input: emptyInput,
    result: typed<RetentionView>(),
  },
  'retention.setPolicy': {
    summary: 'Issue 14: sets the years a closed case keeps personal data, per final outcome (administrators).',
    input: retentionPolicySchema,
    result: typed<RetentionView>(),
  },
  'retention.approve': {
    summary:
      'Issue 14: anonymises the chosen cases past retention on every device (through sync), all or none, and records it in the erasure register (administrators).',
    input: approveRetentionInput,
    result: typed<ErasureRecord>(),
  },
  'erasure.erase': {
    summary:
      'Issue 14, erasure on request: anonymises the chosen cases and erases the chosen letters with their scans, all or none, with a reason that names nobody; recorded in the erasure register (administrators).',
    input: eraseInput,
    result: typed<ErasureRecord>(),
  },
  'erasure.cleanServer': {
    summary:
      "Issue 14: after an erasure, compacts the team server's databases (old revisions lose their bodies) and purges deleted file documents where the server has _purge, with a CouchDB administrator's credentials used once (administrators).",
    input: cleanServerInput,
    result: typed<ServerCleaning>(),
  },
  'erasure.register': {
    summary: 'Issue 14: the erasure register, newest first: who, when, why and how many records; none of the erased data (administrators).',
    input: emptyInput,
    result: typed<ErasureRecord[]>(),
  },
  'reports.dashboard': {
    summary:
      'Issue 16, P-5.1, P-5.2: volume, backlog, deadlines met, time taken, outcomes and workload for a date range and filters; every figure with the ids of its cases.',
    input: reportFiltersSchema,
    result: typed<Dashboard>(),
  },
  'reports.exportTable': {
    summary: 'A table of the dashboard as CSV, safe to open in a spreadsheet.',
    input: exportTableInput,
    result: typed<{ name: string; mimeType: string; dataBase64: string }>(),
  },
  'mail.settings': {
    summary: "Issue 17: this device's connection to the team mailbox, or null before it is set up (the password is never returned; administrators).",
    input: emptyInput,
    result: typed<MailSettingsView | null>(),
  },
  'mail.configure': {
    summary:
      'Issue 17: saves the IMAP and SMTP servers, account, folders and password of the team mailbox; TLS unless the server is on this computer (administrators).',
    input: mailSettingsInput,
    result: typed<MailSettingsView | null>(),
  },
  'mail.fetch': {
    summary: 'Issue 17: imports the new messages of the team mailbox and moves the triaged ones to the processed folder; says what it refused and why.',
    input: emptyInput,
    result: typed<MailImportResult>(),
  },
  'mail.list': {
    summary: 'Issue 17: the incoming-e-mail register: imported messages with the case a reference in them matches, untriaged or all.',
    input: listIncomingMailInput,
    result: typed<IncomingMail[]>(),
  },
  'mail.triage': {
    summary: 'Issue 17: triages an e-mail: a new complaint (P-3.2), about an existing case, an escalation request (P-4.2) or not a complaint.',
    input: triageMailInput,
    result: typed<IncomingMail>(),
  },
  'mail.send': {
    summary:
      'Issue 17: queues a finalised letter as an e-mail to the complainant (its text, the PDF attached, [Ref …] in the subject) and sends what is queued; sending an acknowledgement acknowledges the case (P-3.2).',
    input: sendLetterInput,
    result: typed<OutboxEntry>(),
  },
  'mail.outbox': { summary: "Issue 17: this device's outbox: queued, sending, sent and refused e-mails.", input: emptyInput, result: typed<OutboxEntry[]>() },
  'mail.sendQueued': {
    summary: 'Issue 17: sends what is queued (after an outage); an entry that may have gone out is first looked up in the Sent folder.',
    input: emptyInput,
    result: typed<OutboxEntry[]>(),
  },
  'settings.saveRootCauseCategory': {
    summary: 'Issue 16, P-5.3: adds, renames or retires a root-cause category (retired ones stay readable on old cases).',
    input: saveRootCauseCategoryInput,
    result: typed<SettingsSnapshot>(),
  },
  'settings.saveRootCause': {
    summary: 'Issue 16, P-5.3: adds, renames or retires a root cause within its category.',
    input: saveRootCauseInput,
    result: typed<SettingsSnapshot>(),
  },
  'improvementActions.list': {
    summary: 'Issue 16, P-5.3: every improvement action (title, owner, due day, status, root causes, lessons learned).',
    input: emptyInput,
    result: typed<ImprovementAction[]>(),
  },
  'improvementActions.save': {
    summary: 'Issue 16, P-5.3: creates an improvement action, or changes one (by its id).',
    input: saveImprovementActionInput,
    result: typed<ImprovementAction>(),
  },
  'improvementActions.mine': {
    summary: "Issue 16, P-5.3: the signed-in person's open improvement actions that are due within a week or overdue.",
    input: emptyInput,
    result: typed<OwnedImprovementAction[]>(),
  },
  'reports.recurrence': {
    summary:
      'Issue 16, P-5.3: per root cause of each completed improvement action, complaints before and after its completion over equal periods, and whether recurrence fell, rose or cannot be told yet.',
    input: emptyInput,
    result: typed<RecurrenceReport>(),
  },
  'reports.printPdf': {
    summary:
      "Issue 16: the printable monthly report now shown in the app's window as an A4 PDF (Electron's printToPDF, with the print CSS); refused with pdf_not_available where Electron does not run.",
    input: printReportInput,
    result: typed<{ name: string; mimeType: string; dataBase64: string }>(),
  },
  'reports.exportTableXlsx': {
    summary: 'A table of the dashboard as an XLSX workbook (exceljs; counts as numbers, text never a formula).',
    input: exportTableInput,
    result: typed<{ name: string; mimeType: string; dataBase64: string }>(),
  },
} as const satisfies { readonly [M in ApiMethodName]: MethodSpec };

export const apiEvents = {
  'app.status': typed<AppStatus>(),
  /** Cases changed (locally, in another window, or by sync): lists and open cases reload. */
  'cases.changed': typed<{ readonly caseIds: readonly string[] }>(),
  'settings.changed': typed<Record<string, never>>(),
  'notifications.changed': typed<{ readonly unread: number }>(),
  /** The main process asks the window to show a place (a clicked desktop notification, the tray menu). */
  'app.navigate': typed<{ readonly path: string }>(),
  'letters.changed': typed<Record<string, never>>(),
  'sync.status': typed<SyncStatus>(),
  /** Saved case views changed (here, or arriving by sync): the view lists reload. */
  'caseViews.changed': typed<Record<string, never>>(),
  /** Signed in, out, locked or unlocked: the window shows the sign-in or lock screen, or the app. */
  'session.changed': typed<SessionState>(),
} as const satisfies { readonly [E in ApiEventName]: unknown };

type Methods = typeof apiMethods;

/** What the renderer passes (before defaults and coercion). */
export type ApiInput<M extends ApiMethodName> = z.input<Methods[M]['input']>;
/** What a main-process handler receives (after validation). */
export type ApiParsedInput<M extends ApiMethodName> = z.output<Methods[M]['input']>;
export type ApiResult<M extends ApiMethodName> = Methods[M]['result'];
export type ApiEventPayload<E extends ApiEventName> = (typeof apiEvents)[E];
