/**
 * npm run bench:report — writes docs/benchmarks.md from the benchmarks' own output
 * (bench-results/*.json), with the machine, the date and the commit of each run, so no figure in
 * the documentation is typed by hand (issue 20). Run the benchmarks first (npm run bench:…).
 *
 * bench-results/ is not committed, so one machine rarely holds every benchmark's JSON. A section
 * whose JSON is absent is kept as docs/benchmarks.md last had it (still the output of an earlier
 * run, with its own provenance line), never replaced by "not measured".
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, 'bench-results');
const output = path.join(root, 'docs', 'benchmarks.md');

type Json = Record<string, unknown>;

function read(name: string): Json | null {
  const file = path.join(results, `${name}.json`);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Json) : null;
}

function record(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function rows(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(record) : [];
}

function table(header: readonly string[], body: readonly (readonly unknown[])[]): string {
  const line = (cells: readonly unknown[]) => `| ${cells.map((cell) => String(cell ?? '')).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...body.map(line)].join('\n');
}

function provenance(result: Json): string {
  const machine = record(result['machine']);
  return `Measured ${String(result['generatedAt'] ?? '?')} at commit \`${String(result['commit'] ?? 'unknown')}\` on ${String(machine['cpus'] ?? '?')} × ${String(machine['cpuModel'] ?? '?')}, ${String(machine['memoryGiB'] ?? '?')} GiB, Node ${String(machine['node'] ?? '?')} (${String(machine['platform'] ?? '?')}), load average ${String(machine['loadAverage'] ?? '?')} when it ended (both sides of each ratio ran under the same load).`;
}

/** A ratio the benchmark rounded to 0 (two decimals) is shown from its own two times, so it does not read as "free". */
function smallRatio(ratio: unknown, ours: unknown, theirs: unknown): unknown {
  return ratio === 0 && typeof ours === 'number' && typeof theirs === 'number' && ours > 0 && theirs > 0 ? Number((ours / theirs).toPrecision(2)) : ratio;
}

function storageSection(result: Json): string {
  const parts: string[] = ['## Storage (`npm run bench:storage`)', provenance(result)];
  const performance = record(result['rxdbPerformanceTest']);
  const metrics = record(performance['metrics']);
  const storages = Object.keys(record(Object.values(metrics)[0])).filter((key) => !key.startsWith('plaintSqliteTo_'));
  if (storages.length > 0) {
    parts.push(
      `### RxDB's performance test (median ms of ${String(performance['rounds'] ?? '?')} rounds; lower is better)`,
      'Dexie on fake-indexeddb and the localstorage mock keep their data in JavaScript objects in memory: weak peers, shown because RxDB uses them as references. The plain SQLite key–value table is the strongest peer that runs here (same file format and fsync, no index columns); memory is the ceiling with no durability.',
      table(
        ['metric', ...storages],
        Object.entries(metrics).map(([metric, values]) => [metric, ...storages.map((name) => record(values)[name])]),
      ),
      table(
        ['compared with', 'metrics where Plaint is faster', 'geometric mean of ratios (ours / theirs)'],
        storages
          .filter((name) => name !== 'plaintSqlite')
          .map((name) => [name, record(performance['goals'])[`metricsBetterThan_${name}`], record(performance['goals'])[`geometricMeanRatioTo_${name}`]]),
      ),
    );
  }
  const scale = record(result['complaintScale']);
  if (rows(scale['operations']).length > 0) {
    parts.push(
      `### Complaint-office scale: ${String(scale['documents'] ?? '?')} documents of ~${String(scale['averageDocumentBytes'] ?? '?')} bytes, against direct SQL (statements prepared once)`,
      table(
        ['operation', 'rounds', 'ours ms', 'direct SQL ms', 'ratio'],
        rows(scale['operations']).map((row) => [
          row['operation'],
          row['rounds'] ?? 1,
          row['oursMs'],
          row['sqlMs'],
          smallRatio(row['ratio'], row['oursMs'], row['sqlMs']),
        ]),
      ),
      `Files: ours ${String(record(scale['files'])['oursMiB'] ?? '?')} MiB, direct SQL ${String(record(scale['files'])['sqlMiB'] ?? '?')} MiB.`,
    );
  }
  parts.push(...keyComparisonPart(record(result['withAndWithoutKey'])), ...cipherPart(record(result['ciphers'])));
  return parts.join('\n\n');
}

