/**
 * When each person last opened each case on this device (issue 18): the "updated since I last
 * looked" marker compares it with the correspondence that arrived. Device-local, never replicated
 * (sync's DEVICE_LOCAL_COLLECTIONS), like the notification centre it goes with.
 */
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import { collectionOf } from '../../database/collection-of';

export interface CaseLastSeen {
  /** `<staff id>|<case id>` */
  id: string;
  staffId: string;
  caseId: string;
  seenAt: string;
}

const schema: RxJsonSchema<CaseLastSeen> = {
  title: 'case last seen',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 140 },
    staffId: { type: 'string', maxLength: 64 },
    caseId: { type: 'string', maxLength: 64 },
    seenAt: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'staffId', 'caseId', 'seenAt'],
  indexes: ['staffId'],
};

export function lastSeenId(staffId: string, caseId: string): string {
  return `${staffId}|${caseId}`;
}

export async function addCaseLastSeenCollection(database: RxDatabase): Promise<RxCollection<CaseLastSeen>> {
  if (!database.collections['caseLastSeen']) await database.addCollections({ caseLastSeen: { schema } });
  return collectionOf<CaseLastSeen>(database, 'caseLastSeen');
}
