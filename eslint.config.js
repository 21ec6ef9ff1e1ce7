// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', '.toolchain/**', 'test-results/**', 'playwright-report/**', 'bench-results/**', 'coverage/**', 'reports/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': ['error', { allow: ['warn', 'error'] }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}', 'e2e/harness/shim.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'The renderer has no Node: ask the main process through the API.' },
            { group: ['electron', '**/main/**', '**/preload/**'], message: 'The renderer reaches the main process only through window.plaint.' },
          ],
        },
      ],
    },
  },
  {
    // Shared code runs on both sides: no Node, no Electron, no main-process modules.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'src/shared must run in the renderer too.' },
            { group: ['electron', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'src/shared depends on nothing but libraries.' },
          ],
        },
      ],
    },
  },
  {
    // Electron stays at the edges: only the adapter layer, the entry and the preload import it.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron'], message: 'Domain, data, sync and notifier code must run in plain Node: put Electron calls in src/main/electron.' }] }],
    },
  },
  {
    // electron-vite puts `const require = createRequire(import.meta.url)` at the top of an ESM main
    // bundle that calls require(); a module-level `require` of our own then makes the whole bundle
    // a SyntaxError ("Identifier 'require' has already been declared") and the app cannot start.
    // Tests and their support code are never bundled.
    files: ['src/main/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "Program > VariableDeclaration > VariableDeclarator[id.name='require']",
          message: 'Name it something else (e.g. requireFromHere): the built main bundle already declares `require`.',
        },
      ],
    },
  },
  {
    // Tests may assert presence with `!`; product code may not.
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.spec.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  {
    files: ['scripts/**/*.ts', 'bench/**/*.ts', 'e2e/harness/server.ts'],
    rules: { 'no-console': 'off' },
  },
);
