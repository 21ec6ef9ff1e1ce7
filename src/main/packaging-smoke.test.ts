/**
 * Packaging smoke test: electron-builder packs the built app for Linux (`--dir`, no installer)
 * around a stand-in Electron folder made here, then the archive is inspected. It needs no
 * Electron binary and no network: with `electronDist` and `electronVersion` given, electron-builder
 * has nothing to download. Fuses are off for this run only (there is no real binary to flip them
 * in); electron-builder.yml is untouched. What it cannot prove is listed in the README
 * ("Before a release").
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { extractFile, listPackage, statFile } from '@electron/asar';
import { Arch, build, Platform } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertFreshBuild } from './test-support/built-output';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const requireFromHere = createRequire(import.meta.url);
const projectPackage = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  name: string;
  main: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const STAND_IN_SCRIPT = '#!/bin/sh\necho "A stand-in for Electron made by packaging-smoke.test.ts; it cannot run Plaint." >&2\nexit 1\n';

/** An unpacked Electron distribution as far as electron-builder looks at it for Linux. */
function makeStandInElectron(directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  fs.writeFileSync(path.join(directory, 'electron'), STAND_IN_SCRIPT, { mode: 0o755 });
  fs.writeFileSync(path.join(directory, 'LICENSE'), 'Stand-in for the Electron licence file.\n');
  fs.writeFileSync(path.join(directory, 'version'), readElectronVersion());
}

