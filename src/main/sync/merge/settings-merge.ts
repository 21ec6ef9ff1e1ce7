/**
 * The conflict policy of a settings area (organisation, SLA policy, calendar, complaint types,
 * departments, letter templates), edited by administrators on two devices before they synced.
 * The values merge key by key: a key changed on one side takes that change; a key changed on both
 * sides keeps the side saved later. Lists of names (departments, closures) merge as sets, and
 * lists of records with ids (complaint types) merge record by record, so two administrators who
 * each add a complaint type both keep theirs.
 */
import type { SettingsDocument } from '../../domain/collections';
import { compareEdits, mergeSets, sameValue } from './edits';

type Json = unknown;

const isRecord = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNameList = (value: Json): value is string[] => Array.isArray(value) && value.every((item) => typeof item === 'string');
const isIdList = (value: Json): value is { id: string }[] => Array.isArray(value) && value.every((item) => isRecord(item) && typeof item['id'] === 'string');

/** Three-way merge of two settings values; `aWins` settles keys changed on both sides. */
export function mergeSettingValue(base: Json, hasBase: boolean, a: Json, b: Json, aWins: boolean): Json {
  if (sameValue(a, b)) return a;
  if (hasBase && sameValue(base, a)) return b;
  if (hasBase && sameValue(base, b)) return a;
  if (isRecord(a) && isRecord(b)) {
    const baseRecord = isRecord(base) ? base : {};
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    const merged: Record<string, Json> = {};
    for (const key of keys) {
      // With a base, a key it lacks was absent there (not unknown): one side adding it is a change
      // on that side only, so it survives a later save of other keys on the other side.
      const value = mergeSettingValue(baseRecord[key], hasBase, a[key], b[key], aWins);
      if (value !== undefined) merged[key] = value;
    }
    return merged;
  }
  if (isNameList(a) && isNameList(b)) return mergeSets(hasBase && isNameList(base) ? base : undefined, a, b);
  if (isIdList(a) && isIdList(b)) return mergeIdLists(hasBase && isIdList(base) ? base : undefined, a, b, aWins);
  return aWins ? a : b;
}

function mergeIdLists(base: { id: string }[] | undefined, a: { id: string }[], b: { id: string }[], aWins: boolean): Json[] {
  const byId = (list: { id: string }[] | undefined) => new Map((list ?? []).map((item) => [item.id, item]));
  const [inBase, inA, inB] = [byId(base), byId(a), byId(b)];
  // The winner's order first, then what only the other side has.
  const order = [...new Set([...(aWins ? a : b), ...(aWins ? b : a)].map((item) => item.id))];
  const merged: Json[] = [];
  for (const id of order) {
    const [fromBase, fromA, fromB] = [inBase.get(id), inA.get(id), inB.get(id)];
    if (!fromA || !fromB) {
      // On one side only: added there (keep), or removed on the other since the base (drop).
      const present = fromA ?? fromB;
      if (!fromBase || !sameValue(fromBase, present)) merged.push(present);
      continue;
    }
    merged.push(mergeSettingValue(fromBase, fromBase !== undefined, fromA, fromB, aWins));
  }
  return merged;
}

export function mergeSettings(base: SettingsDocument | undefined, a: SettingsDocument, b: SettingsDocument): SettingsDocument {
  const aWins = compareEdits({ value: a.value, at: a.updatedAt, by: a.updatedBy }, { value: b.value, at: b.updatedAt, by: b.updatedBy }) >= 0;
  const latest = aWins ? a : b;
  const data = mergeSettingValue(base?.value.data, base !== undefined, a.value.data, b.value.data, aWins);
  return { ...latest, value: { data } };
}
