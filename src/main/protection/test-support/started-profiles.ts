/**
 * Real main services started on throw-away profiles, for the tests of encryption at rest, the
 * recovery key and encrypted backups (P-7.2, issue 14): each starts and stops profiles, calls the
 * API as a renderer would, and leaves nothing behind. One home, so the three keep the same start.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiMethodName } from '@shared/api/names';
import { TEST_SCRYPT_COST } from '../../identity/password';
import { startMainServices, type MainServices, type MainServicesOptions } from '../../services';

/** Plain functions (no `this`), so a test may take them apart: `const { start, stop } = startedProfiles(…)`. */
export interface StartedProfiles {
  /** A fresh folder under the system's temporary folder, removed by `closeAll`. */
  readonly scratch: () => string;
  readonly start: (dataDirectory: string, extra?: Partial<MainServicesOptions>) => Promise<MainServices>;
  /** Closes one profile's services before the test ends (a restart, a second device). */
  readonly stop: (services: MainServices) => Promise<void>;
  /** For `afterEach`: closes what is still running, then removes every scratch folder. */
  readonly closeAll: () => Promise<void>;
}

/** The main services on `dataDirectory` as the harness host starts them, with the tests' cheap password hashing. */
export function startProfile(dataDirectory: string, extra: Partial<MainServicesOptions> = {}): Promise<MainServices> {
  return startMainServices({
    dataDirectory,
    host: 'harness',
    appName: 'Plaint',
    version: '0.0.0-test',
    scryptCost: TEST_SCRYPT_COST,
    ...extra,
  });
}

export function startedProfiles(prefix: string): StartedProfiles {
  const directories: string[] = [];
  const running: MainServices[] = [];
  return {
    scratch: () => {
      const base = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
      directories.push(base);
      return base;
    },
    start: async (dataDirectory, extra = {}) => {
      const services = await startProfile(dataDirectory, extra);
      running.push(services);
      return services;
    },
    stop: async (services) => {
      running.splice(running.indexOf(services), 1);
      await services.close();
    },
    closeAll: async () => {
      for (const services of running.splice(0)) await services.close();
      for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** The call's result; a refusal fails the test with the error in its message. */
export async function call(services: MainServices, method: ApiMethodName, input: unknown): Promise<unknown> {
  const response = await services.dispatch(method, input, { host: 'test' });
  if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.result;
}

/** The call's error; a success fails the test. */
export async function failure(services: MainServices, method: ApiMethodName, input: unknown) {
  const response = await services.dispatch(method, input, { host: 'test' });
  if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
  return response.error;
}
