/**
 * Rewrites deep relative imports to the path aliases (path-aliases.ts): an import that climbs
 * `--min-depth` folders or more (three by default: `../../../`) names the root it lands in instead,
 * e.g. `../../../../shared/domain/records` → `@shared/domain/records`. Re-runnable: it changes only
 * what is still deep, so run it again after merging a branch.
 *
 *   npx tsx scripts/codemods/path-aliases.ts [--check] [--min-depth N] [paths…]   (default paths: src e2e)
 *
 * `--check` writes nothing and exits 1 naming each import it would rewrite (npm run lint runs it).
 * Imports with an explicit `.ts` ending are left alone: those files run on Node's own type
 * stripping (the fake Electron), which knows no aliases.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PATH_ALIASES } from '../../path-aliases.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

/** The import specifiers in a module: static imports and exports, import(), vi.mock() and vi.importActual(). */
const SPECIFIER = /(\bfrom\s+|\bimport\s+|\bimport\(\s*|\bvi\.(?:mock|doMock|importActual)\(\s*)(['"])(\.\.\/[^'"]*)\2/g;

/** The alias for an absolute path, by the longest alias folder that holds it; null outside them all. */
export function aliasFor(target: string, repoRoot = root): string | null {
  let best: { alias: string; folder: string } | null = null;
  for (const [alias, folder] of Object.entries(PATH_ALIASES)) {
    const absolute = path.join(repoRoot, folder);
    if ((target === absolute || target.startsWith(absolute + path.sep)) && (!best || absolute.length > best.folder.length)) best = { alias, folder: absolute };
  }
  if (!best) return null;
  const rest = path.relative(best.folder, target).split(path.sep).join('/');
  return rest === '' ? null : `${best.alias}/${rest}`;
}

/** How many folders a relative specifier climbs (`../../x` climbs 2). */
function climbs(specifier: string): number {
  return specifier.split('/').filter((part) => part === '..').length;
}

/** The module's text with every deep relative import rewritten, and what was rewritten. */
export function rewrite(file: string, text: string, minDepth: number, repoRoot = root): { text: string; changes: string[] } {
  const changes: string[] = [];
  const out = text.replace(SPECIFIER, (whole: string, before: string, quote: string, specifier: string) => {
    if (climbs(specifier) < minDepth || /\.tsx?$/.test(specifier)) return whole;
    const alias = aliasFor(path.resolve(path.dirname(file), specifier), repoRoot);
    if (!alias) return whole;
    changes.push(`${specifier} → ${alias}`);
    return `${before}${quote}${alias}${quote}`;
  });
  return { text: out, changes };
}

function main(argv: string[]): number {
  const check = argv.includes('--check');
  const depthAt = argv.indexOf('--min-depth');
  const minDepth = depthAt >= 0 ? Number(argv[depthAt + 1]) : 3;
  if (!Number.isInteger(minDepth) || minDepth < 1) throw new Error('--min-depth takes a whole number of folders, 1 or more.');
  const paths = argv.filter((arg, index) => !arg.startsWith('--') && (depthAt < 0 || index !== depthAt + 1));
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...(paths.length > 0 ? paths : ['src', 'e2e'])], {
    cwd: root,
    encoding: 'utf8',
  });
  const files = listed.split('\n').filter((file) => /\.(ts|tsx|mts)$/.test(file) && fs.existsSync(path.join(root, file)));
  let rewritten = 0;
  for (const file of files) {
    const absolute = path.join(root, file);
    const before = fs.readFileSync(absolute, 'utf8');
    const { text, changes } = rewrite(absolute, before, minDepth);
    if (changes.length === 0) continue;
    rewritten += 1;
    if (check) for (const change of changes) console.log(`${file}: ${change}`);
    else fs.writeFileSync(absolute, text);
  }
  if (check && rewritten > 0) {
    console.error(`${rewritten} file(s) import through ${'../'.repeat(minDepth)}: run npm run codemod:path-aliases`);
    return 1;
  }
  if (!check) console.log(`path aliases: ${rewritten} of ${files.length} files rewritten`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) process.exitCode = main(process.argv.slice(2));
