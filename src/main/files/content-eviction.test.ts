/**
 * The cache budget (issue 19): least recently used contents go first, only until what is held
 * fits, and a content the team server has not confirmed (`device`) is never chosen, even when
 * what is held stays over budget.
 */
import { describe, expect, it } from 'vitest';
import type { ContentEntry } from './content-ledger';
import { evictionsFor } from './content-eviction';

const entry = (bytes: number, usedAt: number, held: ContentEntry['held'] = 'server'): ContentEntry => ({ bytes, usedAt, held, mine: false });

describe('the cache budget', () => {
  it('evicts least recently used first, only until what is held fits', () => {
    const entries: [string, ContentEntry][] = [
      ['newest', entry(400, 30)],
      ['oldest', entry(400, 10)],
      ['middle', entry(400, 20)],
    ];
    expect(evictionsFor(entries, 1_200)).toEqual([]);
    expect(evictionsFor(entries, 1_000)).toEqual(['oldest']);
    expect(evictionsFor(entries, 400)).toEqual(['oldest', 'middle']);
  });

  it('never evicts content the server does not yet hold, even over budget', () => {
    const entries: [string, ContentEntry][] = [
      ['unpushed, oldest', entry(400, 1, 'device')],
      ['confirmed', entry(400, 20)],
      ['unpushed', entry(400, 30, 'device')],
    ];
    expect(evictionsFor(entries, 100)).toEqual(['confirmed']);
    expect(
      evictionsFor(
        entries.filter(([, value]) => value.held === 'device'),
        0,
      ),
    ).toEqual([]);
  });

  it('counts nothing for contents already gone', () => {
    expect(
      evictionsFor(
        [
          ['gone', entry(0, 1, 'absent')],
          ['here', entry(500, 2)],
        ],
        500,
      ),
    ).toEqual([]);
  });
});
