/**
 * Shared fixtures for the storage tests: a schema with nested objects, arrays, enums and
 * compound indexes, a seeded document generator, and database factories for this storage and
 * for RxDB's memory storage (the reference the results are compared with).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  addRxPlugin,
  createRxDatabase,
  fillWithDefaultSettings,
  randomToken,
  type RxCollection,
  type RxDatabase,
  type RxJsonSchema,
  type RxStorage,
} from 'rxdb';
import { RxDBDevModePlugin, disableWarnings } from 'rxdb/plugins/dev-mode';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { seededRandom } from '@shared/random/seeded-random';
import { getRxStorageSqlite, type SqliteStorageSettings } from '../sqlite-storage';
import type { SqliteStorageInstance } from '../sqlite-storage-instance';

// Dev-mode in tests: strict schema checks and readable error messages.
disableWarnings();
addRxPlugin(RxDBDevModePlugin);

export interface Person {
  id: string;
  name: string;
  age: number;
  status: 'open' | 'pending' | 'closed';
  receivedAt: number;
  address: { city: string; postcode: string };
  tags: string[];
  scores: { subject: string; value: number }[];
  note?: string;
}

export const personSchema: RxJsonSchema<Person> = {
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 40 },
    name: { type: 'string', maxLength: 100 },
    age: { type: 'integer', minimum: 0, maximum: 150, multipleOf: 1 },
    status: { type: 'string', enum: ['open', 'pending', 'closed'], maxLength: 10 },
    receivedAt: { type: 'number', minimum: 0, maximum: 4102444800000, multipleOf: 1 },
    address: {
      type: 'object',
      properties: { city: { type: 'string', maxLength: 50 }, postcode: { type: 'string', maxLength: 10 } },
      required: ['city', 'postcode'],
    },
    tags: { type: 'array', items: { type: 'string', maxLength: 20 } },
    scores: {
      type: 'array',
      items: { type: 'object', properties: { subject: { type: 'string' }, value: { type: 'number' } }, required: ['subject', 'value'] },
    },
    note: { type: 'string', maxLength: 500 },
  },
  required: ['id', 'name', 'age', 'status', 'receivedAt', 'address', 'tags', 'scores'],
  indexes: ['age', ['status', 'receivedAt'], 'address.city', 'name'],
  attachments: {},
};

const FIRST = ['Ann', 'Anna', 'Bob', 'Cārlis', 'Dace', 'Edgars', 'Fiona', 'Gita', 'Harry', 'Ieva', 'Jānis', 'Zoë', '😀 Emoji'];
const LAST = ['Smith', 'Bērziņš', 'Jones', 'Ozola', 'Watson', 'Kalniņa', 'Brown', 'Johnson'];
const CITIES = ['London', 'Riga', 'Leeds', 'Liepāja', 'York', 'Bath'];
const TAGS = ['billing', 'delivery', 'quality', 'service', 'refund'];

export function makePeople(count: number, seed = 1): Person[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  return Array.from({ length: count }, (_, index) => {
    const person: Person = {
      id: `p${String(index).padStart(6, '0')}`,
      name: `${pick(FIRST)} ${pick(LAST)}`,
      age: Math.floor(random() * 90),
      status: pick(['open', 'pending', 'closed'] as const),
      receivedAt: 1_700_000_000_000 + Math.floor(random() * 1000) * 86_400_000,
      address: { city: pick(CITIES), postcode: `W${Math.floor(random() * 9)} ${Math.floor(random() * 9)}AB` },
      tags: TAGS.filter(() => random() < 0.3),
      scores: Array.from({ length: Math.floor(random() * 3) }, () => ({ subject: pick(TAGS), value: Math.floor(random() * 100) })),
    };
    if (random() < 0.4) person.note = `Note ${index}`;
    return person;
  });
}

export function tempDirectory(prefix = 'plaint-storage-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function filledSchema<T>(schema: RxJsonSchema<T>) {
  return fillWithDefaultSettings(schema);
}

export type PeopleDatabase = RxDatabase<{ people: RxCollection<Person> }>;

export async function openPeopleDatabase(storage: RxStorage<unknown, unknown>, name = `db${randomToken(8).toLowerCase()}`): Promise<PeopleDatabase> {
  const db = await createRxDatabase<{ people: RxCollection<Person> }>({ name, storage, multiInstance: false, eventReduce: true, allowSlowCount: true });
  await db.addCollections({ people: { schema: personSchema } });
  return db;
}

export function sqliteStorage(settings: SqliteStorageSettings) {
  return wrappedValidateAjvStorage({ storage: getRxStorageSqlite(settings) }) as RxStorage<unknown, unknown>;
}

export function memoryStorage() {
  return wrappedValidateAjvStorage({ storage: getRxStorageMemory() }) as RxStorage<unknown, unknown>;
}

/** The people collection's instance on Plaint's SQLite storage, below RxDB: the storage tests' subject. */
export async function openPeopleInstance(settings: SqliteStorageSettings, token = 't'): Promise<SqliteStorageInstance<Person>> {
  return (await getRxStorageSqlite(settings).createStorageInstance<Person>({
    databaseInstanceToken: token,
    databaseName: 'plaint',
    collectionName: 'people',
    schema: filledSchema(personSchema),
    options: {},
    multiInstance: false,
    devMode: false,
  })) as SqliteStorageInstance<Person>;
}
