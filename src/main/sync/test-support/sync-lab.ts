/**
 * The team server and devices a sync test starts, each closed after the test, the last started
 * first (issue 12: one home for what every sync test set up for itself). Call at a test file's
 * top level: it registers its own afterEach.
 */
import { afterEach } from 'vitest';
import { startCouchServer, type CouchServer } from '../local-server/pouchdb-server';
import { startDevice, type Device } from './devices';

export interface SyncLab {
  /** A pouchdb-server on loopback, in its own process. */
  server(options?: Parameters<typeof startCouchServer>[0]): Promise<CouchServer>;
  /** A device in its own process, signed in as its own administrator unless told otherwise. */
  device(name: string, options?: Parameters<typeof startDevice>[1]): Promise<Device>;
  /** Runs after the test, before what was started earlier is closed. */
  onCleanup(cleanup: () => Promise<void>): void;
}

export function syncLab(): SyncLab {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const onCleanup = (cleanup: () => Promise<void>): void => {
    cleanups.push(cleanup);
  };
  return {
    onCleanup,
    async server(options) {
      const started = await startCouchServer(options);
      onCleanup(() => started.close());
      return started;
    },
    async device(name, options) {
      const started = await startDevice(name, options);
      onCleanup(() => started.close());
      return started;
    },
  };
}
