/**
 * Answers RxDB queries from SQLite. RxDB's query planner has already chosen an index and the
 * range of keys; here that range becomes a range scan on the index's column. When the index
 * satisfies the selector and the sort, SQLite applies skip and limit itself; otherwise rows are
 * streamed through RxDB's own matcher (stopping early when the order is already right) and, if
 * needed, sorted with RxDB's own comparator, so results are exactly what RxDB expects.
 */
import {
  getSchemaByObjectPath,
  getSortComparator,
  getStartIndexStringFromLowerBound,
  getStartIndexStringFromUpperBound,
  type PreparedQuery,
  type RxDocumentData,
  type RxJsonSchema,
} from 'rxdb';
import type Database from 'better-sqlite3-multiple-ciphers';

type Statement = Database.Statement<unknown[], unknown>;
import { queryMatcher } from './query-matcher';
import { toSortableBlob, type IndexColumn, type TableLayout } from './table-layout';
import { tagNeedle } from './row-tags';

export interface QueryContext<T> {
  readonly schema: RxJsonSchema<RxDocumentData<T>>;
  readonly layout: TableLayout;
  statement(sql: string): Statement;
}

interface RangeScan {
  readonly where: string;
  readonly params: Buffer[];
  readonly orderBy: string;
}

function rangeScan<T>(context: QueryContext<T>, prepared: PreparedQuery<T>, index: IndexColumn): RangeScan {
  const plan = prepared.queryPlan;
  const fields = [...index.fields];
  const lower = toSortableBlob(getStartIndexStringFromLowerBound(context.schema, fields, plan.startKeys));
  const upper = toSortableBlob(getStartIndexStringFromUpperBound(context.schema, fields, plan.endKeys));
  const column = index.column;
  return {
    where: `${column} ${plan.inclusiveStart ? '>=' : '>'} ? AND ${column} ${plan.inclusiveEnd ? '<=' : '<'} ?`,
    params: [lower, upper],
    orderBy: column,
  };
}

/** The index the plan asks for; null when a query names an index the schema does not have. */
function planIndex<T>(context: QueryContext<T>, prepared: PreparedQuery<T>): IndexColumn | null {
  return context.layout.indexByKey.get(prepared.queryPlan.index.join(',')) ?? null;
}

/**
 * Fields whose value is fixed by an `$eq` in the selector do not affect order (the same rule as
 * RxDB's query planner), so they are left out when comparing a sort with an index.
 */
function fieldsFixedBySelector<T>(context: QueryContext<T>, prepared: PreparedQuery<T>): Set<string> {
  const fixed = new Set<string>();
  for (const [field, matcher] of Object.entries(prepared.query.selector as Record<string, unknown>)) {
    if (typeof matcher !== 'object' || matcher === null || !Object.hasOwn(matcher, '$eq')) continue;
    const part = getSchemaByObjectPath(context.schema, field) as { type?: string; enum?: unknown[] } | undefined;
    const value = (matcher as { $eq: unknown }).$eq;
    if (
      part &&
      (part.type === 'boolean' || part.enum || (['string', 'number', 'integer'].includes(part.type ?? '') && ['string', 'number'].includes(typeof value)))
    )
      fixed.add(field);
  }
  return fixed;
}

/**
 * RxDB treats every descending sort as unsatisfiable by an index. But when *all* sort fields are
 * descending and they are the index's fields in order, the order is exactly the index read
 * backwards ("newest first" lists), so SQLite can scan the index in reverse and stop early.
 */
export function isReverseOfIndex<T>(context: QueryContext<T>, prepared: PreparedQuery<T>, index: IndexColumn): boolean {
  const sort = prepared.query.sort as Record<string, 'asc' | 'desc'>[];
  if (sort.length === 0 || !sort.every((part) => Object.values(part)[0] === 'desc')) return false;
  const fixed = fieldsFixedBySelector(context, prepared);
  const sortFields = sort.map((part) => Object.keys(part)[0] as string).filter((field) => !fixed.has(field));
  const indexFields = index.fields.filter((field) => !fixed.has(field));
  return sortFields.join(',') === indexFields.join(',');
}

type ScanOrder = 'index' | 'reverse' | 'unordered';

function scanOrder<T>(context: QueryContext<T>, prepared: PreparedQuery<T>, index: IndexColumn | null): ScanOrder {
  if (!index) return 'unordered';
  if (prepared.queryPlan.sortSatisfiedByIndex) return 'index';
  return isReverseOfIndex(context, prepared, index) ? 'reverse' : 'unordered';
}

/**
 * A necessary condition tested in the index before a row is read: the row carries at least one of
 * these tags (row-tags.ts). It only skips rows that cannot match; every row it lets through is
 * still tested by RxDB's matcher, so results are unchanged. On a collection without row tags it
 * is ignored (the same results, read the slow way).
 */
