/**
 * The cache budget (issue 19): which file contents to drop so that what this device holds fits
 * the budget. Least recently used first, and only contents the team server is known to hold: a
 * scan logged here that the server has not confirmed is never dropped, even over budget.
 */
import { holdsContent, type ContentEntry } from './content-ledger';

export const DEFAULT_CACHE_MEGABYTES = 2048;
export const MEGABYTE = 1024 * 1024;

export function evictionsFor(entries: readonly (readonly [string, ContentEntry])[], budgetBytes: number): string[] {
  let held = entries.reduce((sum, [, entry]) => sum + (holdsContent(entry) ? entry.bytes : 0), 0);
  const evictable = entries.filter(([, entry]) => entry.held === 'server').sort(([idA, a], [idB, b]) => a.usedAt - b.usedAt || idA.localeCompare(idB));
  const chosen: string[] = [];
  for (const [id, entry] of evictable) {
    if (held <= budgetBytes) break;
    chosen.push(id);
    held -= entry.bytes;
  }
  return chosen;
}
