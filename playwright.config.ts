import fs from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { PlaintHost } from './e2e/support/fixtures';

/** Debian's Chromium on CI machines (browser downloads are impossible there); Playwright's own elsewhere. */
const chromium = process.env['PLAINT_CHROMIUM'] ?? '/usr/bin/chromium';
const executablePath = fs.existsSync(chromium) ? chromium : undefined;

export default defineConfig<object, { plaintHost: PlaintHost }>({
  testDir: './e2e',
  testMatch: '**/*.spec.ts',
  outputDir: './test-results',
  // Limits that catch a hang, not slowness: CI shares 2 cores with other work.
  timeout: 240_000,
  expect: { timeout: 30_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-dev-shm-usage',
      ],
    },
  },
  projects: [
    { name: 'browser', use: { plaintHost: 'browser' satisfies PlaintHost } },
    { name: 'electron', use: { plaintHost: 'electron' satisfies PlaintHost } },
  ],
});
