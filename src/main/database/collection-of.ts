/**
 * A collection of the profile's database by name, typed by the module that added it. RxDB keeps a
 * database's collections by name with no document type, so the module that defines a collection
 * (its schema says what a document is) names the type; this checks that the collection is there.
 */
import type { RxCollection, RxDatabase } from 'rxdb';

export function collectionOf<T>(database: RxDatabase, name: string): RxCollection<T> {
  const collection = database.collections[name];
  if (!collection) throw new Error(`The ${name} collection has not been added to the ${database.name} database.`);
  return collection;
}
