/**
 * Issue 14, subject access: `people.chooseArchive` asks the host's save dialog (Electron's in the
 * app) for the archive's path, suggesting a safe .zip name; without one (the browser harness) it
 * says so, and the path is typed instead.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDomain, testViewer, type TestDomain } from '../domain/test-support';
import { chooseArchive } from './archive-chooser';

let t: TestDomain | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('choosing where the archive goes (issue 14)', () => {
  it('says there is no dialog in the harness, and is for administrators only', async () => {
    t = await startTestDomain();
    expect(await t.call('people.chooseArchive', { suggestedName: 'anna.zip' })).toEqual({ available: false, path: null });
    expect((await t.failAs(testViewer('x', ['manager']), 'people.chooseArchive', { suggestedName: 'anna.zip' })).code).toBe('FORBIDDEN');
  });

  it('suggests a .zip name without path separators, and passes on a cancel as null', async () => {
    const asked: string[] = [];
    expect(await chooseArchive(async ({ defaultName }) => (asked.push(defaultName), `/home/admin/${defaultName}`), 'subject access/Anna: 2026')).toEqual({
      available: true,
      path: '/home/admin/subject access_Anna_ 2026.zip',
    });
    expect(asked).toEqual(['subject access_Anna_ 2026.zip']);
    expect(await chooseArchive(async () => null, 'anna.zip')).toEqual({ available: true, path: null });
  });
});