/** Part 4 (issue 14): which cipher, each writing the same rows below RxDB beside plain SQLite. */
function cipherPart(ciphers: Json): string[] {
  if (rows(ciphers['ciphers']).length === 0) return [];
  return [
    `### Which cipher (issue 14): a bulk insert of ${String(ciphers['documents'] ?? '?')} case rows with better-sqlite3, then the WAL checkpointed; ${String(ciphers['rounds'] ?? '?')} rounds, taking turns (load average ${Array.isArray(ciphers['loadAverage']) ? ciphers['loadAverage'].join(', ') : '?'} when it ended)`,
    table(
      ['cipher', 'detects tampering', 'write + checkpoint median ms', 'ratio to plain', 'open (key derivation) median ms'],
      rows(ciphers['ciphers']).map((row) => [row['cipher'], row['authenticated'], row['writeMedianMs'], row['ratio'], row['openMedianMs']]),
    ),
  ];
}

function casesSection(result: Json): string {
  return [
    '## The complaint domain (`npm run bench:cases`)',
    provenance(result),
    `${String(result['cases'] ?? '?')} seeded cases (${String(result['openCases'] ?? '?')} open), each operation through the API against the same work in direct SQL with prepared statements (or, for text search, a full scan); both sides must return the same results.`,
    table(
      ['operation', 'runs', 'ours median ms', 'ours p95 ms', 'baseline', 'baseline median ms', 'ratio'],
      rows(result['operations']).map((row) => [
        row['operation'],
        row['runs'],
        row['oursMedianMs'],
        row['oursP95Ms'],
        row['baseline'],
        row['baselineMedianMs'],
        row['ratioMedian'],
      ]),
    ),
    ...needToKnowPart(record(result['needToKnow']), result['cases']),
    ...casesKeyComparisonPart(result['withAndWithoutKey'], result['cases']),
  ].join('\n\n');
}

/** Issue 13's goal: a caseworker's list, count and search within 1.5× of a manager's, same run. */
function needToKnowPart(needToKnow: Json, cases: unknown): string[] {
  if (rows(needToKnow['operations']).length === 0) return [];
  return [
    `### Need-to-know (P-7.1): a caseworker who sees ${String(needToKnow['caseworkerSees'] ?? '?')} of ${String(cases ?? '?')} cases, beside a manager who sees them all (ratio = caseworker / manager; goal ≤ 1.5)`,
    table(
      ['operation', 'runs', 'caseworker median ms', 'manager median ms', 'ratio (median)', 'ratio (p95)'],
      rows(needToKnow['operations']).map((row) => [
        row['operation'],
        row['runs'],
        row['caseworkerMedianMs'],
        row['managerMedianMs'],
        row['ratioMedian'],
        row['ratioP95'],
      ]),
    ),
  ];
}

function syncSection(result: Json): string {
  return [
    '## Sync (`npm run bench:sync`)',
    provenance(result),
    `Against PouchDB on the same pouchdb-server, ${String(result['runs'] ?? '?')} initial syncs each (taking turns), ${String(result['edits'] ?? '?')} edits of the same case document on both sides.`,
    table(
      ['measure', 'ours', 'PouchDB', 'ours / PouchDB'],
      rows(result['results']).map((row) => [row['measure'], row['ours'], row['pouchdb'], row['ratio']]),
    ),
  ].join('\n\n');
}

function keyComparisonPart(withAndWithoutKey: Json): string[] {
  return keyComparisonTable(
    `### With and without the key (issue 14, P-7.2): ${String(withAndWithoutKey['documents'] ?? '?')} case documents, an encrypted database beside a plain one, taking turns (ratio = encrypted / plain; goal ≤ 1.3×)`,
    rows(withAndWithoutKey['operations']),
  );
}

/** bench:cases ends with the domain's operations on an encrypted and a plain profile (issue 14). */
function casesKeyComparisonPart(operations: unknown, cases: unknown): string[] {
  return keyComparisonTable(
    `### With and without the key (issue 14, P-7.2): the same operations through the API on an encrypted and a plain profile of ${String(cases ?? '?')} cases each, taking turns (ratio = encrypted / plain; goal ≤ 1.3×)`,
    rows(operations),
  );
}

