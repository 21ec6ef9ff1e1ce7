/**
 * Views that earlier versions kept in this window's localStorage, moved once into the main
 * process (`caseViews.import`) for the person using the device: they then survive a reinstall
 * and follow the person. The stored copy is cleared only after the main process has them all;
 * if the import is refused, they stay where they were and the move is tried again next start.
 */
import { savedCaseViewSchema, type SavedCaseView } from '@shared/domain/case-views';
import { LEGACY_VIEWS_KEY } from './views';

export interface LegacyViews {
  readonly views: SavedCaseView[];
  /** Entries that are not views Plaint can show (damaged, or from a filter that no longer exists). */
  readonly unreadable: number;
}

/** What earlier versions left in the store; null when there is nothing. */
export function readLegacyViews(store: Pick<Storage, 'getItem'>): LegacyViews | null {
  const raw = store.getItem(LEGACY_VIEWS_KEY);
  if (raw === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { views: [], unreadable: 1 };
  }
  const entries: unknown[] = Array.isArray(parsed) ? parsed : [parsed];
  const views: SavedCaseView[] = [];
  for (const entry of entries) {
    const checked = savedCaseViewSchema.safeParse(entry);
    if (checked.success && !views.some((view) => view.id === checked.data.id)) views.push(checked.data);
  }
  return { views, unreadable: entries.length - views.length };
}

/**
 * Moves the stored views to the main process. Resolves with the person's views afterwards, or
 * null when there was nothing to move; rejects (and keeps the stored views) when the import fails.
 */
export async function moveLegacyViews(
  store: Pick<Storage, 'getItem' | 'removeItem'>,
  importViews: (views: SavedCaseView[]) => Promise<SavedCaseView[]>,
): Promise<SavedCaseView[] | null> {
  const found = readLegacyViews(store);
  if (!found) return null;
  // Entries that are not views could never be shown; dropping them loses nothing usable.
  const saved = found.views.length > 0 ? await importViews(found.views) : null;
  store.removeItem(LEGACY_VIEWS_KEY);
  return saved;
}
