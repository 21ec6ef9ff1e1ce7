/**
 * One device in its own process, for sync tests and the sync benchmark: the real main services
 * on a data directory with a test clock, driven over Node IPC by device-process.ts. A separate
 * process per device is what devices are (and RxDB allows 16 collections per process).
 */
import path from 'node:path';
import type { RxDatabase } from 'rxdb';
import { startTestDomain, type TestDomain } from '../../domain/test-support';
import { systemClock } from '../../domain/clock';
import { seedDemoCases } from '../../domain/demo/seed-demo';
import { memorySecretStore } from '../secret-store';
import { LIVE_COLLECTIONS } from '../replicated-collections';
import type { WorkerReply, WorkerRequest } from './device-protocol';
import { installProcessSafetyNet } from '../../process-safety';
import { openSqliteConnections } from '../../storage/sqlite-connection';
import { storageFootprint } from '../../storage/storage-footprint';
import { filesIn } from './device-files';
import type { SyncStatus } from '@shared/domain/sync';

const [directory, start, retryFirst, retryMax, heartbeat] = process.argv.slice(2);
if (!directory || !start) throw new Error('Usage: device-worker <data directory> <start time> [retry first ms] [retry max ms] [heartbeat ms]');
const dataDirectory: string = directory;

function domainOf(device: TestDomain): NonNullable<TestDomain['services']['domain']> {
  const domain = device.services.domain;
  if (!domain) throw new Error('The device database did not open');
  return domain;
}

async function sharedData(device: TestDomain): Promise<Record<string, unknown[]>> {
  const database = domainOf(device).db as unknown as RxDatabase;
  const data: Record<string, unknown[]> = {};
  for (const { collection } of LIVE_COLLECTIONS) {
    const documents = (await database.collections[collection]?.find().exec()) ?? [];
    data[collection] = documents
      .map((document) => document.toJSON())
      .sort((a, b) => String((a as { id: string }).id).localeCompare(String((b as { id: string }).id)));
  }
  return data;
}

const watches = new Map<string, Promise<number>>();

async function handle(device: TestDomain, request: WorkerRequest): Promise<unknown> {
  switch (request.type) {
    case 'call': {
      const response = await device.services.dispatch(request.method, request.input, { host: 'test' });
      return response;
    }
    case 'setClock':
      device.clock.set(request.at);
      return null;
    case 'sharedData':
      return sharedData(device);
    case 'deviceState':
      return domainOf(device).identity.state();
    case 'forceDeviceCode': {
      // Test only: make this device draw a code another device already holds.
      const database = domainOf(device).db as unknown as RxDatabase;
      const state = await domainOf(device).identity.state();
      await database.upsertLocal('device', { ...state, deviceCode: request.code, nextSequence: 1 });
      return null;
    }
    case 'seedDemo':
      await seedDemoCases(domainOf(device), systemClock, request.count);
      return null;
    case 'count': {
      const database = domainOf(device).db as unknown as RxDatabase;
      return (await database.collections[request.collection]?.count().exec()) ?? 0;
    }
    case 'watchCase': {
      const cases = domainOf(device).db.cases;
      const seen = new Promise<number>((resolve) => {
        const subscription = cases.findOne(request.caseId).$.subscribe((document) => {
          if (document?.summary !== request.summary) return;
          resolve(performance.timeOrigin + performance.now());
          subscription.unsubscribe();
        });
      });
      watches.set(request.caseId, seen);
      return null;
    }
    case 'seenAt':
      return watches.get(request.caseId) ?? null;
    case 'statusLog':
      return statusLog;
    case 'document': {
      const database = domainOf(device).db as unknown as RxDatabase;
      return (await database.collections[request.collection]?.findOne(request.documentId).exec())?.toJSON() ?? null;
    }
    case 'footprint': {
      const asFound = filesIn(dataDirectory);
      const databases = openSqliteConnections().map((connection) => ({
        file: path.relative(dataDirectory, connection.file),
        ...storageFootprint(connection.db, connection.file),
      }));
      return { databases, files: filesIn(dataDirectory), asFound };
    }
    case 'close':
      await device.services.close();
      return null;
  }
}

const device = await startTestDomain(start, directory, {
  signedIn: process.env['PLAINT_TEST_SIGNED_OUT'] !== '1',
  services: {
    databaseName: 'plaint',
    secretStore: memorySecretStore(),
    syncRetry: { firstMs: Number(retryFirst ?? 1_000), maxMs: Number(retryMax ?? 60_000) },
    syncHeartbeatMs: Number(heartbeat ?? 10_000),
  },
});
// The app's policy: an uncaught error is logged and recovered from (a test sees it in the log).
installProcessSafetyNet({ logger: device.services.logger, recover: () => device.services.sync?.wake() });
const statusLog: { at: number; status: SyncStatus }[] = [];
device.services.events.listenAll((channel, payload) => {
  if (channel === 'sync.status') statusLog.push({ at: Date.now(), status: payload as SyncStatus });
});
process.on('message', (message: WorkerRequest) => {
  void handle(device, message).then(
    (result) => process.send?.({ id: message.id, ok: true, result } satisfies WorkerReply),
    (error: unknown) =>
      process.send?.({
        id: message.id,
        ok: false,
        error: error instanceof Error ? `${error.message}\n${error.stack ?? ''}` : String(error),
      } satisfies WorkerReply),
  );
  if (message.type === 'close') setTimeout(() => process.exit(0), 50);
});
process.send?.({ id: 0, ok: true, result: 'ready' } satisfies WorkerReply);
