/**
 * Issue 16: the reports' cache (the dashboard's and the recurrence report's): one computation per
 * key and minute; emptied on a change; a computation a change overtook, or a failed one, is not
 * kept; the oldest entry goes first.
 */
import { describe, expect, it } from 'vitest';
import { ReportCache } from './report-cache';

const at = (iso: string) => new Date(iso);

describe('the report cache', () => {
  it('computes once per key in a minute, again in the next minute or for another key', async () => {
    const cache = new ReportCache<number>(10);
    let runs = 0;
    const compute = () => Promise.resolve((runs += 1));
    expect(await cache.get(['ann'], at('2026-12-01T10:00:05Z'), compute)).toBe(1);
    expect(await cache.get(['ann'], at('2026-12-01T10:00:55Z'), compute)).toBe(1);
    expect(await cache.get(['ben'], at('2026-12-01T10:00:55Z'), compute)).toBe(2);
    expect(await cache.get(['ann'], at('2026-12-01T10:01:00Z'), compute)).toBe(3);
    expect(cache.size).toBe(3);
  });

  it('is emptied on a change, and does not keep a result a change overtook while it ran', async () => {
    const cache = new ReportCache<string>(10);
    const now = at('2026-12-01T10:00:00Z');
    let finish: (value: string) => void = () => undefined;
    const running = cache.get(['ann'], now, () => new Promise<string>((resolve) => (finish = resolve)));
    cache.invalidate();
    finish('stale');
    expect(await running).toBe('stale');
    expect(await cache.get(['ann'], now, () => Promise.resolve('fresh'))).toBe('fresh');
    cache.invalidate();
    expect(cache.size).toBe(0);
    expect(await cache.get(['ann'], now, () => Promise.resolve('after the change'))).toBe('after the change');
  });

  it('does not keep a failure, and drops the oldest entry past its size', async () => {
    const cache = new ReportCache<string>(2);
    const now = at('2026-12-01T10:00:00Z');
    await expect(cache.get(['ann'], now, () => Promise.reject(new Error('disk')))).rejects.toThrow('disk');
    expect(await cache.get(['ann'], now, () => Promise.resolve('retried'))).toBe('retried');
    await cache.get(['ben'], now, () => Promise.resolve('ben'));
    await cache.get(['cy'], now, () => Promise.resolve('cy'));
    expect(cache.size).toBe(2);
    expect(await cache.get(['ann'], now, () => Promise.resolve('recomputed'))).toBe('recomputed');
  });
});
