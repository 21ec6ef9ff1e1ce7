/**
 * Tests of the built app need out/ built from the sources as they are now: `npm test` builds
 * first (test:unit runs `electron-vite build`). Run on their own after an edit, they fail with
 * what to do instead of quietly testing an old build.
 */
import fs from 'node:fs';
import path from 'node:path';

const repoRoot = path.resolve(import.meta.dirname, '..', '..', '..');

/** What the build reads. Tests and their support code are not part of any bundle. */
const BUILD_INPUTS = ['src/main', 'src/preload', 'src/shared', 'src/renderer', 'resources', 'electron.vite.config.ts', 'package.json'];
const BUILD_OUTPUTS = ['out/main/index.js', 'out/preload/index.cjs', 'out/renderer/index.html'];

function isTestCode(file: string): boolean {
  return /\.test\.tsx?$/.test(file) || file.split(path.sep).some((part) => part === 'test-support');
}

function newestInput(entry: string): { file: string; mtimeMs: number } | null {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return isTestCode(entry) ? null : { file: entry, mtimeMs: stat.mtimeMs };
  let newest: { file: string; mtimeMs: number } | null = null;
  for (const child of fs.readdirSync(entry)) {
    const candidate = newestInput(path.join(entry, child));
    if (candidate && (!newest || candidate.mtimeMs > newest.mtimeMs)) newest = candidate;
  }
  return newest;
}

export function assertFreshBuild(): void {
  const missing = BUILD_OUTPUTS.filter((output) => !fs.existsSync(path.join(repoRoot, output)));
  if (missing.length > 0) throw new Error(`The app is not built (${missing.join(', ')} missing). Run \`npm run build\` first; \`npm test\` does.`);
  const builtAt = Math.min(...BUILD_OUTPUTS.map((output) => fs.statSync(path.join(repoRoot, output)).mtimeMs));
  for (const input of BUILD_INPUTS) {
    const newest = newestInput(path.join(repoRoot, input));
    if (newest && newest.mtimeMs > builtAt) {
      throw new Error(
        `out/ is older than ${path.relative(repoRoot, newest.file)}: run \`npm run build\` first (\`npm test\` does), or this would test an old build.`,
      );
    }
  }
}
