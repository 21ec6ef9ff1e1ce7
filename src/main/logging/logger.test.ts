/**
 * The log file is written wherever the process was started from (issue 11: electron-log looked for
 * the app name in a package.json near the working directory, and without one it wrote nothing,
 * silently — a packaged app started from a desktop launcher has no such package.json).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const logger = pathToFileURL(path.join(root, 'src', 'main', 'logging', 'logger.ts')).href;

let directory = '';
afterEach(() => {
  fs.rmSync(directory, { recursive: true, force: true });
});

function hasPackageJsonAbove(start: string): boolean {
  for (let current = start; ; current = path.dirname(current)) {
    if (fs.existsSync(path.join(current, 'package.json'))) return true;
    if (path.dirname(current) === current) return false;
  }
}

describe('the log file', () => {
  it('is written when the working directory has no package.json', () => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-log-cwd-'));
    expect(hasPackageJsonAbove(directory)).toBe(false);
    const dataDirectory = path.join(directory, 'profile');
    const script = path.join(directory, 'write-log.mts');
    fs.writeFileSync(
      script,
      `import { createFileLogger } from ${JSON.stringify(logger)};\n` +
        `const log = createFileLogger(${JSON.stringify(dataDirectory)}, { echoToConsole: false });\n` +
        `log.info('Logged from a bare working directory', { code: 'PROBE' });\n`,
    );
    const result = spawnSync(tsx, [script], { cwd: directory, encoding: 'utf8', timeout: 120_000 });
    expect(result.status, `${result.stdout}${result.stderr}`).toBe(0);
    const file = path.join(dataDirectory, 'logs', 'main.log');
    expect(fs.existsSync(file), `${result.stdout}${result.stderr}`).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toContain('Logged from a bare working directory');
  });
});
