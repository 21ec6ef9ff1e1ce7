/**
 * The quarantine: documents this device refused from the server, kept on this device only (never
 * replicated) with the reason, for an administrator to see in Settings → Sync. It keeps the
 * document's id, collection, server revision and the rule it broke, never the document itself:
 * the server still holds it, and the list must not become a second copy of personal data.
 *
 * One entry per document: a later refused version replaces it, and a later version that passes
 * removes it (the problem was fixed on the server).
 */
import type { RxCollection, RxDatabase, RxJsonSchema } from 'rxdb';
import type { QuarantineEntry } from '../../../shared/domain/sync';
import type { RefusalReason } from './inspect-inbound';

type StoredEntry = { -readonly [K in keyof QuarantineEntry]: QuarantineEntry[K] extends readonly string[] ? string[] : QuarantineEntry[K] };

const quarantineSchema: RxJsonSchema<StoredEntry> = {
  title: 'sync quarantine entry',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 120 },
    collection: { type: 'string', maxLength: 40 },
    documentId: { type: 'string', maxLength: 80 },
    serverRevision: { type: 'string', maxLength: 100 },
    reason: { type: 'string', maxLength: 40 },
    issues: { type: 'array', items: { type: 'string' } },
    healed: { type: 'boolean' },
    at: { type: 'string', maxLength: 30 },
  },
  required: ['id', 'collection', 'documentId', 'serverRevision', 'reason', 'issues', 'healed', 'at'],
  indexes: ['at'],
};

export const QUARANTINE_COLLECTION = 'syncQuarantine';

export interface Refusal {
  readonly collection: string;
  readonly documentId: string;
  readonly serverRevision: string;
  readonly reason: RefusalReason;
  readonly issues: readonly string[];
  readonly healed: boolean;
}

export class Quarantine {
  private constructor(
    private readonly entries: RxCollection<StoredEntry>,
    private readonly now: () => Date,
  ) {}

  static async open(database: RxDatabase, now: () => Date): Promise<Quarantine> {
    if (!database.collections[QUARANTINE_COLLECTION]) await database.addCollections({ [QUARANTINE_COLLECTION]: { schema: quarantineSchema } });
    return new Quarantine(database.collections[QUARANTINE_COLLECTION] as RxCollection<StoredEntry>, now);
  }

  async record(refusals: readonly Refusal[]): Promise<void> {
    if (refusals.length === 0) return;
    const at = this.now().toISOString();
    await this.entries.bulkUpsert(refusals.map((refusal) => ({ ...refusal, issues: [...refusal.issues], id: `${refusal.collection}|${refusal.documentId}`, at })));
  }

  /** Documents that now passed: whatever was refused of them before is resolved. */
  async release(collection: string, documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const found = await this.entries.findByIds(documentIds.map((documentId) => `${collection}|${documentId}`)).exec();
    if (found.size > 0) await this.entries.bulkRemove([...found.keys()]);
  }

  async list(limit = 500): Promise<QuarantineEntry[]> {
    return (await this.entries.find({ sort: [{ at: 'desc' }], limit }).exec()).map((entry) => entry.toJSON() as QuarantineEntry);
  }

  count(): Promise<number> {
    return this.entries.count().exec();
  }
}
