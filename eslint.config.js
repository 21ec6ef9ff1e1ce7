// @ts-check
import js from '@eslint/js';
import eslintConfigPrettier from 'eslint-config-prettier/flat';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { absoluteAliases } from './path-aliases.ts';
import tseslint from 'typescript-eslint';

/** A folder or file of the main process, as no-restricted-paths wants it. */
const main = (...names) => names.map((name) => `src/main/${name}`);
/** The adapters and the composition root: nothing below them may import them. */
const edges = ['api', 'electron', 'services.ts', 'index.ts'];

/**
 * The layers inside the main process, bottom up (after VS Code's code-layering rule, which names
 * for each layer what it may not import):
 * storage (SQLite under RxDB) < database (opening the profile's RxDB) < domain (complaints, the
 * workflow, settings, staff) < files, notifier, post-room < reports (issue 16) < sync < api (the dispatcher and its
 * handlers adapt requests to services) < services.ts (the composition root) < electron, index.ts.
 * events, logging, config and security are leaves any layer may use. Tests and their support code
 * may reach across (they wire whole services), so they are not targets.
 */
const mainLayers = [
  { target: main('storage'), from: main(''), except: ['./storage'], message: 'storage is the bottom layer: it knows nothing of the main process above it.' },
  {
    target: main('events', 'config', 'security'),
    from: main('storage', 'database', 'domain', 'files', 'notifier', 'post-room', 'reports', 'sync', 'mail', 'logging', 'crash', 'process-safety.ts', ...edges),
    message: 'events, config and security are leaves: they import no other part of the main process.',
  },
  {
    target: main('logging'),
    from: main('database', 'domain', 'files', 'notifier', 'post-room', 'reports', 'sync', 'mail', ...edges),
    message: 'logging is a leaf: every layer logs, so it imports none of them.',
  },
  {
    target: main('database'),
    from: main('domain', 'files', 'notifier', 'post-room', 'reports', 'sync', 'mail', ...edges),
    message: "database opens the storage; what is stored in it (and how a case is searched) is the domain's, passed in.",
  },
  {
    target: main('domain'),
    from: [...main('files', 'notifier', 'post-room', 'reports', 'sync', 'mail', ...edges), 'src/shared/api'],
    message:
      'The domain imports no transport (api, src/shared/api), sync, post room, notifier, reports or Electron: it throws DomainError and returns its own records; adapters map them.',
  },
  {
    target: main('files'),
    from: main('notifier', 'post-room', 'reports', 'sync', 'mail', ...edges),
    message: 'files stores attachments for the layers above it and imports none of them.',
  },
  {
    target: main('notifier'),
    from: main('files', 'post-room', 'reports', 'sync', 'mail', ...edges),
    message: 'The notifier reads the domain and imports no post room, sync or adapter.',
  },
  {
    target: main('post-room'),
    from: main('notifier', 'reports', 'sync', 'mail', ...edges),
    message: 'The post room imports no notifier, sync, mail or adapter.',
  },
  {
    target: main('mail'),
    from: main('notifier', 'reports', 'sync', ...edges),
    message: "E-mail (issue 17) builds on the domain, files and the post room's letters; it imports no notifier, reports, sync or adapter.",
  },
  {
    target: main('reports'),
    from: main('notifier', 'sync', ...edges),
    message: "reports read the domain (and reuse the post room's CSV writer); they import no notifier, sync or adapter.",
  },
  {
    target: main('erasure'),
    from: main('reports', 'retention', 'sync', 'backup', ...edges),
    message:
      'erasure (issue 14) plans the anonymisation of cases, letters and files; sync reads its erased forms, so it imports no sync, retention or adapter.',
  },
  {
    target: main('retention'),
    from: main('reports', 'sync', 'backup', ...edges),
    message: 'retention (issue 14) reads the domain and approves erasures; it imports no sync, reports or adapter.',
  },
  {
    target: main('sync'),
    from: main('notifier', 'retention', ...edges),
    message: 'sync imports no notifier, retention or adapter: the composition root hands it what it needs.',
  },
  {
    target: main('backup'),
    from: main('domain', 'files', 'notifier', 'post-room', 'sync', ...edges),
    message: 'backup copies and checks the database file through the storage; the composition root hands it the database, timers and clock.',
  },
  {
    target: main('api'),
    from: main('database', 'files', 'config', 'security', 'electron', 'services.ts', 'index.ts'),
    message: 'api only adapts: handlers call services; they never open the database or reach the host.',
  },
  {
    target: main('api'),
    from: main('storage'),
    except: ['./storage-errors.ts'],
    message: 'api only adapts: it maps storage errors to API errors, and calls services for everything else.',
  },
  {
    target: main('protection'),
    from: main('database', 'domain', 'identity', 'files', 'notifier', 'post-room', 'reports', 'backup', 'sync', ...edges),
    message: 'protection holds the database key and its slots: plain Node, no layer above it; the composition root wires it to the session and the database.',
  },
  // The one storage module it shares: which cipher a database file is in (a leaf that imports only the SQLite binding).
  {
    target: main('protection'),
    from: main('storage'),
    except: ['./database-cipher.ts'],
    message: 'protection reaches the storage only for the database cipher (storage/database-cipher.ts).',
  },
  {
    target: main('electron'),
    from: main('storage', 'database', 'domain', 'files', 'post-room', 'reports', 'services.ts'),
    message: 'electron/ only adapts Electron to the ports the main process defines (dispatcher, event bus, notification sink, secret store).',
  },
];

