/**
 * Bad input through the real boundary: each kind gets a clear error envelope, changes nothing,
 * and the main process keeps serving.
 */
import { expect, test } from './support/fixtures';

type Envelope = { ok: boolean; error?: { code: string; message: string; issues: { path: string; code: string }[] }; result?: unknown };

test('unknown methods, malformed and mis-shaped inputs get error envelopes and the main process keeps serving', async ({ plaint }) => {
  const { page } = plaint;
  // A ready database shows no badge (problems only, issue 18); the status area says it is ready.
  await expect(page.getByTestId('status-area')).toHaveAttribute('data-database', 'ready');
  await expect(page.getByTestId('status-database')).toHaveCount(0);
  const before = await page.evaluate(() =>
    (window as unknown as { plaint: { invoke(m: string, i: unknown): Promise<Envelope> } }).plaint.invoke('app.info', {}),
  );

  const results = await page.evaluate(async () => {
    const api = (window as unknown as { plaint: { invoke(m: unknown, i: unknown): Promise<Envelope> } }).plaint;
    return {
      unknown: await api.invoke('cases.dropAll', {}),
      notAString: await api.invoke(42, {}),
      malformed: await api.invoke('app.ping', { message: 123 }),
      wrongShape: await api.invoke('app.ping', ['not', 'an', 'object']),
      extraField: await api.invoke('app.ping', { message: 'hi', admin: true }),
      badReport: await api.invoke('app.reportError', { source: 'nowhere', message: '' }),
    };
  });

  expect(results.unknown.error?.code).toBe('UNKNOWN_METHOD');
  expect(results.notAString.error?.code).toBe('UNKNOWN_METHOD');
  expect(results.malformed.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'message', code: 'invalid_type' }] });
  expect(results.wrongShape.error?.code).toBe('VALIDATION_FAILED');
  expect(results.extraField.error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ code: 'unknown_field' }] });
  expect(results.badReport.error?.issues.map((issue) => issue.path).sort()).toEqual(['message', 'source']);

  const after = await page.evaluate(async () => {
    const api = (window as unknown as { plaint: { invoke(m: string, i: unknown): Promise<Envelope> } }).plaint;
    return { ping: await api.invoke('app.ping', { message: 'still here' }), info: await api.invoke('app.info', {}) };
  });
  expect(after.ping).toMatchObject({ ok: true, result: { pong: true, message: 'still here' } });
  expect(after.info).toEqual(before);
});
