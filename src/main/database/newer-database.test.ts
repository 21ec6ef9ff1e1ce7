/**
 * A database written by a newer version of Plaint is refused at open, and nothing is written to
 * it (issue 11: it opened as an empty app and wrote into tables of the older schema).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { addRxPlugin, createRxDatabase, NON_PREMIUM_COLLECTION_LIMIT } from 'rxdb';
import { RxDBMigrationSchemaPlugin } from 'rxdb/plugins/migration-schema';
import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
import { afterEach, describe, expect, it } from 'vitest';
import { caseSchema } from '../domain/collections';
import { phoneComplaint, startTestDomain } from '../domain/test-support';
import { startMainServices, type MainServices } from '../services';
import { getRxStorageSqlite } from '../storage';
import { PLAINT_SCHEMA_VERSIONS } from './schema-versions';

let directory = '';
let services: MainServices | null = null;
afterEach(async () => {
  await services?.close();
  services = null;
  fs.rmSync(directory, { recursive: true, force: true });
});

function fingerprint(dir: string): Record<string, string> {
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.startsWith('plaint.sqlite'))
      .map((name) => [
        name,
        crypto
          .createHash('sha256')
          .update(fs.readFileSync(path.join(dir, name)))
          .digest('hex'),
      ]),
  );
}

/** What a later Plaint leaves behind: its cases collection one schema version ahead, with a case in it. */
async function writeAsNewerVersion(dir: string): Promise<void> {
  addRxPlugin(RxDBMigrationSchemaPlugin);
  const database = await createRxDatabase({
    name: 'plaint',
    storage: wrappedValidateAjvStorage({ storage: getRxStorageSqlite({ directory: dir }) }),
    multiInstance: false,
  });
  const next = caseSchema.version + 1;
  const identity = Object.fromEntries(Array.from({ length: next }, (_, index) => [index + 1, (document: unknown) => document]));
  await database.addCollections({ cases: { schema: { ...caseSchema, version: next }, migrationStrategies: identity } });
  await database.close();
}

async function open(dir: string): Promise<MainServices> {
  services = await startMainServices({
    dataDirectory: dir,
    host: 'harness',
    appName: 'Plaint',
    version: '1.0.0',
    clock: { now: () => new Date('2026-11-25T11:00:00.000Z') },
  });
  return services;
}

describe('a database from a newer Plaint', () => {
  it('is refused with a clear status, and the file is byte-identical afterwards', async () => {
    const made = await startTestDomain('2026-11-25T11:00:00.000Z');
    directory = made.directory;
    await made.call('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' });
    await made.services.close();
    await writeAsNewerVersion(directory);
    const before = fingerprint(directory);

    const opened = await open(directory);
    const info = await opened.dispatch('app.info', {}, { host: 'test' });
    expect(info).toMatchObject({ ok: true, result: { database: { state: 'error', message: expect.stringMatching(/newer version of Plaint.*[Uu]pdate/) } } });
    expect(await opened.dispatch('cases.list', {}, { host: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE', message: expect.stringMatching(/newer version/) },
    });
    expect(await opened.dispatch('cases.create', { ...phoneComplaint, receivedAt: '2026-11-24T10:00:00.000Z' }, { host: 'test' })).toMatchObject({
      ok: false,
      error: { code: 'UNAVAILABLE' },
    });
    await opened.close();
    services = null;
    expect(fingerprint(directory)).toEqual(before);
  });

  it('the versions this build knows are the versions of the collections it opens', async () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-versions-'));
    const opened = await open(directory);
    const collections = (opened.domain!.db as unknown as { collections: Record<string, { schema: { version: number } }> }).collections;
    const actual = Object.fromEntries(Object.entries(collections).map(([name, collection]) => [name, collection.schema.version]));
    expect(PLAINT_SCHEMA_VERSIONS, 'update src/main/database/schema-versions.ts with every collection and schema version').toEqual(actual);
  });

  it("opens no more collections than RxDB's open-source build allows in a process (13)", () => {
    // A 14th makes RxDB wait 1.8 s at every start before letting it through; a 15th is refused
    // (COL23). New device-local marks go to the device ledger (database/device-ledger.ts).
    expect(Object.keys(PLAINT_SCHEMA_VERSIONS).length).toBeLessThanOrEqual(NON_PREMIUM_COLLECTION_LIMIT);
  });
});
