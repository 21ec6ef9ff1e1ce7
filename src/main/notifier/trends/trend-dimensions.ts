/**
 * P-5.2: the series trend alerts watch. Each dimension splits new complaints by one field; a spike
 * in any value of any dimension is flagged: the complaint type, the product, and (P-5.3) the root
 * cause of the taxonomy chosen at the stage-1 resolution (a case without one yet is not counted in
 * that series; once resolved, it counts in the week it was received, as in the others).
 */
import type { CaseRecord } from '@shared/domain/records';

export type TrendCase = Pick<CaseRecord, 'id' | 'receivedAt' | 'type' | 'product' | 'rootCauseId'>;

export interface TrendDimension {
  /** Stable: part of the once-only key of an alert. */
  readonly id: string;
  /** The dimension's name in each notification language. */
  readonly label: { readonly 'en-GB': string; readonly lv: string };
  /** The case's value in this dimension; null: not counted in it (e.g. no product given). */
  readonly valueOf: (record: TrendCase) => string | null;
}

export const TREND_DIMENSIONS: readonly TrendDimension[] = [
  { id: 'type', label: { 'en-GB': 'Type', lv: 'Veids' }, valueOf: (record) => record.type },
  { id: 'product', label: { 'en-GB': 'Product', lv: 'Produkts' }, valueOf: (record) => record.product.trim() || null },
  { id: 'rootCause', label: { 'en-GB': 'Root cause', lv: 'Pamatcēlonis' }, valueOf: (record) => record.rootCauseId },
];
