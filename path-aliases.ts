/**
 * The import aliases, written once for the tools that run JavaScript (electron-vite, Vitest, ESLint,
 * the codemod); plain Node loads this file through its own type stripping, so it uses only erasable
 * TypeScript. TypeScript itself reads JSON, so tsconfig.base.json and tsconfig.json repeat them under
 * `paths`; scripts/codemods/path-aliases.test.ts fails when they disagree.
 * An import that would climb three or more folders (`../../../`) names the root it lands in instead
 * (`npm run codemod:path-aliases` rewrites them).
 */
import path from 'node:path';

/** Alias → folder, relative to the repository. */
export const PATH_ALIASES: Readonly<Record<string, string>> = {
  '@shared': 'src/shared',
  '@main': 'src/main',
  '@preload': 'src/preload',
  '@renderer': 'src/renderer/src',
};

/** The aliases as absolute folders, as Vite's and the ESLint resolver's `alias` want them. */
export function absoluteAliases(root: string = import.meta.dirname): Record<string, string> {
  return Object.fromEntries(Object.entries(PATH_ALIASES).map(([alias, folder]) => [alias, path.join(root, folder)]));
}
