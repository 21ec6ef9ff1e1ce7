import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareDataDirectory, readDataDirectoryArgument } from './data-directory';

describe('--data-dir', () => {
  it('reads both spellings and resolves to an absolute path', () => {
    expect(readDataDirectoryArgument(['electron', '.', '--data-dir', 'profiles/a'])).toBe(path.resolve('profiles/a'));
    const absolute = path.resolve('profiles', 'b');
    expect(readDataDirectoryArgument(['electron', '.', `--data-dir=${absolute}`])).toBe(absolute);
    expect(readDataDirectoryArgument(['electron', '.'])).toBeNull();
  });
  it('refuses a flag without a path', () => {
    expect(() => readDataDirectoryArgument(['--data-dir'])).toThrow(/needs a directory/);
    expect(() => readDataDirectoryArgument(['--data-dir', '--other'])).toThrow(/needs a directory/);
    expect(() => readDataDirectoryArgument(['--data-dir='])).toThrow(/needs a directory/);
  });
  it('creates a missing directory and explains an unusable one', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-dd-'));
    expect(prepareDataDirectory(path.join(base, 'new', 'profile'))).toBe(path.join(base, 'new', 'profile'));
    const file = path.join(base, 'a-file');
    fs.writeFileSync(file, 'x');
    expect(() => prepareDataDirectory(path.join(file, 'sub'))).toThrow(/cannot use the data directory/);
    fs.rmSync(base, { recursive: true, force: true });
  });
});
