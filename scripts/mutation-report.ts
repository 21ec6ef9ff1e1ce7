/**
 * npm run test:mutation — runs Stryker on each module of mutation-modules.json (or those named),
 * one after another, then prints each module's mutation score and fails when one is below the
 * bar (85% unless --min says otherwise). Score = (killed + timed out) / valid mutants, so a
 * mutant no test reaches counts against the module.
 * Usage: tsx scripts/mutation-report.ts [module …] [--min 85] [--report-only]
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

interface MutationModule {
  readonly title: string;
}
interface Report {
  readonly files: Record<string, { readonly mutants: readonly { readonly status: string }[] }>;
}

const modules = JSON.parse(fs.readFileSync('mutation-modules.json', 'utf8')) as Record<string, MutationModule>;
const args = process.argv.slice(2);
const minIndex = args.indexOf('--min');
const minimum = minIndex >= 0 ? Number(args[minIndex + 1]) : 85;
const named = args.filter((arg, index) => !arg.startsWith('--') && (minIndex < 0 || index !== minIndex + 1));
const chosen = named.length > 0 ? named : Object.keys(modules);
const unknown = chosen.filter((name) => !modules[name]);
if (unknown.length > 0) throw new Error(`Unknown modules: ${unknown.join(', ')} (known: ${Object.keys(modules).join(', ')})`);

if (!args.includes('--report-only')) {
  for (const name of chosen) {
    console.warn(`\n— mutation testing: ${modules[name]?.title ?? name} —`);
    const run = spawnSync('npx', ['stryker', 'run', 'stryker.config.mjs'], { stdio: 'inherit', env: { ...process.env, PLAINT_MUTATION_MODULE: name } });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
}

const DETECTED = new Set(['Killed', 'Timeout']);
const INVALID = new Set(['CompileError', 'RuntimeError', 'Ignored']);
const rows = chosen.map((name) => {
  const file = `reports/mutation/${name}.json`;
  if (!fs.existsSync(file)) return { name, detected: 0, total: 0, survived: -1 };
  const mutants = Object.values((JSON.parse(fs.readFileSync(file, 'utf8')) as Report).files)
    .flatMap((entry) => entry.mutants)
    .filter((mutant) => !INVALID.has(mutant.status));
  const detected = mutants.filter((mutant) => DETECTED.has(mutant.status)).length;
  return { name, detected, total: mutants.length, survived: mutants.length - detected };
});
const score = (row: { detected: number; total: number }) => (row.total === 0 ? 0 : (100 * row.detected) / row.total);
console.warn(
  [
    '',
    '| Module | Killed or timed out / mutants | Score |',
    '|---|---|---|',
    ...rows.map(
      (row) => `| ${modules[row.name]?.title ?? row.name} | ${row.detected} / ${row.total} | ${row.total === 0 ? 'no report' : `${score(row).toFixed(1)}%`} |`,
    ),
  ].join('\n'),
);
const below = rows.filter((row) => score(row) < minimum);
if (below.length > 0) {
  console.error(`Below ${minimum}%: ${below.map((row) => modules[row.name]?.title ?? row.name).join(', ')}`);
  process.exit(1);
}