function keyComparisonTable(heading: string, operations: Json[]): string[] {
  if (operations.length === 0) return [];
  return [
    heading,
    table(
      ['operation', 'runs', 'encrypted median ms', 'plain median ms', 'ratio (median)', 'ratio (p95)', 'within 1.3×'],
      operations.map((row) => [
        row['operation'],
        row['runs'],
        row['encryptedMedianMs'],
        row['plainMedianMs'],
        row['ratioMedian'],
        row['ratioP95'],
        row['withinGoal'] === true ? 'yes' : 'no',
      ]),
    ),
  ];
}

/** Issue 16's goal: the full 12-month dashboard at most 1.5× the same aggregates in hand-written SQL. */
const REPORTS_GOAL = 1.5;

function reportsSection(result: Json): string {
  const scenarios = rows(result['scenarios']);
  const full = scenarios.find((row) => String(row['scenario']).startsWith('full'));
  const ratio = typeof full?.['ratioMedian'] === 'number' ? full['ratioMedian'] : null;
  const verdict =
    ratio === null
      ? 'The full dashboard was not measured in this run.'
      : `Full dashboard: ${String(ratio)}× — the goal (≤ ${REPORTS_GOAL}×) is ${ratio <= REPORTS_GOAL ? 'met' : 'NOT met'}.`;
  const heaviest = scenarios.map((row) => {
    // Where the baseline's time goes, from its own per-query means: the share of its heaviest query,
    // and what the ratio would be if that query were free (a scaled estimate, said as one).
    const means = Object.entries(record(row['sqlMeanMsPerQuery'])).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
    const whole = means.reduce((sum, [, ms]) => sum + ms, 0);
    const [query, ms] = means.reduce((top, entry) => (entry[1] > top[1] ? entry : top), ['', 0] as [string, number]);
    const ours = Number(row['oursMedianMs']);
    const sql = Number(row['sqlMedianMs']);
    const without = sql * (1 - ms / whole);
    return whole > 0
      ? `${String(row['scenario'])}: the SQL's heaviest query is \`${query}\` (${Math.round((ms / whole) * 100)} % of its time); with it left out the ratio would be about ${Math.round((ours / without) * 100) / 100}×.`
      : '';
  });
  const perQuery = scenarios.map((row) => [
    row['scenario'],
    Object.entries(record(row['sqlMeanMsPerQuery']))
      .map(([query, ms]) => `${query} ${String(ms)}`)
      .join(', '),
  ]);
  return [
    '## Reports dashboard (`npm run bench:reports`)',
    provenance(result),
    `${String(result['cases'] ?? '?')} seeded cases. Ours: \`reports.dashboard\` through the main-process services, its cache emptied before every run. Baseline: the same aggregates as hand-written SQL over the storage's own SQLite tables (the documents read once into a temporary table, then each figure with its case ids; months in UTC and calendar days, so a little less work than the dashboard's office time zone and working days). The two sides take turns, alternating which goes first; "received" and "open" show both counted the same cases. Goal (issue 16): the full 12-month dashboard at most ${REPORTS_GOAL}× the SQL.`,
    table(
      ['scenario', 'runs', 'received (ours / SQL)', 'open (ours / SQL)', 'ours median ms', 'ours p95 ms', 'SQL median ms', 'SQL p95 ms', 'ratio (median)'],
      scenarios.map((row) => [
        row['scenario'],
        row['runs'],
        `${String(record(row['received'])['dashboard'] ?? '?')} / ${String(record(row['received'])['sql'] ?? '?')}`,
        `${String(record(row['open'])['dashboard'] ?? '?')} / ${String(record(row['open'])['sql'] ?? '?')}`,
        row['oursMedianMs'],
        row['oursP95Ms'],
        row['sqlMedianMs'],
        row['sqlP95Ms'],
        row['ratioMedian'],
      ]),
    ),
    verdict,
    "The SQL finds third-party inquiries by scanning the whole timeline (the storage's index columns are encoded, so hand-written SQL cannot use them), while the dashboard reads them through an index; so the baseline is weakest there:",
    heaviest
      .filter(Boolean)
      .map((line) => `- ${line}`)
      .join('\n'),
    'Mean SQL time per query (ms), where the baseline spends its time:',
    table(['scenario', 'queries'], perQuery),
  ].join('\n\n');
}

const FIRST_PAINT_LABELS: Record<string, string> = {
  firstContentfulPaint: 'First contentful paint',
  navigation: 'Navigation shown',
  firstRow: 'First case row in the DOM',
  firstRowPainted: 'First case row painted',
};

