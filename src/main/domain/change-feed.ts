/**
 * Turns database changes (this window's actions, another window's, and later sync) into API
 * events, coalesced so a burst of writes becomes one event per 30 ms.
 */
import type { Subscription } from 'rxjs';
import type { EventBus } from '../events/event-bus';
import type { DomainDatabase } from './collections';

const COALESCE_MS = 30;

export function startChangeFeed(db: DomainDatabase, events: EventBus): () => void {
  const caseIds = new Set<string>();
  let caseTimer: NodeJS.Timeout | null = null;
  let settingsTimer: NodeJS.Timeout | null = null;

  const flushCases = () => {
    caseTimer = null;
    const ids = [...caseIds];
    caseIds.clear();
    events.publish('cases.changed', { caseIds: ids });
  };
  const noteCase = (id: string | undefined) => {
    if (!id) return;
    caseIds.add(id);
    caseTimer ??= setTimeout(flushCases, COALESCE_MS);
  };
  const noteSettings = () => {
    settingsTimer ??= setTimeout(() => {
      settingsTimer = null;
      events.publish('settings.changed', {});
    }, COALESCE_MS);
  };

  const subscriptions: Subscription[] = [
    db.cases.$.subscribe((change) => noteCase(change.documentId)),
    db.timeline.$.subscribe((change) => noteCase((change.documentData as { caseId?: string } | undefined)?.caseId)),
    db.settings.$.subscribe(noteSettings),
    db.staff.$.subscribe(noteSettings),
  ];
  return () => {
    subscriptions.forEach((subscription) => subscription.unsubscribe());
    if (caseTimer) clearTimeout(caseTimer);
    if (settingsTimer) clearTimeout(settingsTimer);
  };
}
