/**
 * The `plaint` fixture: one running Plaint with a fresh data directory, hosted either by the
 * browser harness in Chromium (project `browser`) or by the built Electron app (project
 * `electron`). Specs are written once against it.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron, test as base, type Browser, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';
import { startHarness, type HarnessProcess } from './harness-process';

export type PlaintHost = 'browser' | 'electron';

export interface PlaintApp {
  readonly host: PlaintHost;
  readonly page: Page;
  readonly dataDirectory: string;
  /** Stops the app and starts it again on the same data directory. */
  restart(): Promise<void>;
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

async function openHarness(browser: Browser, dataDirectory: string, extraArgs: readonly string[], timezoneId: string): Promise<{ page: Page; close(): Promise<void> }> {
  const harness: HarnessProcess = await startHarness(dataDirectory, extraArgs);
  const context = await browser.newContext({ locale: 'en-GB', timezoneId, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  await page.goto(harness.ready.url);
  return {
    page,
    async close() {
      await context.close();
      await harness.stop();
    },
  };
}

/** The spec's seeding arguments, applied to the data directory before the app starts on it. */
function prepareData(dataDirectory: string, extraArgs: readonly string[]): void {
  const seeding = extraArgs.filter((arg, index) => arg.startsWith('--seed-') || extraArgs[index - 1]?.startsWith('--seed-'));
  if (seeding.length === 0) return;
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'e2e', 'harness', 'prepare-data.ts'), '--data-dir', dataDirectory, ...seeding], { cwd: repoRoot, stdio: 'inherit' });
}

async function openElectron(binary: string, dataDirectory: string, extraArgs: readonly string[]): Promise<{ page: Page; close(): Promise<void> }> {
  prepareData(dataDirectory, extraArgs);
  const app = await _electron.launch({
    executablePath: binary,
    args: [path.join(repoRoot, 'out', 'main', 'index.js'), `--data-dir=${dataDirectory}`],
    cwd: repoRoot,
  });
  const page = await app.firstWindow();
  return { page, close: () => app.close() };
}

export const test = base.extend<{ plaint: PlaintApp; harnessArgs: string[]; pcTimeZone: string }, { plaintHost: PlaintHost }>({
  plaintHost: ['browser', { option: true, scope: 'worker' }],
  /** Extra harness arguments for a spec, e.g. ['--seed-demo', '100000']. */
  harnessArgs: [[], { option: true }],
  /** The time zone the PC (the browser) is set to; the office's zone is a setting in the app. */
  pcTimeZone: ['Europe/London', { option: true }],
  plaint: async ({ plaintHost, browser, harnessArgs, pcTimeZone }, use, testInfo) => {
    const electronBinary = plaintHost === 'electron' ? findElectronBinary() : null;
    if (electronBinary && 'missing' in electronBinary) {
      testInfo.skip(true, `No Electron binary on this machine (${electronBinary.missing}); the browser project covers this spec.`);
      return;
    }
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-e2e-'));
    const open = () => (electronBinary && 'path' in electronBinary ? openElectron(electronBinary.path, dataDirectory, harnessArgs) : openHarness(browser, dataDirectory, harnessArgs, pcTimeZone));
    let running = await open();
    const app: PlaintApp = {
      host: plaintHost,
      get page() {
        return running.page;
      },
      dataDirectory,
      async restart() {
        await running.close();
        running = await open();
      },
    };
    await use(app);
    await running.close();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