function firstPaintSection(result: Json): string {
  const metrics = record(result['metrics']);
  const builds = record(result['builds']);
  const spread = (value: unknown) => {
    const figure = record(value);
    return `${String(figure['median'] ?? '?')} (${String(figure['p25'] ?? '?')}–${String(figure['p75'] ?? '?')})`;
  };
  const ratio = (before: unknown, after: unknown) =>
    typeof before === 'number' && typeof after === 'number' && before > 0 ? String(Math.round((after / before) * 100) / 100) : '?';
  const body = Object.entries(metrics).map(([metric, value]) => {
    const [before, after] = [record(record(value)['before']), record(record(value)['after'])];
    return [FIRST_PAINT_LABELS[metric] ?? metric, spread(before), spread(after), ratio(before['median'], after['median'])];
  });
  const fetched = record(result['scriptBytesBeforeFirstRow']);
  if (typeof fetched['before'] === 'number' && typeof fetched['after'] === 'number') {
    body.push([
      'JavaScript fetched before the first row (KiB, median)',
      String(Math.round(fetched['before'] / 1024)),
      String(Math.round(fetched['after'] / 1024)),
      ratio(fetched['before'], fetched['after']),
    ]);
  }
  const size = (build: unknown) =>
    `${String(record(build)['files'] ?? '?')} files, ${String(Math.round(Number(record(build)['bytes'] ?? Number.NaN) / 1024))} KiB, largest ${String(Math.round(Number(record(build)['largest'] ?? Number.NaN) / 1024))} KiB`;
  return [
    '## First paint of the case list (`npm run bench:first-paint`)',
    provenance(result),
    `Issue 12 (the renderer split by route): two renderer builds side by side in the browser harness, each on its own copy of the same ${String(result['cases'] ?? '?')} seeded cases, Chromium opening them in turn (alternating which goes first), each time in a fresh context; ${String(result['runs'] ?? '?')} runs each after ${String(result['warmup'] ?? '?')} warm-up runs. Times are the page's own, in ms from navigation start: median (p25–p75). Before: ${String(record(result['baseline'])['label'] ?? 'not recorded')}. After: ${String(record(result['measured'])['label'] ?? 'not recorded')}. No goal was set beyond "report it"; lower is better.`,
    table(['measure', 'before', 'after', 'after / before'], body),
    `Builds: before ${size(builds['before'])}; after ${size(builds['after'])}.`,
  ].join('\n\n');
}

function notifierSection(result: Json): string {
  return [
    '## Deadline notifier (`npm run bench:notifier`)',
    provenance(result),
    table(
      ['operation', 'median ms', 'p95 ms'],
      rows(result['operations']).map((row) => [row['operation'], row['medianMs'], row['p95Ms']]),
    ),
    `Schedule / read ratio: ${String(result['scheduleToReadRatio'] ?? '?')}.`,
    `First start with sign-in and catch-up: ${String(result['firstStartMs'] ?? '?')} ms (${String(result['desktopNotificationsAtFirstStart'] ?? '?')} desktop notifications); its background checks settled ${String(result['backgroundSettledMs'] ?? '?')} ms later, before the runs above.`,
  ].join('\n\n');
}

function mailSection(result: Json): string {
  return [
    '## E-mail import (`npm run bench:mail`)',
    provenance(result),
    `${String(result['messages'] ?? '?')} messages (${String(result['megabytes'] ?? '?')} MB), each with a photo and a PDF, in a private Dovecot on loopback; Plaint's import (\`mail.fetch\` into a fresh profile: every message read, checked and stored with its attachments) beside a bare imapflow fetch of the same messages' sources, ${String(result['runs'] ?? '?')} runs each, taking turns.`,
    table(
      ['operation', 'median ms', 'ms per message'],
      rows(result['operations']).map((row) => [row['operation'], row['medianMs'], row['perMessageMs']]),
    ),
    `Plaint / bare imapflow ratio: ${String(result['plaintToImapflowRatio'] ?? '?')}.`,
  ].join('\n\n');
}

const SCALE_LABELS: Record<string, string> = {
  cases: 'cases held',
  timelineEntries: 'timeline entries held',
  documents: 'shared documents held (cases, timeline, letters, file records)',
  bytesAsFound: 'bytes on the device, as found',
  bytesOnDevice: 'bytes on the device, WAL checkpointed',
  freeDatabaseBytes: 'free database pages (bytes)',
  otherFileBytes: 'other files (bytes)',
  usableListMs: 'sign-in to a first page of cases (ms)',
  fullySyncedMs: 'sign-in to "Up to date" (ms)',
  serverRequests: 'requests to the server',
  bytesReadFromServer: 'bytes read from the server',
};

