/**
 * The RxDB collections of the complaint domain: schemas, indexes, versions and, for the coming
 * sync between devices, each collection's conflict policy.
 *
 * - cases: one document per complaint. Conflict policy: field-level merge, where edits to
 *   different fields both survive and the same field follows a stated rule with the losing value
 *   kept in the timeline (sync issue). Fields used in list filters and sorts are indexed.
 * - timeline: append-only entries (communications, notes, inquiries, extensions, transitions and
 *   the audit trail). Never updated, so they never conflict.
 * - settings: one document per settings area (organisation, SLA policy, calendar, complaint types,
 *   departments). Conflict policy: last writer wins per document, audited.
 * - staff: staff accounts (the team directory). Conflict policy: last writer wins per document.
 * Device-local state ("who am I", the device's reference sequence) lives in RxDB local documents,
 * which are never replicated.
 * All ids are random UUIDs and all times ISO 8601 UTC strings: nothing depends on one device.
 */
import type { RxCollection, RxConflictHandler, RxDatabase } from 'rxdb';
import {
  caseRecordSchema,
  settingsDocumentSchema,
  staffMemberSchema,
  timelineEntrySchema,
  type CaseRecord,
  type SettingsDocument,
  type StaffMember,
  type TimelineEntry,
} from '../../shared/domain/records';
import { storedSchemaOf } from '../database/stored-schema';
import type { FieldVersions } from './field-versions';

/** Far future for "no running deadline", so such cases sort after every running deadline. */
export const NO_DEADLINE = 4_102_444_800_000; // 2100-01-01

/** RxDB's width for an indexed ISO 8601 time. */
const isoTime = { maxLength: 30 } as const;
const millis = { type: 'number', minimum: 0, maximum: NO_DEADLINE, multipleOf: 1 } as const;

export type CaseDocument = CaseRecord & {
  assigneeName: string;
  /** When and by whom each conflict group last changed (case-field-groups.ts); absent groups date from creation. */
  fieldVersions?: FieldVersions;
};

/** The fields from the case record (shared/domain/records/case-record.ts); RxDB's additions here. */
export const caseSchema = storedSchemaOf<CaseDocument>(caseRecordSchema, {
  title: 'complaint case',
  // 1: fieldVersions, for merging concurrent edits from other devices.
  // 2: restricted and restrictedTo, the need-to-know restriction (P-7.1).
  // 3: rootCauseId, the structured root cause; the free-text rootCause becomes rootCauseNote (P-5.3).
  version: 3,
  primaryKey: 'id',
  nested: ['complainant', 'loggedBy', 'updatedBy'],
  fields: {
    id: { maxLength: 64 },
    reference: { maxLength: 20 },
    complainant: { properties: { name: { maxLength: 200 } }, required: ['kind', 'name', 'email', 'phone', 'preferredChannel'] },
    complainantSortName: { maxLength: 200 },
    channel: { maxLength: 20 },
    receivedAt: isoTime,
    loggedAt: isoTime,
    type: { maxLength: 40 },
    summary: { minLength: 1 },
    stage: { type: 'integer', minimum: 1, maximum: 2, multipleOf: 1 },
    status: { maxLength: 40 },
    assigneeId: { maxLength: 64 },
    assigneeName: { maxLength: 200 },
    nextDueAt: millis,
    nextWarnAt: millis,
    rootCauseId: { maxLength: 64 },
    createdAt: isoTime,
    updatedAt: isoTime,
  },
  required: [
    'id',
    'reference',
    'complainant',
    'complainantSortName',
    'channel',
    'receivedAt',
    'loggedAt',
    'loggedBy',
    'type',
    'summary',
    'stage',
    'status',
    'open',
    'assigneeId',
    'assigneeName',
    'restricted',
    'restrictedTo',
    'clock',
    'deadlines',
    'nextDueAt',
    'nextWarnAt',
    'createdAt',
    'updatedAt',
    'updatedBy',
  ],
  indexes: [
    'reference',
    ['open', 'nextDueAt'],
    ['assigneeId', 'open', 'nextDueAt'],
    ['status', 'receivedAt'],
    'receivedAt',
    'complainantSortName',
    ['stage', 'open', 'receivedAt'],
    ['type', 'receivedAt'],
    ['channel', 'receivedAt'],
    ['assigneeName', 'receivedAt'],
  ],
});

/** Every kind's fields from the timeline record (shared/domain/records/timeline-entry.ts); `data` is stored bare, its shape checked per kind by the record. */
export const timelineSchema = storedSchemaOf<TimelineEntry>(timelineEntrySchema, {
  title: 'case timeline entry',
  version: 0,
  primaryKey: 'id',
  nested: ['by'],
  fields: {
    id: { maxLength: 64 },
    caseId: { maxLength: 64 },
    kind: { maxLength: 30 },
    at: isoTime,
    recordedAt: isoTime,
    order: { minimum: 0, maximum: 1000, multipleOf: 1 },
  },
  required: ['id', 'caseId', 'kind', 'at', 'recordedAt', 'order', 'by', 'data'],
  indexes: [['caseId', 'at', 'recordedAt']],
});

