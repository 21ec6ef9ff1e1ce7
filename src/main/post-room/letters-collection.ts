/**
 * Letters in and out. Conflict policy for sync: incoming letters are written once (undo voids
 * them); an outgoing letter is immutable once finalised, and its posting is set once.
 */
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import type { LetterRecord } from '../../shared/domain/letters';
import { collectionOf } from '../database/collection-of';
import { withConflictHandler, type ConflictHandlerFor } from '../domain/collections';

export type LetterDocument = LetterRecord & { postedOn: string };

const letterSchema: RxJsonSchema<LetterDocument> = {
  title: 'letter',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64 },
    direction: { type: 'string', maxLength: 3 },
    caseId: { type: ['string', 'null'] },
    caseReference: { type: ['string', 'null'] },
    receivedOn: { type: ['string', 'null'] },
    letterDate: { type: ['string', 'null'] },
    party: { type: 'object' },
    referenceQuoted: { type: 'string' },
    kind: { type: ['string', 'null'] },
    routedTo: { type: 'string' },
    note: { type: 'string' },
    summary: { type: 'string' },
    files: { type: 'array', items: { type: 'object' } },
    template: { type: ['string', 'null'] },
    language: { type: ['string', 'null'] },
    text: { type: 'string' },
    finalisedAt: { type: ['string', 'null'] },
    posting: { type: ['object', 'null'] },
    postedOn: { type: 'string', maxLength: 10 },
    batchId: { type: 'string' },
    loggedAt: { type: 'string', maxLength: 30 },
    loggedBy: { type: 'object' },
    voided: { type: 'boolean' },
  },
  required: ['id', 'direction', 'party', 'summary', 'files', 'text', 'postedOn', 'loggedAt', 'loggedBy', 'voided'],
  indexes: ['loggedAt', 'postedOn'],
};

export interface LetterCollections {
  letters: RxCollection<LetterDocument>;
}

export async function addLetterCollections(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<LetterCollections> {
  if (!database.collections['letters']) await database.addCollections({ letters: { schema: letterSchema, ...withConflictHandler<LetterDocument>('letters', handlerFor) } });
  return { letters: collectionOf<LetterDocument>(database, 'letters') };
}
