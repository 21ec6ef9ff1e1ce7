/** P-5.2: the cases a trend check counts: received in a window, and only those the person may open (P-7.1). */
import type { RxCollection } from 'rxdb';
import type { Viewer } from '@shared/identity/viewer';
import { visibleSelector } from '../../domain/case-visibility';
import type { CaseDocument } from '../../domain/collections';
import type { TrendCase } from './trend-dimensions';

export async function trendCasesReceived(
  cases: RxCollection<CaseDocument>,
  window: { readonly start: number; readonly end: number },
  viewer: Viewer,
): Promise<TrendCase[]> {
  const selector = visibleSelector({ receivedAt: { $gte: new Date(window.start).toISOString(), $lt: new Date(window.end).toISOString() } }, viewer);
  if (!selector) return [];
  const found = await cases.find({ selector }).exec();
  return found.map((document) => ({
    id: document.id,
    receivedAt: document.receivedAt,
    type: document.type,
    product: document.product,
    rootCauseId: document.rootCauseId,
  }));
}
