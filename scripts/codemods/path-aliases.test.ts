import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PATH_ALIASES } from '../../path-aliases.ts';
import { aliasFor, rewrite } from './path-aliases';

const root = path.resolve(import.meta.dirname, '..', '..');
const at = (file: string) => path.join(root, file);

describe('the path aliases', () => {
  it.each(['tsconfig.base.json', 'tsconfig.json'])('are the same in %s as in path-aliases.ts', (tsconfig) => {
    const { config } = ts.parseConfigFileTextToJson(tsconfig, fs.readFileSync(at(tsconfig), 'utf8'));
    const paths = (config as { compilerOptions: { paths: Record<string, string[]> } }).compilerOptions.paths;
    const fromTsconfig = Object.fromEntries(
      Object.entries(paths)
        .filter(([key]) => key.startsWith('@'))
        .map(([key, [target]]) => [key.replace(/\/\*$/, ''), target?.replace(/^\.\//, '').replace(/\/\*$/, '')]),
    );
    expect(fromTsconfig).toEqual(PATH_ALIASES);
  });

  it('name the longest root that holds the target', () => {
    expect(aliasFor(at('src/shared/domain/records'))).toBe('@shared/domain/records');
    expect(aliasFor(at('src/renderer/src/common/format'))).toBe('@renderer/common/format');
    expect(aliasFor(at('src/main/domain/collections'))).toBe('@main/domain/collections');
    expect(aliasFor(at('bench/lib/x'))).toBeNull();
  });
});

describe('the path-alias codemod', () => {
  const file = at('src/renderer/src/features/workspace/panel/Probe.tsx');

  it('rewrites imports that climb three folders or more, and leaves shallower ones', () => {
    const source = [
      "import { a } from '../../../../../shared/domain/records';",
      "import type { B } from '../../../common/format';",
      "export { c } from '../../cases/case-list';",
      "import { d } from '../sibling';",
      "vi.mock('../../../../../shared/api/contract');",
      "const e = await import('../../../common/lazy');",
    ].join('\n');
    const { text, changes } = rewrite(file, source, 3);
    expect(text).toBe(
      [
        "import { a } from '@shared/domain/records';",
        "import type { B } from '@renderer/common/format';",
        "export { c } from '../../cases/case-list';",
        "import { d } from '../sibling';",
        "vi.mock('@shared/api/contract');",
        "const e = await import('@renderer/common/lazy');",
      ].join('\n'),
    );
    expect(changes).toHaveLength(4);
  });

  it('changes nothing the second time (re-runnable after a merge)', () => {
    const once = rewrite(file, "import { a } from '../../../../../shared/domain/records';", 3).text;
    expect(rewrite(file, once, 3)).toEqual({ text: once, changes: [] });
  });

  it('leaves imports with an explicit .ts ending (Node type stripping knows no aliases) and those outside the roots', () => {
    const source = "import { x } from '../../../../shared/a.ts';\nimport { y } from '../../../../../../bench/lib/y';";
    expect(rewrite(file, source, 3)).toEqual({ text: source, changes: [] });
  });

  it('follows --min-depth', () => {
    expect(rewrite(file, "import { c } from '../../cases/case-list';", 2).text).toBe("import { c } from '@renderer/features/cases/case-list';");
  });
});