export type Prefilter = readonly string[];

function prefilterSql(layout: TableLayout, prefilter: Prefilter | undefined): { where: string; params: string[] } | null {
  if (!prefilter || prefilter.length === 0 || !layout.tagged) return null;
  return { where: `(${prefilter.map(() => 'instr(tags, ?) > 0').join(' OR ')})`, params: prefilter.map(tagNeedle) };
}

export function buildQuerySql<T>(
  context: QueryContext<T>,
  prepared: PreparedQuery<T>,
  options: { page?: boolean; prefilter?: Prefilter } = {},
): { sql: string; params: unknown[]; pageInSql: boolean; ordered: boolean } {
  const table = context.layout.documentsTable;
  const index = planIndex(context, prepared);
  const extra = prefilterSql(context.layout, options.prefilter);
  if (!index)
    return {
      sql: `SELECT doc FROM ${table}${extra ? ` WHERE ${extra.where}` : ''} ORDER BY id`,
      params: extra?.params ?? [],
      pageInSql: false,
      ordered: false,
    };
  const scan = rangeScan(context, prepared, index);
  const plan = prepared.queryPlan;
  const order = scanOrder(context, prepared, index);
  const ordered = order !== 'unordered';
  const pageInSql = options.page !== false && !extra && plan.selectorSatisfiedByIndex && ordered;
  const where = extra ? `${scan.where} AND ${extra.where}` : scan.where;
  const params = [...scan.params, ...(extra?.params ?? [])];
  const sql = `SELECT doc FROM ${table} WHERE ${where} ORDER BY ${scan.orderBy}${order === 'reverse' ? ' DESC' : ''}${pageInSql ? ' LIMIT ? OFFSET ?' : ''}`;
  const query = prepared.query;
  const limit = typeof query.limit === 'number' ? query.limit : -1;
  return { sql, params: pageInSql ? [...params, limit, query.skip ?? 0] : params, pageInSql, ordered };
}

/** Matching documents in the scan's order (index, reversed index, or id order). */
function* scanMatching<T>(context: QueryContext<T>, prepared: PreparedQuery<T>, prefilter?: Prefilter): Generator<RxDocumentData<T>> {
  const { sql, params } = buildQuerySql(context, prepared, { page: false, ...(prefilter ? { prefilter } : {}) });
  const indexUsed = planIndex(context, prepared) !== null;
  const matches = prepared.queryPlan.selectorSatisfiedByIndex && indexUsed && !prefilter ? null : queryMatcher(context.schema, prepared.query);
  for (const json of context
    .statement(sql)
    .pluck()
    .iterate(...params) as IterableIterator<string>) {
    const document = JSON.parse(json) as RxDocumentData<T>;
    if (!matches || matches(document)) yield document;
  }
}

export function runQuery<T>(context: QueryContext<T>, prepared: PreparedQuery<T>, prefilter?: Prefilter): RxDocumentData<T>[] {
  const { sql, params, pageInSql, ordered } = buildQuerySql(context, prepared, prefilter ? { prefilter } : {});
  if (pageInSql)
    return (
      context
        .statement(sql)
        .pluck()
        .all(...params) as string[]
    ).map((json) => JSON.parse(json) as RxDocumentData<T>);

  const query = prepared.query;
  const skip = query.skip ?? 0;
  const wanted = skip + (typeof query.limit === 'number' ? query.limit : Infinity);
  const mustSort = !ordered;
  let rows: RxDocumentData<T>[] = [];
  for (const document of scanMatching(context, prepared, prefilter)) {
    rows.push(document);
    if (!mustSort && rows.length >= wanted) break;
  }
  if (mustSort) rows = rows.sort(getSortComparator(context.schema, query));
  return skip > 0 || rows.length > wanted ? rows.slice(skip, wanted) : rows;
}

/** Counts ignore skip and limit, as RxDB's count queries do. */
export function runCount<T>(context: QueryContext<T>, prepared: PreparedQuery<T>): number {
  const index = planIndex(context, prepared);
  if (index && prepared.queryPlan.selectorSatisfiedByIndex) {
    const scan = rangeScan(context, prepared, index);
    return context
      .statement(`SELECT count(*) FROM ${context.layout.documentsTable} WHERE ${scan.where}`)
      .pluck()
      .get(...scan.params) as number;
  }
  let count = 0;
  for (const _document of scanMatching(context, prepared)) count += 1;
  return count;
}

/** SQLite's plan for a query, for tests and diagnostics (proves index use). */
export function explainQuery<T>(context: QueryContext<T>, prepared: PreparedQuery<T>): string[] {
  const { sql, params } = buildQuerySql(context, prepared);
  const rows = context.statement(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[];
  return rows.map((row) => row.detail);
}
