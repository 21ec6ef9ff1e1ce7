/**
 * Domain test fixture: the real main services on a temporary data directory with a controllable
 * clock, called through the API dispatcher exactly as a renderer would.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { ApiInput, ApiResult } from '@shared/api/contract';
import type { SettingsSnapshot } from '@shared/api/types/settings';
import type { ApiErrorEnvelope } from '@shared/api/errors';
import type { ApiMethodName } from '@shared/api/names';
import type { StaffRole } from '@shared/domain/vocabulary';
import { createMemoryLogger } from '../../logging/logger';
import { startMainServices, type MainServices, type MainServicesOptions } from '../../services';
import type { NotificationSink } from '../../notifier/deadline-notifier';
import type { Timers } from '../../notifier/timers';
import { seedAdministrator } from '../../identity/seed-account';
import { TEST_SCRYPT_COST } from '../../identity/password';
import type { Viewer } from '@shared/identity/viewer';

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
  /** The signed-in account's id (throws when nobody is signed in). */
  me(): string;
  /** Adds an account with TEST_PASSWORD (as the signed-in administrator); returns its id. */
  addAccount(account: { name: string; login: string; roles: StaffRole[]; departments?: string[]; email?: string }): Promise<string>;
  /** Signs in (after signing out whoever is signed in). */
  signInAs(login: string, password?: string): Promise<void>;
}

/** The password of accounts tests add with addAccount. */
export const TEST_PASSWORD = 'correct horse battery';

export interface TestDomainOptions {
  readonly timers?: (clock: TestClock) => Timers;
  readonly sink?: NotificationSink;
  /** Extra options for the main services (sync tests run two devices in one process). */
  readonly services?: Partial<
    Pick<
      MainServicesOptions,
      'databaseName' | 'syncRetry' | 'syncHeartbeatMs' | 'networkUp' | 'secretStore' | 'idleLock' | 'logger' | 'mailHooks' | 'printPage'
    >
  >;
  /** Starts signed in as the seed administrator (SEED_ADMIN, every role); false: signed out. */
  readonly signedIn?: boolean;
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
    warn: (message: string, details?: Record<string, unknown>) => (
      logger.warn(message, details),
      process.env['PLAINT_ECHO_WARN'] && console.warn(path.basename(directory), message, JSON.stringify(details))
    ),
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
      scryptCost: TEST_SCRYPT_COST,
      // Tests move their clock by hours and days between calls.
      idleLock: false,
      // In-process tests reopen their plain files; encryption at rest has its own tests (src/main/protection).
      encryption: 'none-for-tests',
      ...options.services,
    });
  /** Starts the services and signs in the seed administrator (every role), unless told not to. */
  const bootSignedIn = async () => {
    const started = await boot();
    if (options.signedIn !== false) await seedAdministrator(started);
    return started;
  };
  let services = await bootSignedIn();
  const domain: TestDomain = {
    get services() {
      return services;
    },
    clock,
    directory,
    async call(method, input) {
      const response = await services.dispatch(method, input, { host: 'test' });
      if (!response.ok) throw new Error(`${method} failed: ${JSON.stringify(response.error)}`);
      return response.result as never;
    },
    async fail(method, input) {
      const response = await services.dispatch(method, input, { host: 'test' });
      if (response.ok) throw new Error(`${method} unexpectedly succeeded`);
      return response.error;
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
      services = await bootSignedIn();
    },
    async close() {
      await services.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
    me() {
      const viewer = services.session?.viewer();
      if (!viewer) throw new Error('Nobody is signed in');
      return viewer.accountId;
    },
    async addAccount(account) {
      const snapshot = await domain.call('staff.save', { email: '', departments: [], ...account, password: TEST_PASSWORD });
      const added = snapshot.staff.find((member) => member.login === account.login);
      if (!added) throw new Error(`${account.login} was not saved`);
      return added.id;
    },
    async signInAs(login, password = TEST_PASSWORD) {
      await domain.call('session.signOut', {});
      await domain.call('session.signIn', { login, password });
    },
  };
  return domain;
}

/** How many documents each named collection holds: what an all-or-nothing test compares before and after. */
export async function documentCounts<Name extends string>(t: TestDomain, names: readonly Name[]): Promise<Record<Name, number>> {
  const db = t.services.domain?.db as unknown as { collections: Record<string, { count(): { exec(): Promise<number> } } | undefined> } | undefined;
  const counts = {} as Record<Name, number>;
  for (const name of names) {
    const collection = db?.collections[name];
    if (!collection) throw new Error(`No ${name} collection`);
    counts[name] = await collection.count().exec();
  }
  return counts;
}

/**
 * A telephone complaint received on `day` and resolved (upheld) that day with the root cause
 * courier-handling: what the recurrence report (P-5.3) counts before and after an action.
 */
export async function resolvedWithCourierHandling(t: TestDomain, day: string): Promise<string> {
  const { caseId } = await t.call('cases.create', { ...phoneComplaint, receivedAt: `${day}T10:00:00.000Z` });
  await t.call('cases.act', { caseId, action: { type: 'acknowledge', at: `${day}T11:00:00.000Z`, channel: 'email' } });
  await t.call('cases.act', { caseId, action: { type: 'startInvestigation', at: `${day}T11:10:00.000Z` } });
  await t.call('cases.act', {
    caseId,
    action: {
      type: 'communicateResolution',
      rootCauseId: 'courier-handling',
      at: `${day}T12:00:00.000Z`,
      channel: 'email',
      summary: 'Sorted',
      outcome: 'upheld',
    },
  });
  return caseId;
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

/**
 * The calendar as the settings store it. The snapshot also carries the region's public holidays
 * for the renderer (issue 12); that table must be the calendar's own region, and is left out here.
 */
export function storedCalendar({ publicHolidays, ...calendar }: SettingsSnapshot['calendar']): Omit<SettingsSnapshot['calendar'], 'publicHolidays'> {
  expect(publicHolidays.region).toBe(calendar.region);
  return calendar;
}
