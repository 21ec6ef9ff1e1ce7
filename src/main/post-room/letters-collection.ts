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

/** What an incoming letter says: everything but `direction` and the fields only an outgoing letter fills. */
export type IncomingLetter = Omit<LetterDocument, 'direction' | 'template' | 'language' | 'text' | 'finalisedAt' | 'posting' | 'postedOn' | 'voided'>;

/**
 * An incoming letter as stored, however it came (post, e-mail, a bounce report): no template,
 * text, finalising or posting (those belong to outgoing letters), and not voided.
 */
export function incomingLetter(letter: IncomingLetter): LetterDocument {
  return { ...letter, direction: 'in', template: null, language: null, text: '', finalisedAt: null, posting: null, postedOn: '', voided: false };
}

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
