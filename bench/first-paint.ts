/**
 * npm run bench:first-paint — how soon the case list shows its first row, for two renderer builds
 * side by side in one run (issue 12: the bundle split by route). Each build is served by its own
 * browser harness on its own copy of the same seeded data, and Chromium opens them in turn
 * (before, after, before, after…), each time in a fresh browser context, so both builds meet the
 * same machine load. The page records its own times (performance.now(), from navigation start):
 * first contentful paint, the navigation visible, the first case row in the DOM and the frame
 * after it, and the JavaScript it fetched before that row. Medians go to the console and to
 * bench-results/first-paint.json. Nothing here is a pass/fail threshold.
 *
 * Options:
 *   --before <dir>          a built renderer (an out/renderer directory) to compare against, or
 *   --baseline-rev <rev>    build that git revision's renderer into a scratch directory first (with this
 *                           checkout's node_modules, so it can differ a little from a build made at the
 *                           time: 18 KB more time-zone data for 8d5c84b here);
 *   --after <dir>           the renderer to measure (default: out/renderer; run `npm run build` first);
 *   --cases N               cases to seed (default 5000); --runs N per build (default 15); --warmup N (default 2).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/support/chromium';
import { startHarness, type HarnessProcess } from '../e2e/support/harness-process';
import { median, percentile, printTable, round, writeResults } from './lib/report';

const repoRoot = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    before: { type: 'string' },
    'baseline-rev': { type: 'string' },
    after: { type: 'string', default: path.join(repoRoot, 'out', 'renderer') },
    cases: { type: 'string', default: '5000' },
    runs: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '2' },
  },
});
const RUNS = Number(values.runs);
const WARMUP = Number(values.warmup);
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-bench-first-paint-'));

/** A git revision's renderer, built from `git archive` (no worktree, nothing in the repository changes). */
function buildRevision(rev: string): string {
  const source = path.join(scratch, 'baseline-source');
  fs.mkdirSync(source);
  const archive = execFileSync('git', ['-C', repoRoot, 'archive', '--format=tar', rev], { maxBuffer: 1024 ** 3 });
  execFileSync('tar', ['-x', '-C', source], { input: archive });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(source, 'node_modules'), 'dir');
  process.stdout.write(`Building the renderer of ${rev}…\n`);
  const built = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
    cwd: source,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error(`Building ${rev} failed`);
  return path.join(source, 'out', 'renderer');
}

const before = values.before ?? (values['baseline-rev'] ? buildRevision(values['baseline-rev']) : null);
if (!before) throw new Error('Give --before <renderer dir> or --baseline-rev <git revision>');
const builds = { before: path.resolve(before), after: path.resolve(values.after) } as const;
for (const directory of Object.values(builds)) {
  if (!fs.existsSync(path.join(directory, 'index.html'))) throw new Error(`No built renderer at ${directory}`);
}

/** Script bytes of each build (what a first start may have to parse). */
function scriptBytes(directory: string): { files: number; bytes: number; largest: number } {
  const scripts = fs.readdirSync(path.join(directory, 'assets')).filter((name) => name.endsWith('.js'));
  const sizes = scripts.map((name) => fs.statSync(path.join(directory, 'assets', name)).size);
  return { files: scripts.length, bytes: sizes.reduce((sum, size) => sum + size, 0), largest: Math.max(...sizes) };
}

// Read now: a baseline built here lives in the scratch directory, removed at the end.
const sizes = { before: scriptBytes(builds.before), after: scriptBytes(builds.after) };

// One seeded profile, copied, so both builds read the same data.
const beforeData = path.join(scratch, 'before-data');
process.stdout.write(`Seeding ${values.cases} cases…\n`);
await (await startHarness(beforeData, ['--renderer', builds.before, '--seed-scale', values.cases])).stop();
const afterData = path.join(scratch, 'after-data');
fs.cpSync(beforeData, afterData, { recursive: true });

/**
 * Runs in the page before any of its scripts. Times are performance.now(): milliseconds since
 * navigation start. "Painted" is the next animation frame after the row appeared, plus a task, so
 * the frame that shows it has been produced.
 */
const RECORDER = `(() => {
  const record = {};
  window.__plaintFirstPaint = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') record.firstContentfulPaint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
  const check = () => {
    if (record.navigation === undefined && document.querySelector('[data-testid="nav-cases"]')) record.navigation = performance.now();
    if (record.firstRow !== undefined || !document.querySelector('[data-testid="case-rows"] [role="row"][data-case-id]')) return;
    record.firstRow = performance.now();
    requestAnimationFrame(() => setTimeout(() => {
      const scripts = performance.getEntriesByType('resource').filter((entry) => entry.initiatorType === 'script' && entry.startTime < record.firstRow && !entry.name.includes('harness'));
      record.scriptFiles = scripts.length;
      record.scriptBytes = scripts.reduce((sum, entry) => sum + entry.decodedBodySize, 0);
      record.firstContentfulPaint ??= performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
      record.firstRowPainted = performance.now();
    }));
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-case-id'] });
})();`;

