/** Starts and stops the browser harness as a child process (one per test, own data directory). */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { HARNESS_READY_PREFIX, type HarnessReady } from '../harness/protocol';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

export interface HarnessProcess {
  readonly ready: HarnessReady;
  readonly output: () => string;
  stop(): Promise<void>;
}

export async function startHarness(dataDirectory: string, extraArgs: readonly string[] = []): Promise<HarnessProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(repoRoot, 'e2e', 'harness', 'server.ts'), '--data-dir', dataDirectory, ...extraArgs],
    { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env } },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const ready = await new Promise<HarnessReady>((resolve, reject) => {
    // A backstop only: the test's own timeout (which covers fixtures) is the real limit, and a
    // spec that seeds much data sets it. Machine speed must not fail a test that would pass.
    const timer = setTimeout(() => reject(new Error(`The harness did not start within 30 minutes:\n${output}`)), 30 * 60_000);
    let buffered = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      output += chunk.toString();
      const line = buffered.split('\n').find((candidate) => candidate.startsWith(HARNESS_READY_PREFIX));
      if (line) {
        clearTimeout(timer);
        resolve(JSON.parse(line.slice(HARNESS_READY_PREFIX.length)) as HarnessReady);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The harness exited with code ${code}:\n${output}`));
    });
  });
  return {
    ready,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
