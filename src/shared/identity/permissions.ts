/**
 * The one permission table (P-7.1, P-7.2): every API method of the contract × role, and every
 * workflow action × role (the `roles` of each entry in the workflow table). The main process's
 * dispatcher checks it on every call, deny by default; the renderer shows only what it permits,
 * with the same `can`. The per-case need-to-know predicate sits beside it (visibility).
 *
 * - clerk: the post room in and out, creates cases from letters, sees a case's reference,
 *   complainant name and status to attach post (quick search, duplicates); no notes, details or
 *   timeline.
 * - caseworker: works cases.
 * - manager: all cases, assignment, extensions, reopening, reports (the day book, the dashboard).
 * - administrator: settings, calendar, staff, sync, letter templates, retention and erasure;
 *   reads cases, works none unless they also hold a case role.
 */
import type { ApiMethodName } from '../api/names';
import type { StaffRole } from '../domain/vocabulary';
import { CASE_WORKFLOW } from '../domain/workflow/workflow-table';
import type { CaseAction } from '../domain/workflow/action-inputs';
import type { Viewer } from './viewer';

/**
 * - 'signed-out': anyone, signed in or not (app.* and the session's own methods);
 * - 'signed-in': anyone signed in, whatever their roles;
 * - a list of roles: holders of any of them.
 */
export type MethodAccess = 'signed-out' | 'signed-in' | readonly StaffRole[];

const POST_ROOM: readonly StaffRole[] = ['clerk', 'caseworker', 'manager'];
const CASE_WORK: readonly StaffRole[] = ['caseworker', 'manager'];
const CASE_READING: readonly StaffRole[] = ['caseworker', 'manager', 'administrator'];
const ADMINISTRATION: readonly StaffRole[] = ['administrator'];
const REPORTING: readonly StaffRole[] = ['manager', 'administrator'];

