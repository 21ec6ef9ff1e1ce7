import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { absoluteAliases } from './path-aliases.ts';
import { CSP_META } from './src/main/security/content-security-policy';

/** @shared, @main, @preload, @renderer (path-aliases.ts), in every bundle. */
const resolve = { alias: absoluteAliases() };

/** Writes the one Content-Security-Policy (src/main/security) into the renderer's index.html. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'plaint:content-security-policy',
    transformIndexHtml: {
      order: 'pre',
      handler: (html) => html.replace('%PLAINT_CSP%', CSP_META),
    },
  };
}

export default defineConfig({
  main: {
    resolve,
    build: {
      // Runtime dependencies (RxDB, SQLite, …) stay in node_modules; native modules cannot be bundled.
      externalizeDeps: true,
    },
  },
  preload: {
    resolve,
    build: {
      // A sandboxed preload must be one CommonJS file that requires only 'electron'.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    resolve,
    plugins: [react(), contentSecurityPolicy()],
    build: {
      sourcemap: true,
      chunkSizeWarningLimit: 2048,
    },
  },
});
