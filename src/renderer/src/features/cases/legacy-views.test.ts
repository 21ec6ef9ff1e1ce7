/** Views kept in localStorage by earlier versions: what counts as a view, and the one-off move into the main process. */
import { describe, expect, it, vi } from 'vitest';
import type { SavedCaseView } from '@shared/domain/case-views';
import { moveLegacyViews, readLegacyViews } from './legacy-views';
import { LEGACY_VIEWS_KEY } from './views';

const kept = { id: 'custom-lz3k9w1x', name: 'Old breached', filters: { deadline: 'breached' }, sort: { field: 'nextDueAt', direction: 'asc' }, search: '' };

function store(value: string | null) {
  const items = new Map<string, string>(value === null ? [] : [[LEGACY_VIEWS_KEY, value]]);
  return { getItem: (key: string) => items.get(key) ?? null, removeItem: (key: string) => void items.delete(key), items };
}

describe('reading the views an earlier version kept', () => {
  it('finds nothing when nothing was kept', () => {
    expect(readLegacyViews(store(null))).toBeNull();
  });

  it('keeps the views Plaint can show, once each, and counts the rest', () => {
    const found = readLegacyViews(
      store(
        JSON.stringify([
          kept,
          { ...kept, name: 'Same id again' },
          { ...kept, id: 'custom-2', filters: { colour: 'red' } },
          'junk',
          { id: 'my-open', name: 'x', filters: {}, sort: kept.sort },
        ]),
      ),
    );
    expect(found).toEqual({ views: [kept], unreadable: 4 });
  });

  it('fills in what older entries lacked (no search)', () => {
    const { search: _search, ...withoutSearch } = kept;
    expect(readLegacyViews(store(JSON.stringify([withoutSearch])))?.views).toEqual([kept]);
  });

  it('treats damaged storage as one unreadable entry', () => {
    expect(readLegacyViews(store('[{"id":'))).toEqual({ views: [], unreadable: 1 });
  });
});

describe('moving them into the main process', () => {
  it('imports them and then clears them from the window', async () => {
    const storage = store(JSON.stringify([kept]));
    const answer: SavedCaseView[] = [{ ...kept, filters: { deadline: 'breached' }, sort: { field: 'nextDueAt', direction: 'asc' } }];
    const importViews = vi.fn(() => Promise.resolve(answer));
    expect(await moveLegacyViews(storage, importViews)).toBe(answer);
    expect(importViews).toHaveBeenCalledWith([kept]);
    expect(storage.items.has(LEGACY_VIEWS_KEY)).toBe(false);
  });

  it('keeps them in the window when the import is refused, so nothing is lost', async () => {
    const storage = store(JSON.stringify([kept]));
    await expect(moveLegacyViews(storage, () => Promise.reject(new Error('You can keep at most 40 saved views.')))).rejects.toThrow('at most 40');
    expect(storage.items.get(LEGACY_VIEWS_KEY)).toBe(JSON.stringify([kept]));
  });

  it('clears entries that are no views without asking the main process', async () => {
    const storage = store('"not a list of views"');
    const importViews = vi.fn(() => Promise.resolve([]));
    expect(await moveLegacyViews(storage, importViews)).toBeNull();
    expect(importViews).not.toHaveBeenCalled();
    expect(storage.items.has(LEGACY_VIEWS_KEY)).toBe(false);
  });
});
