/**
 * Issue 12 §2: every collection's RxDB schema, exactly as RxDB stores it (normalised, with its
 * hash), against a fixture taken from the hand-written schemas before they were derived from the
 * zod records. A stored schema that changes needs a version bump and a migration (RxDB refuses a
 * database whose schema hash changed at the same version), so any difference here is a bug in the
 * derivation, not a fixture to refresh. A deliberate schema change bumps the version, adds the
 * migration and its test, and only then updates the fixture.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMainServices, type MainServices } from '../services';
import { PLAINT_SCHEMA_VERSIONS } from './schema-versions';

const FIXTURE = path.join(import.meta.dirname, 'test-support', 'stored-schemas.json');

interface StoredSchema {
  readonly hash: string;
  readonly jsonSchema: unknown;
}

let directory = '';
let services: MainServices | null = null;
let stored: Record<string, StoredSchema> = {};

beforeAll(async () => {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-stored-schemas-'));
  services = await startMainServices({
    dataDirectory: directory,
    host: 'harness',
    appName: 'Plaint',
    version: '1.0.0',
    clock: { now: () => new Date('2026-11-25T11:00:00.000Z') },
  });
  // Every collection of the database (the domain's type names only its own four).
  const entries = await Promise.all(
    Object.entries(services.domain!.db.collections).map(
      async ([name, collection]) => [name, { hash: await collection.schema.hash, jsonSchema: collection.schema.jsonSchema }] as const,
    ),
  );
  stored = Object.fromEntries(entries);
});

afterAll(async () => {
  await services?.close();
  fs.rmSync(directory, { recursive: true, force: true });
});

describe('the stored collection schemas', () => {
  const fixture = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as Record<string, StoredSchema>;

  it('cover every collection the app opens', () => {
    expect(Object.keys(fixture).sort()).toEqual(Object.keys(PLAINT_SCHEMA_VERSIONS).sort());
    expect(Object.keys(stored).sort()).toEqual(Object.keys(fixture).sort());
  });

  it.each(Object.keys(fixture))('%s is exactly the schema stored before, with the same hash', (name) => {
    expect(stored[name]?.jsonSchema).toStrictEqual(fixture[name]?.jsonSchema);
    expect(stored[name]?.hash).toBe(fixture[name]?.hash);
  });
});