export const METHOD_PERMISSIONS: { readonly [M in ApiMethodName]: MethodAccess } = {
  'app.info': 'signed-out',
  'app.ping': 'signed-out',
  'app.reportError': 'signed-out',
  'session.current': 'signed-out',
  'session.signIn': 'signed-out',
  'session.signOut': 'signed-out',
  'session.lock': 'signed-out',
  'session.unlock': 'signed-out',
  'session.activity': 'signed-out',
  'session.setUpTeam': 'signed-out',
  'session.joinTeam': 'signed-out',
  'session.changePassword': 'signed-in',
  // P-7.2: the start screen of a locked database, before anyone can sign in.
  'session.unlockWithRecoveryKey': 'signed-out',
  'cases.create': POST_ROOM,
  'cases.get': CASE_READING,
  'cases.list': CASE_READING,
  'cases.count': CASE_READING,
  'cases.updateDetails': CASE_WORK,
  'cases.assign': ['manager'],
  'cases.assignMany': ['manager'],
  'cases.export': CASE_READING,
  'cases.related': CASE_READING,
  'cases.link': CASE_WORK,
  // P-7.1: managers narrow a case to named people (need-to-know checks they may open it).
  'cases.restrict': ['manager'],
  // Issue 18: new correspondence on a case; deciding is case work (the service checks assignee or manager).
  'cases.correspondence': CASE_READING,
  'cases.markSeen': CASE_READING,
  'cases.unread': CASE_READING,
  'cases.decideCorrespondence': CASE_WORK,
  // P-7.2: administrators read the access log; a case's managers see who has seen it.
  'accessLog.query': ADMINISTRATION,
  'accessLog.forCase': ['manager', 'administrator'],
  'protection.status': ADMINISTRATION,
  'protection.createRecoveryKey': ADMINISTRATION,
  'cases.act': CASE_WORK,
  'cases.addNote': CASE_WORK,
  'cases.recordAcknowledgementByTelephone': CASE_WORK,
  'cases.addCommunication': CASE_WORK,
  'cases.quickSearch': ['clerk', 'caseworker', 'manager', 'administrator'],
  'cases.findDuplicates': POST_ROOM,
  // Issue 18: whoever logs a letter or a complaint is offered, and may confirm, the sender's new contact details for their existing case.
  'cases.contactOffers': POST_ROOM,
  'cases.updateContact': POST_ROOM,
  // Issue 18: the organisation-wide audit view is for managers and administrators (need-to-know still applies, P-7.1).
  'cases.auditTrail': REPORTING,
  'settings.get': 'signed-in',
  'settings.updateOrganisation': ADMINISTRATION,
  'settings.updateSlaPolicy': ADMINISTRATION,
  'settings.updateCalendar': ADMINISTRATION,
  'settings.updateSecurity': ADMINISTRATION,
  // Issue 17: how website form e-mails pre-fill a complaint, a team setting.
  'settings.updateWebFormMapping': ADMINISTRATION,
  'settings.saveComplaintType': ADMINISTRATION,
  'settings.setDepartments': ADMINISTRATION,
  'staff.save': ADMINISTRATION,
  'staff.setPassword': ADMINISTRATION,
  'notifications.list': 'signed-in',
  'notifications.markRead': 'signed-in',
  'device.getPreferences': 'signed-in',
  'device.setPreferences': 'signed-in',
  'post.logIncoming': POST_ROOM,
  'post.undo': POST_ROOM,
  'post.list': POST_ROOM,
  'post.draftLetter': CASE_WORK,
  'post.finaliseLetter': CASE_WORK,
  'post.logPosting': POST_ROOM,
  'post.logPostings': POST_ROOM,
  'post.file': POST_ROOM,
  'post.dayBook': ['clerk', 'manager'],
  'post.templates': [...CASE_WORK, 'administrator'],
  'post.saveTemplate': ADMINISTRATION,
  'sync.status': 'signed-in',
  'sync.settings': ADMINISTRATION,
  'sync.configure': ADMINISTRATION,
  'sync.now': 'signed-in',
  'sync.quarantine': ADMINISTRATION,
  'sync.prepareServer': ADMINISTRATION,
  'caseViews.list': CASE_READING,
  'caseViews.save': CASE_READING,
  'caseViews.remove': CASE_READING,
  'caseViews.import': CASE_READING,
  // Issue 14 (P-7.2): a backup holds every case of the team; only administrators take or restore one.
  'backup.status': ADMINISTRATION,
  'backup.configure': ADMINISTRATION,
  'backup.now': ADMINISTRATION,
  'backup.restore': ADMINISTRATION,
  // Issue 14 (P-7.2): finding everything about a person is for subject-access and erasure requests.
  'people.find': ADMINISTRATION,
  // Issue 14 (P-7.2): a subject-access export holds everything about a person; administrators review and export it.
  'people.review': ADMINISTRATION,
  'people.export': ADMINISTRATION,
  'people.chooseArchive': ADMINISTRATION,
  // Issue 14 (P-7.2): retention and erasure change what the whole team keeps: administrators only.
  'retention.status': ADMINISTRATION,
  'retention.setPolicy': ADMINISTRATION,
  'retention.approve': ADMINISTRATION,
  'erasure.erase': ADMINISTRATION,
  'erasure.cleanServer': ADMINISTRATION,
  'erasure.register': ADMINISTRATION,
  // Issue 16: reports are for managers and administrators (counting only the cases each may see, P-7.1).
  'reports.dashboard': REPORTING,
  'reports.exportTable': REPORTING,
  // Issue 17: the mailbox is set up by administrators; the e-mail register is the post room's.
  'mail.settings': ADMINISTRATION,
  'mail.configure': ADMINISTRATION,
  'mail.fetch': POST_ROOM,
  'mail.list': POST_ROOM,
  'mail.triage': POST_ROOM,
  // Letters are written by those who work cases; so they are sent by e-mail.
  'mail.send': CASE_WORK,
  'mail.outbox': CASE_WORK,
  'mail.sendQueued': CASE_WORK,
  // Issue 16, P-5.3: administrators keep the root-cause taxonomy; managers and administrators plan
  // improvement actions and read whether they worked; anyone signed in sees the actions they own.
  'settings.saveRootCauseCategory': ADMINISTRATION,
  'settings.saveRootCause': ADMINISTRATION,
  'improvementActions.list': REPORTING,
  'improvementActions.save': REPORTING,
  'improvementActions.mine': 'signed-in',
  'reports.recurrence': REPORTING,
  'reports.exportTableXlsx': REPORTING,
  'reports.printPdf': REPORTING,
};

/** Whether the method may be called by this viewer (null: nobody signed in, or locked). */
export function can(viewer: Viewer | null, method: ApiMethodName): boolean {
  const access: MethodAccess | undefined = METHOD_PERMISSIONS[method];
  if (access === undefined) return false;
  if (access === 'signed-out') return true;
  if (viewer === null) return false;
  if (access === 'signed-in') return true;
  return viewer.roles.some((role) => access.includes(role));
}

/** Whether the viewer may perform the workflow action (the workflow table's `roles`). */
export function canAct(viewer: Viewer | null, action: CaseAction): boolean {
  const entry = CASE_WORKFLOW[action] as { readonly roles?: readonly StaffRole[] } | undefined;
  return viewer !== null && entry?.roles !== undefined && viewer.roles.some((role) => entry.roles?.includes(role));
}

/** Why a call is refused, or null when it may go ahead. */
export function refusal(viewer: Viewer | null, method: ApiMethodName): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  if (can(viewer, method)) return null;
  return viewer === null ? 'UNAUTHENTICATED' : 'FORBIDDEN';
}
