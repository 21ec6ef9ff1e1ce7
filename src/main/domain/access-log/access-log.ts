/**
 * The access log (P-7.2): an append-only, replicated collection of who opened, printed or
 * exported which case, and when. Entries are only ever inserted: inbound sync refuses edits and
 * deletions (sync/inbound/inbound-rules.ts). Opening the same case again within a few minutes
 * (the renderer re-reads a case it shows whenever it changes) is one visit, logged once.
 */
import type { RxCollection, RxDatabase, MangoQuerySelector } from 'rxdb';
import { accessLogRecordSchema } from '@shared/domain/records';
import { storedSchemaOf } from '../../database/stored-schema';
import type { z } from 'zod';
import { addDays, format } from 'date-fns';
import type { AccessAction, AccessLogEntry, accessLogQueryInput } from '@shared/domain/access-log';
import { DomainError } from '@shared/domain/domain-error';
import { canOpenCase } from '@shared/identity/case-access';
import type { Viewer } from '@shared/identity/viewer';
import { officeInstant, type WorkingCalendar } from '@shared/sla';
import { newId, type Clock } from '../clock';
import { withConflictHandler, type ConflictHandlerFor, type DomainDatabase } from '../collections';
import { caseForbidden } from '../case-visibility';

const isoTime = { maxLength: 30 } as const;

/** The fields from the access log record (shared/domain/records/access-log-entry.ts); RxDB's additions here. */
const accessLogSchema = storedSchemaOf<AccessLogEntry>(accessLogRecordSchema, {
  title: 'case access log entry',
  version: 0,
  primaryKey: 'id',
  fields: {
    id: { maxLength: 64 },
    at: isoTime,
    accountId: { maxLength: 64 },
    name: { maxLength: 200 },
    action: { maxLength: 20 },
    caseId: { maxLength: 64 },
    caseReference: { maxLength: 20 },
    detail: { maxLength: 300 },
  },
  required: ['id', 'at', 'accountId', 'name', 'action', 'caseId', 'caseReference', 'detail'],
  indexes: [['caseId', 'at'], ['accountId', 'at'], 'at'],
});

export type AccessLogCollection = RxCollection<AccessLogEntry>;

export async function addAccessLogCollection(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<AccessLogCollection> {
  const { accessLog } = await database.addCollections({
    accessLog: { schema: accessLogSchema, ...withConflictHandler<AccessLogEntry>('accessLog', handlerFor) },
  });
  return accessLog;
}

/** One visit: the same person opening the same case again within this time is not logged again. */
export const VISIT_MS = 10 * 60_000;

export interface AccessedCase {
  readonly id: string;
  readonly reference: string;
}

export class AccessLog {
  constructor(
    private readonly log: AccessLogCollection,
    private readonly db: DomainDatabase,
    private readonly calendar: () => Promise<WorkingCalendar>,
    private readonly clock: Clock,
  ) {}

  /** Logs that the viewer accessed these cases. A missing viewer cannot have read anything. */
  async record(viewer: Viewer | null | undefined, action: AccessAction, cases: readonly AccessedCase[], detail = ''): Promise<void> {
    if (!viewer || cases.length === 0) return;
    const now = this.clock.now();
    let accessed = cases;
    if (action === 'opened') {
      const since = new Date(now.getTime() - VISIT_MS).toISOString();
      const recent = await this.log
        .find({ selector: { accountId: viewer.accountId, at: { $gte: since }, action: 'opened', caseId: { $in: cases.map((item) => item.id) } } })
        .exec();
      const seen = new Set(recent.map((entry) => entry.caseId));
      accessed = cases.filter((item) => !seen.has(item.id));
    }
    if (accessed.length === 0) return;
    const at = now.toISOString();
    await this.log.bulkInsert(
      accessed.map((item) => ({
        id: newId(),
        at,
        accountId: viewer.accountId,
        name: viewer.name.slice(0, 200),
        action,
        caseId: item.id,
        caseReference: item.reference,
        detail: detail.slice(0, 300),
      })),
    );
  }

  /** Logs an export by the references it holds (the day book names cases by reference). */
  async recordExport(viewer: Viewer | null | undefined, references: readonly string[], detail: string): Promise<void> {
    const unique = [...new Set(references.filter(Boolean))];
    if (unique.length === 0) return;
    const cases = await this.db.cases.find({ selector: { reference: { $in: unique } } }).exec();
    await this.record(
      viewer,
      'exported',
      cases.map((item) => ({ id: item.id, reference: item.reference })),
      detail,
    );
  }

  /** P-7.2: administrators filter the whole log by person, case and days; newest first. */
  async query(input: z.output<typeof accessLogQueryInput>, viewer: Viewer | null | undefined): Promise<AccessLogEntry[]> {
    if (!viewer?.roles.includes('administrator')) throw onlyFor('administrators_only', 'Only an administrator may read the access log (P-7.2).');
    const selector: MangoQuerySelector<AccessLogEntry> = {};
    if (input.accountId) selector.accountId = input.accountId;
    if (input.caseId) selector.caseId = input.caseId;
    if (input.from || input.to) {
      const calendar = await this.calendar();
      const range: { $gte?: string; $lt?: string } = {};
      if (input.from) range.$gte = officeInstant(calendar, input.from, '00:00').toISOString();
      if (input.to) range.$lt = officeInstant(calendar, format(addDays(new Date(`${input.to}T12:00:00Z`), 1), 'yyyy-MM-dd'), '00:00').toISOString();
      selector.at = range;
    }
    const entries = await this.log.find({ selector, sort: [{ at: 'desc' }, { id: 'desc' }], limit: input.limit }).exec();
    return entries.map((entry) => entry.toJSON() as AccessLogEntry);
  }

  /** P-7.2: who has seen this case, for a manager who may open it; newest first. */
  async forCase(caseId: string, viewer: Viewer | null | undefined): Promise<AccessLogEntry[]> {
    const found = await this.db.cases.findOne(caseId).exec();
    if (!found || !canOpenCase(viewer, found)) throw caseForbidden(caseId);
    if (!viewer?.roles.includes('manager')) throw onlyFor('managers_only', 'Only a manager sees who has seen a case (P-7.2).');
    const entries = await this.log.find({ selector: { caseId }, sort: [{ caseId: 'desc' }, { at: 'desc' }] }).exec();
    return entries.map((entry) => entry.toJSON() as AccessLogEntry);
  }
}

function onlyFor(code: 'administrators_only' | 'managers_only', message: string): DomainError {
  return new DomainError('FORBIDDEN', message, [{ path: '', code, message }]);
}
