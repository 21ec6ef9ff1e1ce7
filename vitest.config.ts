import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { absoluteAliases } from './path-aliases.ts';

/**
 * Unit and integration tests. Two projects: Node-side code (main process, shared rules, preload,
 * scripts) in Node; renderer components in jsdom.
 */
export default defineConfig({
  // The import aliases (path-aliases.ts); both projects extend this.
  resolve: { alias: absoluteAliases() },
  test: {
    // Generous: a test may wait only on conditions, never on the clock, and CI shares 2 cores with other work;
    // these limits catch a hang, not slowness (a notifier test once took 59 s on a machine loaded 6x over).
    testTimeout: 180_000,
    hookTimeout: 180_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'src/preload/**/*.test.ts', 'scripts/**/*.test.ts', 'e2e/harness/**/*.test.ts'],
        },
      },
      {
        extends: true,
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['src/renderer/src/test-support/setup.ts'],
        },
      },
    ],
  },
});
