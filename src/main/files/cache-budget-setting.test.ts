/**
 * The file cache budget is a setting of this device (issue 19): 2048 MiB (2 GB) unless changed;
 * a budget that is not a whole number of MiB of at least 1 is refused with a clear error and
 * changes nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { startTestDomain, type TestDomain } from '../domain/test-support';

let t: TestDomain | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the file cache budget setting', () => {
  it('defaults to 2 GB, can be changed, and refuses what is not a whole number of MiB of at least 1', async () => {
    const domain = await startTestDomain();
    t = domain;
    expect((await domain.call('device.getPreferences', {})).fileCacheMegabytes).toBe(2048);
    expect((await domain.call('device.setPreferences', { fileCacheMegabytes: 512 })).fileCacheMegabytes).toBe(512);
    for (const fileCacheMegabytes of [0, -5, 1.5, '1024']) {
      expect(await domain.fail('device.setPreferences', { fileCacheMegabytes })).toMatchObject({
        code: 'VALIDATION_FAILED',
        issues: [{ path: 'fileCacheMegabytes' }],
      });
    }
    expect(await domain.call('device.getPreferences', {})).toMatchObject({ fileCacheMegabytes: 512, closeToTray: true });
  });
});
