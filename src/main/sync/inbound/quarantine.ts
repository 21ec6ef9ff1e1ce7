/**
 * The quarantine: documents this device refused from the server, kept on this device only (never
 * replicated) with the reason, for an administrator to see in Settings → Sync. It keeps the
 * document's id, collection, server revision and the rule it broke, never the document itself:
 * the server still holds it, and the list must not become a second copy of personal data.
 *
 * One entry per document: a later refused version replaces it, and a later version that passes
 * removes it (the problem was fixed on the server), unless this device healed it: that entry
 * stays as the record of what the server had done.
 */
import type { RxCollection, RxDatabase } from 'rxdb';
import { z } from 'zod';
import { instant } from '@shared/domain/records/common';
import { QUARANTINE_REASONS, type QuarantineEntry } from '@shared/domain/sync';
import { storedSchemaOf } from '../../database/stored-schema';
import type { RefusalReason } from './inspect-inbound';

/** As stored (device-local, never replicated): `collection` is a property of every RxDB document, so the field is `source` here. */
const storedEntryRecord = z.object({
  id: z.string().min(1).max(120),
  source: z.string().max(40),
  documentId: z.string().max(80),
  serverRevision: z.string().max(100),
  reason: z.enum(QUARANTINE_REASONS),
  issues: z.array(z.string()),
  healed: z.boolean(),
  at: instant,
});
type StoredEntry = z.infer<typeof storedEntryRecord>;

function toEntry({ source, ...rest }: StoredEntry): QuarantineEntry {
  return { ...rest, collection: source };
}

const quarantineSchema = storedSchemaOf<StoredEntry>(storedEntryRecord, {
  title: 'sync quarantine entry',
  version: 0,
  primaryKey: 'id',
  fields: {
    id: { maxLength: 120 },
    source: { maxLength: 40 },
    documentId: { maxLength: 80 },
    serverRevision: { maxLength: 100 },
    reason: { maxLength: 40 },
    at: { maxLength: 30 },
  },
  required: ['id', 'source', 'documentId', 'serverRevision', 'reason', 'issues', 'healed', 'at'],
  indexes: ['at'],
});

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
    await this.entries.bulkUpsert(
      refusals.map(({ collection, ...refusal }) => ({
        ...refusal,
        source: collection,
        issues: [...refusal.issues],
        id: `${collection}|${refusal.documentId}`,
        at,
      })),
    );
  }

  /** Documents that now passed: whatever was refused of them before is resolved. */
  async release(collection: string, documentIds: readonly string[]): Promise<void> {
    if (documentIds.length === 0) return;
    const found = await this.entries.findByIds(documentIds.map((documentId) => `${collection}|${documentId}`)).exec();
    const resolved = [...found.values()].filter((entry) => !entry.healed).map((entry) => entry.id);
    if (resolved.length > 0) await this.entries.bulkRemove(resolved);
  }

  async list(limit = 500): Promise<QuarantineEntry[]> {
    return (await this.entries.find({ sort: [{ at: 'desc' }], limit }).exec()).map((entry) => toEntry(entry.toJSON() as StoredEntry));
  }

  count(): Promise<number> {
    return this.entries.count().exec();
  }
}
