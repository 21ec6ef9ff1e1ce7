/**
 * Letters in and out. Conflict policy for sync: incoming letters are written once (undo voids
 * them); an outgoing letter is immutable once finalised, and its posting is set once.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { letterRecordSchema, type StoredLetter } from '../../shared/domain/records';
import { storedSchemaOf } from '../database/stored-schema';
import { collectionOf } from '../database/collection-of';
import { withConflictHandler, type ConflictHandlerFor } from '../domain/collections';

export type LetterDocument = StoredLetter;

/** The fields from the letter record (shared/domain/records/letter-record.ts); RxDB's additions here. */
const letterSchema = storedSchemaOf<LetterDocument>(letterRecordSchema, {
  title: 'letter',
  version: 0,
  primaryKey: 'id',
  fields: { id: { maxLength: 64 }, direction: { maxLength: 3 }, postedOn: { maxLength: 10 }, loggedAt: { maxLength: 30 } },
  required: ['id', 'direction', 'party', 'summary', 'files', 'text', 'postedOn', 'loggedAt', 'loggedBy', 'voided'],
  indexes: ['loggedAt', 'postedOn'],
});

export interface LetterCollections {
  letters: RxCollection<LetterDocument>;
}

export async function addLetterCollections(database: RxDatabase, handlerFor?: ConflictHandlerFor): Promise<LetterCollections> {
  if (!database.collections['letters'])
    await database.addCollections({ letters: { schema: letterSchema, ...withConflictHandler<LetterDocument>('letters', handlerFor) } });
  return { letters: collectionOf<LetterDocument>(database, 'letters') };
}
