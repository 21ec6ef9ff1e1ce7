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
  /** Stops the app and starts it again on the same data directory (signed in again as before). */
  restart(): Promise<void>;
  /** Signs in through the sign-in screen. */
  signIn(login: string, password: string): Promise<void>;
  /** Signs out through the menu of the signed-in person. */
  signOut(): Promise<void>;
}

/** The team's first administrator, seeded by the harness (--seed-admin) with every role. */
export const ADMIN = { login: 'admin', password: 'plaint-admin-password' } as const;

async function signInThroughUi(page: Page, login: string, password: string): Promise<void> {
  await page.getByTestId('sign-in-login').fill(login);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('current-staff').waitFor();
}

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

async function openHarness(
  browser: Browser,
  dataDirectory: string,
  extraArgs: readonly string[],
  timezoneId: string,
): Promise<{ page: Page; close(): Promise<void> }> {
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
  const valued = (arg: string | undefined) => arg !== undefined && arg.startsWith('--seed-') && arg !== '--seed-admin';
  const seeding = extraArgs.filter((arg, index) => arg.startsWith('--seed-') || valued(extraArgs[index - 1]));
  if (seeding.length === 0) return;
  execFileSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'e2e', 'harness', 'prepare-data.ts'), '--data-dir', dataDirectory, ...seeding], {
    cwd: repoRoot,
    stdio: 'inherit',
  });
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

export const test = base.extend<
  { plaint: PlaintApp; harnessArgs: string[]; pcTimeZone: string; signInAs: { login: string; password: string } | null },
  { plaintHost: PlaintHost }
>({
  plaintHost: ['browser', { option: true, scope: 'worker' }],
  /** Extra harness arguments for a spec, e.g. ['--seed-demo', '100000']. */
  harnessArgs: [[], { option: true }],
  /** The time zone the PC (the browser) is set to; the office's zone is a setting in the app. */
  pcTimeZone: ['Europe/London', { option: true }],
  /** Who the fixture signs in through the sign-in screen (null: the spec starts at the sign-in screen). */
  signInAs: [ADMIN, { option: true }],
  plaint: async ({ plaintHost, browser, harnessArgs: specArgs, pcTimeZone, signInAs }, use, testInfo) => {
    // Every run starts with a team whose administrator is ADMIN.
    const harnessArgs = specArgs.includes('--seed-admin') ? specArgs : ['--seed-admin', ...specArgs];
    const electronBinary = plaintHost === 'electron' ? findElectronBinary() : null;
    if (electronBinary && 'missing' in electronBinary) {
      testInfo.skip(true, `No Electron binary on this machine (${electronBinary.missing}); the browser project covers this spec.`);
      return;
    }
    const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-e2e-'));
    let signedInAs = signInAs;
    const open = async () => {
      const opened = await (electronBinary && 'path' in electronBinary
        ? openElectron(electronBinary.path, dataDirectory, harnessArgs)
        : openHarness(browser, dataDirectory, harnessArgs, pcTimeZone));
      if (signedInAs) await signInThroughUi(opened.page, signedInAs.login, signedInAs.password);
      return opened;
    };
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
      async signIn(login, password) {
        await signInThroughUi(running.page, login, password);
        signedInAs = { login, password };
      },
      async signOut() {
        await running.page.getByTestId('current-staff').click();
        await running.page.getByTestId('sign-out').click();
        await running.page.getByTestId('sign-in-form').waitFor();
        signedInAs = null;
      },
    };
    await use(app);
    await running.close();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  },
});

export { expect } from '@playwright/test';
