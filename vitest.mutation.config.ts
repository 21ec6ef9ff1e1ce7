import fs from 'node:fs';
import { defineConfig } from 'vitest/config';
import { absoluteAliases } from './path-aliases.ts';

/**
 * Mutation testing (npm run test:mutation): the in-process Node tests that guard the module under
 * mutation (mutation-modules.json). Crash rounds are left out: their writers run in child
 * processes, which mutants do not reach, and they take minutes.
 */
const modules = JSON.parse(fs.readFileSync(new URL('./mutation-modules.json', import.meta.url), 'utf8')) as Record<string, { tests: string[] }>;
const selected = modules[process.env['PLAINT_MUTATION_MODULE'] ?? ''];

export default defineConfig({
  resolve: { alias: absoluteAliases() },
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: selected?.tests ?? Object.values(modules).flatMap((module) => module.tests),
  },
});
