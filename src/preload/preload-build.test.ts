/**
 * Electron cannot run an ESM preload in a sandboxed renderer, and a sandboxed preload's
 * `require` reaches only `electron` and a few built-ins. Nothing else would catch a regression
 * in the build settings, so this reads the built file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from '../main/test-support/built-output';

const built = path.resolve('out/preload/index.cjs');

// The build as the sources are now (npm test builds first); an old or missing out/ fails here.
beforeAll(() => assertFreshBuild());

describe('built preload script', () => {
  it('is one CommonJS file', () => {
    const code = fs.readFileSync(built, 'utf8');
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    expect(code).not.toMatch(/import\.meta/);
    expect(fs.readdirSync(path.dirname(built)).filter((file) => /\.(c|m)?js$/.test(file))).toEqual(['index.cjs']);
  });
  it("requires nothing but 'electron'", () => {
    const code = fs.readFileSync(built, 'utf8');
    const required = [...code.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
  it('exposes exactly one global with invoke and subscribe', () => {
    const code = fs.readFileSync(built, 'utf8');
    expect([...code.matchAll(/exposeInMainWorld\(/g)]).toHaveLength(1);
  });
});
