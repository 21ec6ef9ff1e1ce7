/**
 * Finds an installed Electron binary the way the `electron` package resolves it, without its
 * side effect: requiring the package downloads the binary on first use, which must not happen
 * inside a test run (and cannot succeed on machines without internet access).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function findElectronBinary(): { path: string } | { missing: string } {
  const packageDirectory = path.dirname(require.resolve('electron/package.json'));
  const pathFile = path.join(packageDirectory, 'path.txt');
  const relative = fs.existsSync(pathFile) ? fs.readFileSync(pathFile, 'utf8').trim() : process.platform === 'win32' ? 'electron.exe' : 'electron';
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const binary = override ? path.join(override, relative) : path.join(packageDirectory, 'dist', relative);
  if (fs.existsSync(binary)) return { path: binary };
  return { missing: `no binary at ${binary}; run 'npx install-electron' on a machine with internet access` };
}
