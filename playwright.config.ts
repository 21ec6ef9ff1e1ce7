import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './e2e/support/chromium';
import type { PlaintHost } from './e2e/support/fixtures';

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
    launchOptions: chromiumLaunchOptions,
  },
  projects: [
    { name: 'browser', use: { plaintHost: 'browser' satisfies PlaintHost } },
    { name: 'electron', use: { plaintHost: 'electron' satisfies PlaintHost } },
  ],
});
