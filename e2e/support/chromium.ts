/**
 * The Chromium the e2e tests and the first-paint bench drive: Debian's on CI machines (browser
 * downloads are impossible there), Playwright's own elsewhere, with the same quiet, sandbox-free
 * flags, so the bench measures the browser the tests run.
 */
import fs from 'node:fs';

const chromiumPath = process.env['PLAINT_CHROMIUM'] ?? '/usr/bin/chromium';

export const chromiumLaunchOptions = {
  ...(fs.existsSync(chromiumPath) ? { executablePath: chromiumPath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-dev-shm-usage',
  ],
};
