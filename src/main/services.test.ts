import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startMainServices, type MainServices } from './services';

let services: MainServices | null = null;
let directory = '';

afterEach(async () => {
  await services?.close();
  services = null;
  fs.rmSync(directory, { recursive: true, force: true });
});

async function start(prepare?: (directory: string) => void): Promise<MainServices> {
  directory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-services-'));
  prepare?.(directory);
  services = await startMainServices({
    dataDirectory: directory,
    host: 'harness',
    appName: 'Plaint',
    version: '9.9.9',
    clock: { now: () => new Date('2026-11-25T09:00:00Z') },
  });
  return services;
}

describe('main services (the composition both hosts use)', () => {
  it('app.info reports version, data directory and the log file inside it', async () => {
    const { dispatch } = await start();
    const response = await dispatch('app.info', {}, { host: 'test' });
    expect(response).toMatchObject({
      ok: true,
      result: { version: '9.9.9', dataDirectory: directory, host: 'harness', startedAt: '2026-11-25T09:00:00.000Z' },
    });
    if (response.ok) expect((response.result as { logFile: string }).logFile.startsWith(directory)).toBe(true);
  });

  it('app.reportError writes the renderer error to the rotating log file', async () => {
    const { dispatch, logger } = await start();
    await dispatch('app.reportError', { source: 'render', message: 'Cannot read properties of undefined', stack: 'at CaseList' }, { host: 'test' });
    // The file transport may write after the call returns: wait for the line, not for a time.
    await vi.waitFor(
      () =>
        expect(fs.existsSync(logger.file) ? fs.readFileSync(logger.file, 'utf8') : '').toContain(
          'Renderer error (render): Cannot read properties of undefined',
        ),
      { timeout: 20_000, interval: 20 },
    );
  });

  it('opens the profile database in the data directory and reports it ready', async () => {
    const { dispatch } = await start();
    const response = await dispatch('app.info', {}, { host: 'test' });
    expect(response).toMatchObject({ ok: true, result: { database: { state: 'ready', file: path.join(directory, 'plaint.sqlite'), message: null } } });
    expect(fs.existsSync(path.join(directory, 'plaint.sqlite'))).toBe(true);
  });

  it('keeps serving with a database error (not a crash) when the file is damaged, and leaves the file alone', async () => {
    const garbage = Buffer.from('this is not a database '.repeat(500));
    const { dispatch } = await start((dir) => fs.writeFileSync(path.join(dir, 'plaint.sqlite'), garbage));
    const response = await dispatch('app.info', {}, { host: 'test' });
    expect(response).toMatchObject({ ok: true, result: { database: { state: 'error', message: expect.stringMatching(/not a readable Plaint database/) } } });
    expect(fs.readFileSync(path.join(directory, 'plaint.sqlite')).equals(garbage)).toBe(true);
    expect(await dispatch('app.ping', {}, { host: 'test' })).toMatchObject({ ok: true });
  });
});