interface Sample {
  readonly firstContentfulPaint: number;
  readonly navigation: number;
  readonly firstRow: number;
  readonly firstRowPainted: number;
  readonly scriptFiles: number;
  readonly scriptBytes: number;
}
/** What RECORDER leaves on the page's window (typed without the DOM library). */
interface PageWindow {
  __plaintFirstPaint?: Partial<Sample>;
}
const METRICS = ['firstContentfulPaint', 'navigation', 'firstRow', 'firstRowPainted'] as const;

async function measure(browser: Browser, url: string): Promise<Partial<Sample>> {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/London', viewport: { width: 1360, height: 860 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(RECORDER);
    await page.goto(url, { waitUntil: 'commit' });
    // A benchmark, not a test: wait as long as the machine needs.
    // Functions, not strings: the app's CSP forbids evaluating strings in the page.
    // Each function runs in the page, so it reads the window itself.
    await page.waitForFunction(() => (globalThis as PageWindow).__plaintFirstPaint?.firstRowPainted !== undefined, null, {
      timeout: 10 * 60_000,
      polling: 100,
    });
    const sample = await page.evaluate(() => (globalThis as PageWindow).__plaintFirstPaint);
    if (!sample) throw new Error('The page recorded nothing');
    return sample;
  } finally {
    await context.close();
  }
}

const browser = await chromium.launch(chromiumLaunchOptions);
const harnesses: Record<keyof typeof builds, HarnessProcess> = {
  before: await startHarness(beforeData, ['--renderer', builds.before, '--stay-signed-in']),
  after: await startHarness(afterData, ['--renderer', builds.after, '--stay-signed-in']),
};
const samples: Record<keyof typeof builds, Partial<Sample>[]> = { before: [], after: [] };
try {
  for (let run = 0; run < WARMUP + RUNS; run += 1) {
    // Alternate which build goes first, so neither always follows the other.
    const order = run % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const build of order) {
      const sample = await measure(browser, harnesses[build].ready.url);
      if (run >= WARMUP) samples[build].push(sample);
    }
    process.stdout.write(`run ${run + 1}/${WARMUP + RUNS}${run < WARMUP ? ' (warm-up)' : ''}\n`);
  }
} finally {
  await browser.close();
  await Promise.all(Object.values(harnesses).map((harness) => harness.stop()));
  fs.rmSync(scratch, { recursive: true, force: true });
}

const summary = (build: keyof typeof builds, metric: (typeof METRICS)[number]) => {
  const times = samples[build].flatMap((sample) => (sample[metric] === undefined ? [] : [sample[metric]]));
  return { median: round(median(times), 1), p25: round(percentile(times, 25), 1), p75: round(percentile(times, 75), 1) };
};
const labels: Record<(typeof METRICS)[number], string> = {
  firstContentfulPaint: 'First contentful paint',
  navigation: 'Navigation shown',
  firstRow: 'First case row in the DOM',
  firstRowPainted: 'First case row painted',
};
const rows = METRICS.map((metric) => {
  const [b, a] = [summary('before', metric), summary('after', metric)];
  return [labels[metric], `${b.median} ms (${b.p25}–${b.p75})`, `${a.median} ms (${a.p25}–${a.p75})`, `${round(a.median / b.median, 2)}×`];
});
const fetched = (build: keyof typeof builds) => median(samples[build].map((sample) => sample.scriptBytes ?? Number.NaN));
rows.push([
  'JS fetched before the first row',
  `${round(fetched('before') / 1024)} KiB`,
  `${round(fetched('after') / 1024)} KiB`,
  `${round(fetched('after') / fetched('before'), 2)}×`,
]);
rows.push([
  'Script files / largest',
  `${sizes.before.files} / ${round(sizes.before.largest / 1024)} KiB`,
  `${sizes.after.files} / ${round(sizes.after.largest / 1024)} KiB`,
  '',
]);
printTable(`Case list first paint, ${RUNS} runs each (median, p25–p75), ${values.cases} cases`, ['Measure', 'Before', 'After', 'After / before'], rows);
const file = writeResults('first-paint', {
  cases: Number(values.cases),
  runs: RUNS,
  warmup: WARMUP,
  // What each side was, so the report can say it without anyone typing it (issue 20).
  baseline: {
    label: values['baseline-rev']
      ? `the renderer of git revision ${values['baseline-rev']}, built by the benchmark`
      : `the built renderer at ${path.relative(repoRoot, builds.before) || '.'}`,
  },
  measured: {
    label:
      path.resolve(values.after) === path.join(repoRoot, 'out', 'renderer')
        ? "this checkout's out/renderer (npm run build)"
        : `the built renderer at ${path.relative(repoRoot, builds.after)}`,
  },
  builds: { before: { ...sizes.before }, after: { ...sizes.after } },
  scriptBytesBeforeFirstRow: { before: fetched('before'), after: fetched('after') },
  metrics: Object.fromEntries(METRICS.map((metric) => [metric, { before: summary('before', metric), after: summary('after', metric) }])),
  samples,
});
process.stdout.write(`\nWritten to ${file}\n`);
