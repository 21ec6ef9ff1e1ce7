/**
 * Domain test fixture: the real main services on a temporary data directory with a controllable
 * clock, called through the API dispatcher exactly as a renderer would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ApiInput, ApiResult } from '../../shared/api/contract';
import type { ApiErrorEnvelope } from '../../shared/api/errors';
import type { ApiMethodName } from '../../shared/api/names';
import { createMemoryLogger } from '../logging/logger';
import { startMainServices, type MainServices, type MainServicesOptions } from '../services';
import type { NotificationSink } from '../notifier/deadline-notifier';
import type { Timers } from '../notifier/timers';
import type { Viewer } from '../../shared/identity/viewer';

export class TestClock {
  private current: number;
  /** Each reading moves time on by this much (1 ms, as real time does between two writes; 0 to freeze). */
  tickMs = 1;
  constructor(start: string) {
    this.current = Date.parse(start);
  }
  now = (): Date => {
    const reading = new Date(this.current);
    this.current += this.tickMs;
    return reading;
  };
  get millis(): number {
    return this.current;
  }
  set(iso: string | number): void {
    this.current = typeof iso === 'number' ? iso : Date.parse(iso);
  }
  advanceHours(hours: number): void {
    this.current += hours * 3_600_000;
  }
}

/**
 * The viewer tests call as unless they say otherwise: a manager and administrator (P-7.1: a
 * missing viewer sees nothing, so every call names one). Its id is not a staff profile's.
 */
export const managerViewer: Viewer = { accountId: 'test-manager', name: 'Test Manager', roles: ['manager', 'administrator'], departments: [] };

export function testViewer(accountId: string, roles: Viewer['roles'], departments: readonly string[] = []): Viewer {
  return { accountId, name: accountId, roles, departments };
}

export interface TestDomain {
  readonly services: MainServices;
  readonly clock: TestClock;
  readonly directory: string;
  call<M extends ApiMethodName>(method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  fail<M extends ApiMethodName>(method: M, input: unknown): Promise<ApiErrorEnvelope>;
  /** The same calls as another viewer (need-to-know tests, P-7.1). */
  callAs<M extends ApiMethodName>(viewer: Viewer | null, method: M, input: ApiInput<M>): Promise<ApiResult<M>>;
  failAs<M extends ApiMethodName>(viewer: Viewer | null, method: M, input: unknown): Promise<ApiErrorEnvelope>;
  restart(): Promise<void>;
  close(): Promise<void>;
}

export interface TestDomainOptions {
  readonly timers?: (clock: TestClock) => Timers;
  readonly sink?: NotificationSink;
  /** Extra options for the main services (sync tests run two devices in one process). */
  readonly services?: Partial<Pick<MainServicesOptions, 'databaseName' | 'syncRetry' | 'syncHeartbeatMs' | 'networkUp' | 'secretStore'>>;
}

export async function startTestDomain(
  start = '2026-11-23T09:00:00.000Z',
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-domain-')),
  options: TestDomainOptions = {},
): Promise<TestDomain> {
  const clock = new TestClock(start);
  const timers = options.timers?.(clock);
  const logger = createMemoryLogger();
  // Unexpected errors are shown, so a failing test says why.
  const echoing = {
    ...logger,
    // PLAINT_ECHO_WARN=1 shows warnings too (sync tests: restores noticed, documents refused).
    warn: (message: string, details?: Record<string, unknown>) => (logger.warn(message, details), process.env['PLAINT_ECHO_WARN'] && console.warn(path.basename(directory), message, JSON.stringify(details))),
    error: (message: string, details?: Record<string, unknown>) => (logger.error(message, details), console.error(message, details)),
  };
  const boot = () =>
    startMainServices({
      dataDirectory: directory,
      host: 'harness',
      appName: 'Plaint',
      version: '0.0.0-test',
      clock,
      logger: echoing,
      ...(timers ? { timers } : {}),
      ...(options.sink ? { notificationSink: options.sink } : {}),
      ...options.services,
    });
  let services = await boot();
  const domain: TestDomain = {
    get services() {
      return services;
    },
    clock,
    directory,
    call(method, input) {
      return domain.callAs(managerViewer, method, input);
    },
    fail(method, input) {
      return domain.failAs(managerViewer, method, input);
    },
    async callAs(viewer, method, input) {
      const response = await services.dispatch(method, input, { host: 'test', viewer });
      if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
      return response.result as never;
    },
    async failAs(viewer, method, input) {
      const response = await services.dispatch(method, input, { host: 'test', viewer });
      if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
      return response.error;
    },
    async restart() {
      await services.close();
      services = await boot();
    },
    async close() {
      await services.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
  return domain;
}

export const phoneComplaint = {
  complainant: { name: 'Jānis Bērziņš', email: 'janis@example.lv', phone: '+371 2000 0000', preferredChannel: 'telephone' as const },
  channel: 'telephone' as const,
  type: 'product',
  product: 'Blood pressure monitor',
  summary: 'Monitor stopped working after a week',
  description: 'The customer says the monitor shows an error after seven days of use.',
  desiredOutcome: 'Replacement',
};
