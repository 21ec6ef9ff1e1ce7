import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { CSP_META } from './src/main/security/content-security-policy';

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
    build: {
      // Runtime dependencies (RxDB, SQLite, …) stay in node_modules; native modules cannot be bundled.
      externalizeDeps: true,
    },
  },
  preload: {
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
    plugins: [react(), contentSecurityPolicy()],
    build: {
      sourcemap: true,
      chunkSizeWarningLimit: 2048,
    },
  },
});
