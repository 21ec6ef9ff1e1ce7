/**
 * Packaging cannot run on the CI machine (no Electron binary), so this checks the installer
 * configuration against electron-builder's own JSON schema and the facts it relies on.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = parse(fs.readFileSync('electron-builder.yml', 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
};

describe('electron-builder.yml', () => {
  it("validates against electron-builder's schema", () => {
    const schema = require('app-builder-lib/scheme.json') as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('builds Linux AppImage and deb, Windows NSIS and macOS dmg with icons that exist', () => {
    expect(config['appId']).toBe('app.plaint.desktop');
    expect(config['productName']).toBe('Plaint');
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.win.target).toEqual(['nsis']);
    expect(config.mac.target).toEqual(['dmg']);
    for (const icon of [config.linux.icon, config.win.icon, config.mac.icon]) expect(fs.existsSync(path.resolve(icon))).toBe(true);
  });

  it('can skip the native rebuild because the SQLite binding is Node-API', () => {
    const gyp = fs.readFileSync(path.join(path.dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')), 'binding.gyp'), 'utf8');
    expect(gyp).toMatch(/NAPI_VERSION=\d+/);
    expect(config['npmRebuild']).toBe(false);
  });
});
