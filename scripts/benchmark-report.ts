/**
 * npm run bench:report — writes docs/benchmarks.md from the benchmarks' own output
 * (bench-results/*.json), with the machine, the date and the commit of each run, so no figure in
 * the documentation is typed by hand (issue 20). Run the benchmarks first (npm run bench:…).
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

function storageSection(result: Json): string {
  const parts: string[] = ['## Storage (`npm run bench:storage`)', provenance(result)];
  const performance = record(result['rxdbPerformanceTest']);
  const metrics = record(performance['metrics']);
  const storages = Object.keys(record(Object.values(metrics)[0])).filter((key) => !key.startsWith('plaintSqliteTo_'));
  if (storages.length > 0) {
    parts.push(
      `### RxDB's performance test (median ms of ${String(performance['rounds'] ?? '?')} rounds; lower is better)`,
      'Dexie on fake-indexeddb and the localstorage mock keep their data in JavaScript objects in memory: weak peers, shown because RxDB uses them as references. The plain SQLite key–value table is the strongest peer that runs here (same file format and fsync, no index columns); memory is the ceiling with no durability.',
      table(['metric', ...storages], Object.entries(metrics).map(([metric, values]) => [metric, ...storages.map((name) => record(values)[name])])),
      table(['compared with', 'metrics where Plaint is faster', 'geometric mean of ratios (ours / theirs)'], storages.filter((name) => name !== 'plaintSqlite').map((name) => [name, record(performance['goals'])[`metricsBetterThan_${name}`], record(performance['goals'])[`geometricMeanRatioTo_${name}`]])),
    );
  }
  const scale = record(result['complaintScale']);
  if (rows(scale['operations']).length > 0) {
    parts.push(
      `### Complaint-office scale: ${String(scale['documents'] ?? '?')} documents of ~${String(scale['averageDocumentBytes'] ?? '?')} bytes, against direct SQL (statements prepared once)`,
      table(['operation', 'rounds', 'ours ms', 'direct SQL ms', 'ratio'], rows(scale['operations']).map((row) => [row['operation'], row['rounds'] ?? 1, row['oursMs'], row['sqlMs'], row['ratio']])),
      `Files: ours ${String(record(scale['files'])['oursMiB'] ?? '?')} MiB, direct SQL ${String(record(scale['files'])['sqlMiB'] ?? '?')} MiB.`,
    );
  }
  return parts.join('\n\n');
}

function casesSection(result: Json): string {
  return [
    '## The complaint domain (`npm run bench:cases`)',
    provenance(result),
    `${String(result['cases'] ?? '?')} seeded cases (${String(result['openCases'] ?? '?')} open), each operation through the API against the same work in direct SQL with prepared statements (or, for text search, a full scan); both sides must return the same results.`,
    table(
      ['operation', 'runs', 'ours median ms', 'ours p95 ms', 'baseline', 'baseline median ms', 'ratio'],
      rows(result['operations']).map((row) => [row['operation'], row['runs'], row['oursMedianMs'], row['oursP95Ms'], row['baseline'], row['baselineMedianMs'], row['ratioMedian']]),
    ),
    ...needToKnowPart(record(result['needToKnow']), result['cases']),
  ].join('\n\n');
}

/** Issue 13's goal: a caseworker's list, count and search within 1.5× of a manager's, same run. */
function needToKnowPart(needToKnow: Json, cases: unknown): string[] {
  if (rows(needToKnow['operations']).length === 0) return [];
  return [
    `### Need-to-know (P-7.1): a caseworker who sees ${String(needToKnow['caseworkerSees'] ?? '?')} of ${String(cases ?? '?')} cases, beside a manager who sees them all (ratio = caseworker / manager; goal ≤ 1.5)`,
    table(
      ['operation', 'runs', 'caseworker median ms', 'manager median ms', 'ratio (median)', 'ratio (p95)'],
      rows(needToKnow['operations']).map((row) => [row['operation'], row['runs'], row['caseworkerMedianMs'], row['managerMedianMs'], row['ratioMedian'], row['ratioP95']]),
    ),
  ];
}

function syncSection(result: Json): string {
  return [
    '## Sync (`npm run bench:sync`)',
    provenance(result),
    `Against PouchDB on the same pouchdb-server, ${String(result['runs'] ?? '?')} initial syncs each (taking turns), ${String(result['edits'] ?? '?')} edits of the same case document on both sides.`,
    table(['measure', 'ours', 'PouchDB', 'ours / PouchDB'], rows(result['results']).map((row) => [row['measure'], row['ours'], row['pouchdb'], row['ratio']])),
  ].join('\n\n');
}

function notifierSection(result: Json): string {
  return [
    '## Deadline notifier (`npm run bench:notifier`)',
    provenance(result),
    table(['operation', 'median ms', 'p95 ms'], rows(result['operations']).map((row) => [row['operation'], row['medianMs'], row['p95Ms']])),
    `Schedule / read ratio: ${String(result['scheduleToReadRatio'] ?? '?')}.`,
    `First start with sign-in and catch-up: ${String(result['firstStartMs'] ?? '?')} ms (${String(result['desktopNotificationsAtFirstStart'] ?? '?')} desktop notifications); its background checks settled ${String(result['backgroundSettledMs'] ?? '?')} ms later, before the runs above.`,
  ].join('\n\n');
}

function mailSection(result: Json): string {
  return [
    '## E-mail import (`npm run bench:mail`)',
    provenance(result),
    `${String(result['messages'] ?? '?')} messages (${String(result['megabytes'] ?? '?')} MB), each with a photo and a PDF, in a private Dovecot on loopback; Plaint's import (\`mail.fetch\` into a fresh profile: every message read, checked and stored with its attachments) beside a bare imapflow fetch of the same messages' sources, ${String(result['runs'] ?? '?')} runs each, taking turns.`,
    table(['operation', 'median ms', 'ms per message'], rows(result['operations']).map((row) => [row['operation'], row['medianMs'], row['perMessageMs']])),
    `Plaint / bare imapflow ratio: ${String(result['plaintToImapflowRatio'] ?? '?')}.`,
  ].join('\n\n');
}

const sections = [
  ['storage', storageSection],
  ['cases', casesSection],
  ['sync', syncSection],
  ['notifier', notifierSection],
  ['mail', mailSection],
] as const;
const written = sections.flatMap(([name, section]) => {
  const result = read(name);
  return result ? [section(result)] : [`## ${name}\n\nNot measured yet: run \`npm run bench:${name}\`, then \`npm run bench:report\`.`];
});
const text = [
  '# Benchmarks',
  'Written by `npm run bench:report` from `bench-results/*.json`; every figure is the benchmark’s own output, measured side by side with its reference in one run (ratios, never absolute pass/fail times). Do not edit by hand.',
  ...written,
].join('\n\n');
fs.mkdirSync(path.dirname(output), { recursive: true });
fs.writeFileSync(output, `${text}\n`);
console.warn(`Wrote ${path.relative(root, output)}`);