/** Tests and the code that only tests run. */
const testCode = ['**/*.test.ts', '**/*.test.tsx', '**/test-support/**'];

/** electron-vite's ESM main bundle declares `require` itself (see the rule's block below). */
const noModuleRequire = {
  selector: "Program > VariableDeclaration > VariableDeclarator[id.name='require']",
  message: 'Name it something else (e.g. requireFromHere): the built main bundle already declares `require`.',
};

/** The casts that switch the type checker off rather than tell it something. */
const noSilencingCasts = [
  {
    selector: "TSAsExpression[typeAnnotation.type='TSNeverKeyword']",
    message: '`as never` switches type checking off: give the value its real type, or narrow it with a type guard.',
  },
  {
    selector: "TSAsExpression > TSAsExpression.expression[typeAnnotation.type='TSUnknownKeyword']",
    message: '`as unknown as` switches type checking off: parse the value (zod), narrow it with a type guard, or type the source.',
  },
];

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'http', 'net', 'url', 'util', 'worker_threads'];

/** What the renderer may not import: Node, Electron and the main process (it asks through window.plaint). */
const rendererBoundary = [
  { group: nodeBuiltins, message: 'The renderer has no Node: ask the main process through the API.' },
  {
    group: ['electron', '**/main/**', '**/preload/**', '@main/**', '@preload/**'],
    message: 'The renderer reaches the main process only through window.plaint.',
  },
];

/** Issue 12: date-holidays is most of the first paint's script; screens count working days over the settings' holiday table. */
const firstPaintHolidays = {
  group: ['date-holidays', '**/sla/public-holidays', '@shared/sla/public-holidays'],
  message: 'Use the calendar from useSettings() (over the holiday table the main process sends); only the settings screens load the holiday rules.',
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'release/**',
      'node_modules/**',
      '.toolchain/**',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'coverage/**',
      'reports/**',
      '.stryker-tmp/**',
    ],
  },
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
      'no-restricted-imports': ['error', { patterns: [...rendererBoundary, firstPaintHolidays] }],
    },
  },
  {
    // The settings screens show the holiday rules themselves, behind their own lazy route; tests may use them.
    files: ['src/renderer/src/features/settings/**/*.{ts,tsx}', 'src/renderer/**/*.test.{ts,tsx}', 'src/renderer/**/test-support/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: rendererBoundary }] },
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
            {
              group: ['electron', '**/main/**', '**/renderer/**', '**/preload/**', '@main/**', '@renderer/**', '@preload/**'],
              message: 'src/shared depends on nothing but libraries.',
            },
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
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ group: ['electron'], message: 'Domain, data, sync and notifier code must run in plain Node: put Electron calls in src/main/electron.' }],
        },
      ],
    },
  },
  {
    // Layers inside the main process, and no import cycles anywhere.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.tsx', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Resolves the aliases too, so the layer rules and no-cycle see through `@main/…` as through `../`.
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.js', '.d.ts'],
          alias: Object.fromEntries(Object.entries(absoluteAliases()).map(([alias, folder]) => [alias, [folder]])),
        }),
      ],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
  {
    files: ['src/main/**/*.ts'],
    ignores: testCode,
    rules: { 'import-x/no-restricted-paths': ['error', { zones: mainLayers }] },
  },
  {
    // Product code states its types: no `as never` / `as unknown as` to silence the checker. Parse
    // what comes from outside (zod), narrow with a type guard, or give the value its real type.
    // Tests may fake what they need.
    files: ['src/**/*.{ts,tsx}'],
    ignores: testCode,
    rules: { 'no-restricted-syntax': ['error', ...noSilencingCasts] },
  },
  {
    // electron-vite puts `const require = createRequire(import.meta.url)` at the top of an ESM main
    // bundle that calls require(); a module-level `require` of our own then makes the whole bundle
    // a SyntaxError ("Identifier 'require' has already been declared") and the app cannot start.
    // Tests and their support code are never bundled.
    files: ['src/main/**/*.ts'],
    ignores: ['**/*.test.ts', '**/test-support/**'],
    rules: { 'no-restricted-syntax': ['error', ...noSilencingCasts, noModuleRequire] },
  },
  {
    // Test support (some of it is bundled by esbuild or run as a child process): no cast rule, but
    // still no module-level `require`.
    files: ['src/main/**/test-support/**/*.ts'],
    rules: { 'no-restricted-syntax': ['error', noModuleRequire] },
  },
  {
    // Casts left in files that issue 13 is changing at the same time (fixing them here would
    // collide): each file is exempt until its casts are gone, then leaves this list.
    files: ['src/main/domain/collections.ts', 'src/main/domain/device-identity.ts', 'src/main/domain/case-service.ts', 'src/main/domain/demo/demo-cases.ts'],
    rules: { 'no-restricted-syntax': ['error', noModuleRequire] },
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
  // Last: turns off every rule about layout, which Prettier owns (prettier.config.js).
  eslintConfigPrettier,
);