function readElectronVersion(): string {
  return (JSON.parse(fs.readFileSync(requireFromHere.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
}

/** Files under a directory, as archive paths ('/out/main/index.js'). */
function filesUnder(directory: string, archivePrefix: string): string[] {
  return fs
    .readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `${archivePrefix}/${path.relative(directory, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
}

/** The npm packages in an archive listing, by their directory ('/node_modules/a/node_modules/@s/b'). */
function packagesIn(listing: readonly string[]): string[] {
  const packages = new Set<string>();
  for (const entry of listing) {
    const match = /^(\/(?:node_modules\/(?:@[^/]+\/)?[^/]+\/)*node_modules\/(?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry);
    if (match?.[1]) packages.add(match[1]);
  }
  return [...packages].sort();
}

describe('the Linux package (electron-builder --dir on a stand-in Electron)', () => {
  let work: string;
  let appDirectory: string;
  let archive: string;
  let listing: string[];

  beforeAll(async () => {
    assertFreshBuild();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-package-'));
    const electronDist = path.join(work, 'electron-dist');
    makeStandInElectron(electronDist);
    await build({
      projectDir: repoRoot,
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      // Merged over electron-builder.yml for this run only.
      config: { electronDist, electronVersion: readElectronVersion(), electronFuses: null, directories: { output: path.join(work, 'release') } },
    });
    appDirectory = path.join(work, 'release', 'linux-unpacked');
    archive = path.join(appDirectory, 'resources', 'app.asar');
    listing = listPackage(archive, { isPack: false });
  }, 600_000);

  afterAll(() => {
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  it('is the stand-in executable, renamed for the app, with the app archive beside it', () => {
    const executable = path.join(appDirectory, projectPackage.name);
    expect(fs.readFileSync(executable, 'utf8')).toBe(STAND_IN_SCRIPT);
    expect(fs.statSync(executable).mode & 0o111).not.toBe(0);
    expect(fs.existsSync(archive)).toBe(true);
  });

  it('holds the built out/ exactly, without source maps', () => {
    const built = filesUnder(path.join(repoRoot, 'out'), '/out').filter((file) => !file.endsWith('.map'));
    const packed = listing.filter((entry) => entry.startsWith('/out/') && 'size' in statFile(archive, entry.slice(1)));
    expect(packed.sort()).toEqual(built.sort());
    expect(extractFile(archive, 'out/main/index.js').equals(fs.readFileSync(path.join(repoRoot, 'out', 'main', 'index.js')))).toBe(true);
  });

  it("resolves package.json's main inside the archive, and what the main bundle loads beside it", () => {
    const packedPackage = JSON.parse(extractFile(archive, 'package.json').toString('utf8')) as { main: string };
    expect(packedPackage.main).toBe(projectPackage.main);
    const main = path.posix.normalize(`/${packedPackage.main}`);
    expect(listing).toContain(main);
    // out/main/index.js finds these relative to itself (src/main/index.ts).
    for (const sibling of ['../preload/index.cjs', '../renderer/index.html', '../../resources/icon.png'])
      expect(listing).toContain(path.posix.join(path.posix.dirname(main), sibling));
  });

  it('packs only the app and its production dependencies: no dev dependencies, sources, tests or benchmarks', () => {
    expect(new Set(listing.filter((entry) => entry.split('/').length === 2))).toEqual(new Set(['/out', '/resources', '/package.json', '/node_modules']));
    const ownFiles = listing.filter((entry) => !entry.startsWith('/node_modules/'));
    expect(ownFiles.filter((entry) => /\.(test|spec)\.|\/(src|e2e|bench|scripts|test-support)\//.test(entry))).toEqual([]);

    // electron-builder lays node_modules out its own way, so packages are matched by name and version.
    const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { version?: string; dev?: boolean }>;
    };
    const installed = Object.entries(lock.packages)
      .filter(([key]) => key.includes('node_modules/'))
      .map(([key, entry]) => ({
        name: key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length),
        version: entry.version ?? '',
        devOnly: entry.dev === true,
      }));
    const production = new Set(installed.filter((entry) => !entry.devOnly).map((entry) => `${entry.name}@${entry.version}`));
    const packed = packagesIn(listing).map(
      (directory) => JSON.parse(extractFile(archive, `${directory.slice(1)}/package.json`).toString('utf8')) as { name: string; version: string },
    );
    expect(packed.map(({ name, version }) => `${name}@${version}`).filter((id) => !production.has(id))).toEqual([]);
    const packedNames = new Set(packed.map((entry) => entry.name));
    for (const dependency of Object.keys(projectPackage.dependencies)) expect(packedNames).toContain(dependency);
    // Dev dependencies that no production dependency needs as well (electron, vitest, react, …).
    const devOnly = Object.keys(projectPackage.devDependencies).filter((name) => installed.every((entry) => entry.name !== name || entry.devOnly));
    expect(devOnly).toContain('electron');
    expect(devOnly.filter((name) => packedNames.has(name))).toEqual([]);
  });

  it('keeps the SQLite binding out of the archive, unpacked, as a Node-API binary that loads', () => {
    const nativeFiles = listing.filter((entry) => entry.endsWith('.node'));
    expect(nativeFiles).toContain('/node_modules/better-sqlite3-multiple-ciphers/prebuilds/linux-x64.node');
    // Native code cannot be loaded from inside an asar archive: every .node file must be unpacked.
    for (const entry of nativeFiles) expect({ entry, unpacked: statFile(archive, entry.slice(1)).unpacked }).toEqual({ entry, unpacked: true });
    const binary = path.join(`${archive}.unpacked`, 'node_modules', 'better-sqlite3-multiple-ciphers', 'prebuilds', 'linux-x64.node');
    const bytes = fs.readFileSync(binary);
    // Node-API addons register through napi_register_module_v1; ABI-bound ones export node_register_module_v<ABI>.
    expect(bytes.includes('napi_register_module_v1')).toBe(true);
    expect(/node_register_module_v\d+/.test(bytes.toString('latin1'))).toBe(false);
    const report = process.report.getReport() as { header?: { glibcVersionRuntime?: string } };
    if (process.platform === 'linux' && process.arch === 'x64' && report.header?.glibcVersionRuntime) {
      const addon: { exports: { Database?: unknown } } = { exports: {} };
      process.dlopen(addon, binary);
      expect(typeof addon.exports.Database).toBe('function');
    }
  });

  it('carries the icons, unpacked for the desktop to read', () => {
    for (const icon of ['resources/icon.png', 'resources/icon.ico']) {
      expect(statFile(archive, icon).unpacked).toBe(true);
      expect(fs.readFileSync(path.join(`${archive}.unpacked`, icon)).equals(fs.readFileSync(path.join(repoRoot, icon)))).toBe(true);
    }
  });
});