export type { SettingsDocument };

/** `value.data` holds the area's value (an object or a list), checked per area by the settings record. */
export const settingsSchema = storedSchemaOf<SettingsDocument>(settingsDocumentSchema, {
  title: 'settings area',
  version: 0,
  primaryKey: 'id',
  nested: ['value', 'updatedBy'],
  fields: { id: { maxLength: 40 }, updatedAt: isoTime },
  required: ['id', 'value', 'updatedAt', 'updatedBy'],
});

/** The verifier's shape is checked by the staff record's passwordVerifierSchema. */
export const staffSchema = storedSchemaOf<StaffMember>(staffMemberSchema, {
  title: 'staff account',
  version: 1,
  primaryKey: 'id',
  fields: { id: { maxLength: 64 }, name: { maxLength: 200 }, login: { maxLength: 64 }, createdAt: isoTime },
  required: ['id', 'name', 'email', 'login', 'roles', 'departments', 'active', 'createdAt', 'password'],
});

/**
 * Version 1 turns staff profiles into accounts: the one role becomes a list, no login and no
 * password yet (the profile keeps its id, so every history entry naming it stays valid).
 */
const STAFF_MIGRATIONS = {
  1: (document: Record<string, unknown>): StaffMember => {
    const { role, ...rest } = document as Record<string, unknown> & { role?: unknown };
    return {
      ...(rest as Omit<StaffMember, 'login' | 'roles' | 'departments' | 'password'>),
      login: '',
      roles: typeof role === 'string' ? [role as StaffMember['roles'][number]] : [],
      departments: [],
      password: null,
    };
  },
};

/**
 * Version 1 adds fieldVersions: existing cases start with none (every group dates from creation).
 * Version 2 adds the restriction (P-7.1): existing cases are not restricted.
 * Version 3 (issue 16, P-5.3): the free-text root cause becomes the note beside a structured cause;
 * no case has a structured cause yet (nobody chose one), so old cases count under none.
 */
export const CASE_MIGRATIONS = {
  1: (document: CaseDocument): CaseDocument => ({ ...document, fieldVersions: {} }),
  2: (document: CaseDocument): CaseDocument => ({ ...document, restricted: false, restrictedTo: [] }),
  3: (document: CaseDocument & { rootCause?: unknown }): CaseDocument => {
    const { rootCause, ...rest } = document;
    return { ...rest, rootCauseId: null, rootCauseNote: typeof rootCause === 'string' ? rootCause : '' };
  },
};

export interface DomainCollections {
  cases: RxCollection<CaseDocument>;
  timeline: RxCollection<TimelineEntry>;
  settings: RxCollection<SettingsDocument>;
  staff: RxCollection<StaffMember>;
}

export type DomainDatabase = RxDatabase<DomainCollections>;

/** Each shared collection's conflict handler for sync (sync/conflict-handlers.ts); RxDB's default otherwise. */
export type ConflictHandlerFor = <T>(collection: string) => RxConflictHandler<T> | undefined;

export function withConflictHandler<T>(name: string, handlerFor: ConflictHandlerFor | undefined): { conflictHandler?: RxConflictHandler<T> } {
  const handler = handlerFor?.<T>(name);
  return handler ? { conflictHandler: handler } : {};
}

export async function addDomainCollections(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<DomainDatabase> {
  await database.addCollections({
    cases: { schema: caseSchema, migrationStrategies: CASE_MIGRATIONS, ...withConflictHandler<CaseDocument>('cases', handlerFor) },
    timeline: { schema: timelineSchema, ...withConflictHandler<TimelineEntry>('timeline', handlerFor) },
    settings: { schema: settingsSchema, ...withConflictHandler<SettingsDocument>('settings', handlerFor) },
    staff: { schema: staffSchema, migrationStrategies: STAFF_MIGRATIONS, ...withConflictHandler<StaffMember>('staff', handlerFor) },
  });
  return database as unknown as DomainDatabase;
}

/** The text a case is found by (reference, names, summary, description): the full-text index. */
export function caseSearchText(document: Partial<CaseDocument>): string {
  const reference = document.reference ?? '';
  const phoneDigits = (document.complainant?.phone ?? '').replace(/\D/g, '');
  return [
    reference,
    reference.replaceAll('-', ''),
    document.complainant?.name,
    document.complainant?.email,
    // Whole digits and the last nine, so "+44 20 7946 0000" and "020 7946 0000" meet.
    phoneDigits,
    phoneDigits.slice(-9),
    document.complainant?.customerNumber,
    document.complainant?.orderNumber,
    document.summary,
    document.description,
  ]
    .filter(Boolean)
    .join('\n');
}
