/**
 * Saved case views, one document per view, keyed by the person and the view: `<staff id>|<view id>`.
 *
 * One document per view rather than one list per person: two devices of the same person that each
 * save a view write two documents, so both survive sync without any merging. Shared through sync
 * (replicated-collections.ts), because views follow the person across devices.
 *
 * Conflict policy (the same view changed on two devices before they synced): the later save wins,
 * as for a settings key; a view deleted on one device and changed on the other is kept.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { caseViewRecordSchema, type CaseViewRecord } from '@shared/domain/records';
import { storedSchemaOf } from '../../database/stored-schema';
import { withConflictHandler, type ConflictHandlerFor } from '../collections';

export type CaseViewDocument = CaseViewRecord;

export const MAX_POSITION = 1_000_000_000;

/** The fields from the case view record (shared/domain/records/case-view-record.ts); RxDB's additions here. */
const caseViewSchema = storedSchemaOf<CaseViewDocument>(caseViewRecordSchema, {
  title: 'saved case view',
  version: 0,
  primaryKey: 'id',
  nested: ['sort'],
  fields: {
    id: { maxLength: 140 },
    staffId: { maxLength: 64 },
    viewId: { maxLength: 64 },
    name: { maxLength: 80 },
    search: { maxLength: 200 },
    position: { minimum: 0, maximum: MAX_POSITION, multipleOf: 1 },
    createdAt: { maxLength: 30 },
    updatedAt: { maxLength: 30 },
  },
  required: ['id', 'staffId', 'viewId', 'name', 'filters', 'sort', 'search', 'position', 'createdAt', 'updatedAt'],
  indexes: [['staffId', 'position']],
});

export function caseViewDocumentId(staffId: string, viewId: string): string {
  return `${staffId}|${viewId}`;
}

/** The conflict policy: the later save of the view wins (ties: the greater document, so every device picks the same). */
export function laterSavedView(_base: CaseViewDocument | undefined, local: CaseViewDocument, server: CaseViewDocument): CaseViewDocument {
  if (local.updatedAt !== server.updatedAt) return local.updatedAt > server.updatedAt ? local : server;
  return JSON.stringify(local) > JSON.stringify(server) ? local : server;
}

export async function addCaseViewCollection(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<RxCollection<CaseViewDocument>> {
  const { caseViews } = await database.addCollections({
    caseViews: { schema: caseViewSchema, ...withConflictHandler<CaseViewDocument>('caseViews', handlerFor) },
  });
  return caseViews;
}
