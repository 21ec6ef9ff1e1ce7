/**
 * The matcher a scan tests each row with: RxDB's own (mingo), except for long `$in` lists.
 *
 * mingo tests `{ field: { $in: list } }` by hashing the whole list again for every document, so a
 * scan costs documents × list: 100 000 timeline entries against the ids of 90 000 closed cases
 * is 10^10 steps, and the main process stops answering for half an hour. A list of plain values
 * (strings, numbers, booleans, null) on a top-level field is the same test as one `Set` lookup,
 * built once per query; everything else in the selector still goes to RxDB's matcher, so results
 * are exactly RxDB's.
 */
import { getQueryMatcher, type FilledMangoQuery, type RxDocumentData, type RxJsonSchema } from 'rxdb';

/** Shorter lists cost mingo little; the Set is for the long ones. */
const SET_FROM_LENGTH = 16;

type Plain = string | number | boolean | null;
type Matcher<T> = (document: RxDocumentData<T>) => boolean;

const isPlain = (value: unknown): value is Plain => value === null || ['string', 'number', 'boolean'].includes(typeof value);
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** mingo's `$in`: a missing or null value matches a listed null; an array matches if any element is listed. */
function inSet(value: unknown, set: ReadonlySet<Plain>): boolean {
  if (value === null || value === undefined) return set.has(null);
  if (Array.isArray(value)) return value.some((element) => isPlain(element) && set.has(element));
  return isPlain(value) && set.has(value);
}

function longPlainList(condition: unknown): readonly Plain[] | null {
  if (!isRecord(condition)) return null;
  const list = condition['$in'];
  return Array.isArray(list) && list.length >= SET_FROM_LENGTH && list.every(isPlain) ? list : null;
}

export function queryMatcher<T>(schema: RxJsonSchema<RxDocumentData<T>>, query: FilledMangoQuery<T>): Matcher<T> {
  const sets: [string, ReadonlySet<Plain>][] = [];
  const rest: Record<string, unknown> = {};
  for (const [field, condition] of Object.entries(query.selector as Record<string, unknown>)) {
    const list = field.startsWith('$') || field.includes('.') ? null : longPlainList(condition);
    if (!list || !isRecord(condition)) {
      rest[field] = condition;
      continue;
    }
    sets.push([field, new Set(list)]);
    const { $in: _tested, ...others } = condition;
    if (Object.keys(others).length > 0) rest[field] = others;
  }
  if (sets.length === 0) return getQueryMatcher(schema, query);
  const others = getQueryMatcher(schema, { ...query, selector: rest } as FilledMangoQuery<T>);
  return (document) => sets.every(([field, set]) => inSet((document as Record<string, unknown>)[field], set)) && others(document);
}
