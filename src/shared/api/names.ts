/**
 * The names of every request method and event channel of the main↔renderer API.
 *
 * Kept apart from the schemas so the preload script (which must stay a tiny self-contained
 * CommonJS file) can check names without bundling the schema library. `contract.ts` keys its
 * tables by these unions, so the compiler rejects a name that is missing on either side.
 */
export const API_METHODS = [
  'app.info',
  'app.ping',
  'app.reportError',
  'session.current',
  'session.signIn',
  'session.signOut',
  'session.lock',
  'session.unlock',
  'session.activity',
  'session.setUpTeam',
  'session.joinTeam',
  'session.changePassword',
  'cases.create',
  'cases.get',
  'cases.list',
  'cases.count',
  'cases.updateDetails',
  'cases.assign',
  'cases.assignMany',
  'cases.export',
  'cases.related',
  'cases.link',
  'cases.act',
  'cases.addNote',
  'cases.addCommunication',
  'cases.quickSearch',
  'cases.findDuplicates',
  'cases.contactOffers',
  'cases.updateContact',
  'cases.auditTrail',
  'cases.restrict',
  'cases.correspondence',
  'cases.markSeen',
  'cases.unread',
  'cases.decideCorrespondence',
  'settings.get',
  'settings.updateOrganisation',
  'settings.updateSlaPolicy',
  'settings.updateCalendar',
  'settings.updateSecurity',
  'settings.saveComplaintType',
  'settings.setDepartments',
  'staff.save',
  'staff.setPassword',
  'accessLog.query',
  'accessLog.forCase',
  'protection.status',
  'protection.createRecoveryKey',
  'notifications.list',
  'notifications.markRead',
  'device.getPreferences',
  'device.setPreferences',
  'post.logIncoming',
  'post.undo',
  'post.list',
  'post.draftLetter',
  'post.finaliseLetter',
  'post.logPosting',
  'post.file',
  'post.dayBook',
  'post.templates',
  'post.saveTemplate',
  'sync.status',
  'sync.settings',
  'sync.configure',
  'sync.now',
  'sync.quarantine',
  'sync.prepareServer',
  'caseViews.list',
  'caseViews.save',
  'caseViews.remove',
  'caseViews.import',
  'backup.status',
  'backup.configure',
  'backup.now',
  'backup.restore',
  'people.find',
  'people.review',
  'people.export',
  'people.chooseArchive',
  'retention.status',
  'retention.setPolicy',
  'retention.approve',
  'erasure.erase',
  'erasure.cleanServer',
  'erasure.register',
  'reports.dashboard',
  'reports.exportTable',
  'mail.settings',
  'mail.configure',
  'mail.fetch',
  'mail.list',
  'mail.triage',
  'mail.send',
  'mail.outbox',
  'mail.sendQueued',
  'settings.saveRootCauseCategory',
  'settings.saveRootCause',
  'improvementActions.list',
  'improvementActions.save',
  'improvementActions.mine',
  'reports.recurrence',
  'reports.exportTableXlsx',
  'reports.printPdf',
] as const;

export const API_EVENTS = ['app.status', 'cases.changed', 'settings.changed', 'notifications.changed', 'app.navigate', 'letters.changed', 'sync.status', 'caseViews.changed', 'session.changed'] as const;

export type ApiMethodName = (typeof API_METHODS)[number];
export type ApiEventName = (typeof API_EVENTS)[number];

const methodSet: ReadonlySet<string> = new Set(API_METHODS);
const eventSet: ReadonlySet<string> = new Set(API_EVENTS);

export function isApiMethodName(value: unknown): value is ApiMethodName {
  return typeof value === 'string' && methodSet.has(value);
}

export function isApiEventName(value: unknown): value is ApiEventName {
  return typeof value === 'string' && eventSet.has(value);
}
