/**
 * The parts the kill tests of a profile's encryption and of its move to AEGIS share (P-7.2,
 * issue 14): a profile seeded with cases, the check that a start opens it with every case, and a
 * child process (a runner in this folder) killed with SIGKILL once it has begun its work.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { expect, onTestFinished } from 'vitest';
import { phoneComplaint } from '../../domain/test-support';
import { SEED_ADMIN, seedAdministrator } from '../../identity/seed-account';
import type { MainServices } from '../../services';

/** The project's root, so a runner's bundle resolves its imports from node_modules. */
const PROJECT = path.resolve(import.meta.dirname, '..', '..', '..', '..');

/** The seed administrator and `count` cases whose complainants are `name 0`, `name 1`, …, received on one day. */
export async function seedCases(services: MainServices, name: string, count: number): Promise<void> {
  await seedAdministrator(services);
  for (let index = 0; index < count; index += 1) {
    const response = await services.dispatch(
      'cases.create',
      { ...phoneComplaint, complainant: { ...phoneComplaint.complainant, name: `${name} ${index}` }, receivedAt: '2026-11-20T16:00:00.000Z' },
      { host: 'test' },
    );
    if (!response.ok) throw new Error(JSON.stringify(response.error));
  }
}

/** The administrator signs in and sees `count` cases, and the profile says it is encrypted. */
export async function expectEncryptedWithCases(services: MainServices, count: number): Promise<void> {
  const response = await services.dispatch('session.signIn', { login: SEED_ADMIN.login, password: SEED_ADMIN.password }, { host: 'test' });
  expect(response.ok).toBe(true);
  const list = await services.dispatch('cases.list', {}, { host: 'test' });
  expect(list.ok && (list.result as { total: number }).total).toBe(count);
  expect(await services.dispatch('protection.status', {}, { host: 'test' })).toMatchObject({ ok: true, result: { encryption: 'encrypted' } });
}

/** Bundles `test-support/<name>.ts` into node_modules/.cache (removed when the test ends); its path. */
export async function bundleRunner(name: string): Promise<string> {
  const cache = path.join(PROJECT, 'node_modules', '.cache');
  fs.mkdirSync(cache, { recursive: true });
  const bundleDirectory = fs.mkdtempSync(path.join(cache, `plaint-${name}-`));
  onTestFinished(() => fs.rmSync(bundleDirectory, { recursive: true, force: true }));
  const runner = path.join(bundleDirectory, `${name}.mjs`);
  await build({
    entryPoints: [path.join(import.meta.dirname, `${name}.ts`)],
    outfile: runner,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    logLevel: 'silent',
  });
  return runner;
}

export interface KilledRun {
  readonly runner: string;
  readonly args: readonly string[];
  /** The line the runner prints when it begins its work; the kill is timed from it. */
  readonly begins: string;
  readonly killAfter: number;
  /** What the runner does, for the error when it fails on its own. */
  readonly what: string;
}

/** Runs the runner and kills it with SIGKILL `killAfter` ms after it begins (or lets it finish); the last line it printed. */
export function runKilled({ runner, args, begins, killAfter, what }: KilledRun): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, [runner, ...args], { stdio: ['ignore', 'pipe', 'pipe'], cwd: PROJECT });
    let output = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (!output.includes(begins) && `${output}${chunk.toString()}`.includes(begins)) setTimeout(() => child.kill('SIGKILL'), killAfter);
      output += chunk.toString();
    });
    child.once('exit', (code, signal) =>
      signal === 'SIGKILL' || code === 0 ? resolve(output.trim().split('\n').at(-1) ?? '') : reject(new Error(`the ${what} failed: ${errors.slice(-2000)}`)),
    );
  });
}