function scaleSection(result: Json): string {
  const caseworker = record(result['caseworker']);
  const manager = record(result['manager']);
  const ratios = record(result['ratios']);
  const share = record(result['share']);
  const byCollection = record(result['byCollection']);
  const theirs = record(byCollection['manager']);
  const ours = record(byCollection['caseworker']);
  const bytesShare = Number(share['bytesShare']);
  const casesShare = Number(share['casesShare']);
  return [
    '## Need-to-know replicas (`npm run bench:scale`)',
    provenance(result),
    `A new caseworker's device (one demo department: ${String(result['department'] ?? '?')}) beside a new manager's device (every case: the full replica) joining a server with ${String(result['casesOnServer'] ?? '?')} demo cases, in one run.`,
    table(
      ['measure', 'caseworker', 'manager (full replica)', 'caseworker / manager'],
      Object.keys(SCALE_LABELS)
        .filter((key) => key in caseworker)
        .map((key) => [SCALE_LABELS[key], caseworker[key], manager[key], ratios[key]]),
    ),
    `Share of the full replica on the caseworker's device: **${String(share['casesShare'] ?? '?')} of the cases, ${String(share['documentsShare'] ?? '?')} of the documents, ${String(share['bytesShare'] ?? '?')} of the bytes** (WAL checkpointed). Goal (issue 19): no more bytes than cases, 10% of the bytes for 10% of the cases: ${Number.isFinite(bytesShare) && Number.isFinite(casesShare) ? (bytesShare <= casesShare ? 'met' : 'NOT met') : '?'}.`,
    "Database pages in use by collection (tables with their indexes; `rx-replication-meta` is RxDB's replication state of every collection):",
    table(
      ['collection', 'caseworker bytes', 'manager bytes'],
      Object.keys(theirs)
        .sort((a, b) => Number(theirs[b]) - Number(theirs[a]))
        .map((name) => [name, ours[name] ?? 0, theirs[name]]),
    ),
  ].join('\n\n');
}

const sections = [
  ['storage', storageSection],
  ['cases', casesSection],
  ['sync', syncSection],
  ['notifier', notifierSection],
  ['mail', mailSection],
  ['reports', reportsSection],
  ['first-paint', firstPaintSection],
  ['scale', scaleSection],
] as const;

/**
 * The sections docs/benchmarks.md has now, by benchmark name (the `npm run bench:NAME` in a
 * section's heading), so a benchmark whose JSON is not on this machine keeps the figures an
 * earlier run wrote. A placeholder ("Not measured yet") is not kept: it is written afresh.
 */
function existingSections(): Map<string, string> {
  const kept = new Map<string, string>();
  if (!fs.existsSync(output)) return kept;
  for (const chunk of fs.readFileSync(output, 'utf8').split(/^(?=## )/m)) {
    const name = /^## .*`npm run bench:([\w-]+)`/.exec(chunk)?.[1];
    if (name && !chunk.includes('Not measured yet')) kept.set(name, chunk.trim());
  }
  return kept;
}

const previous = existingSections();
const kept: string[] = [];
const written = sections.flatMap(([name, section]) => {
  const result = read(name);
  if (result) return [section(result)];
  const earlier = previous.get(name);
  if (earlier) {
    kept.push(name);
    return [earlier];
  }
  return [`## ${name}\n\nNot measured yet: run \`npm run bench:${name}\`, then \`npm run bench:report\`.`];
});
for (const name of kept) console.warn(`No bench-results/${name}.json here: kept its section as docs/benchmarks.md had it`);
const text = [
  '# Benchmarks',
  'Written by `npm run bench:report` from `bench-results/*.json`; every figure is the benchmark’s own output, measured side by side with its reference in one run (ratios, never absolute pass/fail times). Do not edit by hand.',
  'Sections are measured at different times, each with its own provenance line (date, commit, machine, load). `bench-results/` is not committed, so when a benchmark’s JSON is not on the machine that runs the report, its section is kept as an earlier report wrote it.',
  ...written,
].join('\n\n');
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, `${text}\n`);
console.warn(`Wrote ${path.relative(root, output)}`);
