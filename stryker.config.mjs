// Mutation testing of one module (npm run test:mutation runs every module, one after another).
// The modules, the files mutated and the tests that guard them are in mutation-modules.json.
import fs from 'node:fs';

const modules = JSON.parse(fs.readFileSync(new URL('./mutation-modules.json', import.meta.url), 'utf8'));
const name = process.env.PLAINT_MUTATION_MODULE ?? '';
const module = modules[name];
if (!module) throw new Error(`Set PLAINT_MUTATION_MODULE to one of: ${Object.keys(modules).join(', ')}`);

export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: module.mutate,
  coverageAnalysis: 'perTest',
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  // The bootstrapped Node (.toolchain), build output and reports are not part of what is tested.
  ignorePatterns: ['.toolchain', 'out', 'release', '/reports', 'bench-results', '.data', 'test-results'],
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
