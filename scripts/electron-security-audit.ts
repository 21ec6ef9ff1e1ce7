/**
 * Runs Doyensec's Electronegativity over the app's sources and fails when it reports any finding
 * of high or medium severity. (Its CLI breaks with the commander version npm resolves today, so
 * this calls its programmatic runner.) Low and informational findings are printed for review.
 *
 * Some checks are "manual review" prompts that fire on any use of a feature the architecture
 * requires (PRELOAD_JS_CHECK fires on every BrowserWindow with a preload). Such a finding passes
 * only when scripts/electron-security-reviews.json records who reviewed what and why it is safe;
 * a finding that is not a manual-review prompt can never be waived.
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';

interface Finding {
  readonly id: string;
  readonly file: string;
  readonly location: { line: number; column: number };
  readonly severity: { name?: string; value?: number } | string;
  readonly confidence: { name?: string } | string;
  readonly description: string;
  readonly manualReview?: boolean;
}

interface RunResult {
  readonly issues?: Finding[];
  readonly errors?: { file: string; message: string; tolerable: boolean }[];
}

interface Review {
  readonly id: string;
  readonly file: string;
  readonly reviewed: string;
}

const require = createRequire(import.meta.url);

/**
 * Electronegativity fetches with got: its translations from S3 on every run, and Electron's release
 * list from GitHub in AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK. Tests may make no call outside
 * loopback, and got's request timeout raced p-cancelable ("The onCancel handler was attached after
 * the promise settled", issue 11). So the tool gets a got that refuses at once, without a socket:
 * the translations come from the copy bundled with the tool.
 */
function keepElectronegativityOffline(): void {
  const toolRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = toolRequire.resolve('got');
  const refuse = (url: unknown): Promise<never> => Promise.reject(new Error(`The security audit runs offline; not fetching ${String(url)}`));
  const offlineGot = Object.assign(refuse, { head: refuse, get: refuse });
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.exports = offlineGot;
  stub.loaded = true;
  require.cache[gotPath] = stub;
}

/**
 * The release-list check compares the Electron version found in a package.json under the scanned
 * folder with GitHub's list of releases. It can only work online, and it has nothing to compare
 * here: src/ holds no package.json, so it never reported anything. Electron's own security updates
 * are tracked as dependency updates instead.
 */
const ONLINE_ONLY_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

keepElectronegativityOffline();
const reviews = require('./electron-security-reviews.json') as Review[];

function isReviewed(finding: Finding, root: string): boolean {
  const file = path.isAbsolute(finding.file) ? path.relative(path.join(root, 'src'), finding.file) : finding.file;
  return finding.manualReview === true && reviews.some((review) => review.id === finding.id && review.file === file);
}
const run = require('@doyensec/electronegativity') as (options: Record<string, unknown>, forCli?: boolean) => Promise<RunResult>;

function levelOf(finding: Finding): string {
  const severity = finding.severity;
  return (typeof severity === 'string' ? severity : (severity.name ?? '')).toUpperCase();
}

async function main(): Promise<void> {
  const root = path.resolve(import.meta.dirname, '..');
  const packageJson = require(path.join(root, 'package.json')) as { devDependencies: Record<string, string> };
  const electronVersion = (packageJson.devDependencies['electron'] ?? '45.0.0').replace(/^[^\d]*/, '');
  const result = await run({
    input: path.join(root, 'src'),
    output: undefined,
    isRelative: true,
    severitySet: 'informational',
    confidenceSet: 'tentative',
    electronVersionOverride: electronVersion,
    parserPlugins: [],
    excludeFromScan: ONLINE_ONLY_CHECKS,
  });
  const issues = result.issues ?? [];
  const blocking = issues.filter((finding) => ['HIGH', 'MEDIUM'].includes(levelOf(finding)) && !isReviewed(finding, root));
  for (const finding of issues) {
    const where = `src/${path.isAbsolute(finding.file) ? path.relative(path.join(root, 'src'), finding.file) : finding.file}:${finding.location.line}`;
    const note = isReviewed(finding, root) ? '(manual review recorded)' : finding.manualReview ? '(needs manual review)' : '';
    console.log(`${levelOf(finding).padEnd(13)} ${finding.id.padEnd(34)} ${where}  ${note}`);
  }
  const parseErrors = (result.errors ?? []).filter((error) => !error.tolerable);
  for (const error of parseErrors) console.error(`Could not analyse ${path.relative(root, error.file)}: ${error.message}`);
  console.log(`Electronegativity: ${issues.length} findings, ${blocking.length} of high or medium severity without a recorded review.`);
  process.exit(blocking.length > 0 || parseErrors.length > 0 ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
