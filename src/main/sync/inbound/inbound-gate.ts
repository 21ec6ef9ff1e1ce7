/**
 * Every document pulled from the server passes here before RxDB may store it: it is checked
 * against the collection's rules (inspect-inbound.ts), refused documents go to the quarantine,
 * and where this device holds a good copy of something the server broke (a rewritten audit entry,
 * a deleted chunk of a scan), the server is given that copy back. The log names ids, collections
 * and rule codes only, never a document's content (P-7.2).
 */
import type { RxCollection, RxDatabase, RxDocumentData, RxJsonSchema, WithDeleted } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import type { Logger } from '../../logging/logger';
import { fromCouch, toCouch, type CouchDocument } from '../couch/couch-protocol';
import { inboundRulesOf, type InboundRules } from './inbound-rules';
import { inspectInbound, isUntouchedCase, type Incoming, type InboundDecision, type StorageCheck } from './inspect-inbound';
import type { Quarantine, Refusal } from './quarantine';

/** Writes documents to the server over the revisions it holds (the push side's `_bulk_docs`). */
export type HealServer = (documents: readonly Record<string, unknown>[]) => Promise<ReadonlySet<string>>;

type Plain = Record<string, unknown> & { _deleted: boolean };

const GENERATIONS_KEPT = 20_000;

function generationOf(rev: string): number {
  const generation = Number.parseInt(rev, 10);
  return Number.isFinite(generation) ? generation : 0;
}

function withoutBookkeeping(document: RxDocumentData<unknown>): Plain {
  const { _meta, _rev, _attachments, ...rest } = document;
  return { ...rest, _deleted: rest._deleted === true };
}

function storageCheckFor(schema: RxJsonSchema<unknown>): StorageCheck {
  const validate = getValidator(schema);
  return (document) => {
    const errors = validate({ ...document, _meta: { lwt: 1 }, _rev: '1-0', _attachments: {}, _deleted: false }) as {
      instancePath?: string;
      keyword?: string;
    }[];
    return errors.map((error) => `${(error.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.') || '(document)'}: ${error.keyword ?? 'schema'}`);
  };
}

/** Of these ids, those whose local copy is what the server last held (nothing waiting to be pushed). */
export type SettledLocally = (ids: readonly string[]) => Promise<ReadonlySet<string>>;

export interface InboundGateOptions {
  readonly collection: RxCollection<unknown>;
  readonly settled: SettledLocally;
  readonly database: RxDatabase;
  readonly quarantine: Quarantine;
  readonly heal: HealServer;
  readonly logger: Logger;
}

export class InboundGate {
  private readonly rules: InboundRules;
  private readonly storageCheck: StorageCheck;
  private readonly primaryPath: string;
  /** Each server revision is healed once per session: two devices must not overwrite each other forever. */
  private readonly healedRevisions = new Set<string>();
  /**
   * The newest revision generation seen of each document (read or written). A change-feed answer
   * computed before this device's own write can arrive after it: such an older revision is an
   * echo, not a change on the server, and is left to the feed's next answer.
   */
  private readonly generations = new Map<string, number>();

  constructor(private readonly options: InboundGateOptions) {
    this.rules = inboundRulesOf(options.collection.name);
    this.storageCheck = storageCheckFor(options.collection.schema.jsonSchema as RxJsonSchema<unknown>);
    this.primaryPath = options.collection.schema.primaryPath as string;
  }

  /** What RxDB may store of these pulled documents; the rest is refused (and healed where possible). */
  async admit(documents: readonly CouchDocument[]): Promise<WithDeleted<unknown>[]> {
    if (documents.length === 0) return [];
    const incoming = documents
      .map((document) => ({ rev: document._rev, document: fromCouch(document, this.primaryPath) as Incoming }))
      .filter(({ rev, document }) => generationOf(rev) >= (this.generations.get(document.id) ?? 0));
    incoming.forEach(({ rev, document }) => this.noteRevision(document.id, rev));
    const locals = await this.localCopies(incoming.map(({ document }) => document.id));
    const untouched = await this.untouchedCases(incoming, locals);
    const accepted: WithDeleted<unknown>[] = [];
    const refused: { rev: string; document: Incoming; local: Plain | undefined; decision: InboundDecision & { accept: false } }[] = [];
    for (const { rev, document } of incoming) {
      const local = locals.get(document.id);
      const decision = inspectInbound(this.rules, document, { local, caseUntouched: untouched(document, local) }, this.storageCheck);
      if (!decision.accept) refused.push({ rev, document, local, decision });
      else {
        const stored = this.storable(document, local);
        if (stored) accepted.push(stored);
      }
    }
    // Asked only when something is refused: is the local copy what the server last held?
    const settled = refused.some(({ local }) => local)
      ? await this.options.settled(refused.flatMap(({ document, local }) => (local ? [document.id] : [])))
      : new Set<string>();
    const refusals: (Refusal & { local: Plain | undefined })[] = [];
    for (const { rev, document, local, decision } of refused) {
      // This device changed the document and has not sent it yet: RxDB does not apply the server's
      // copy then either, and the push that follows settles it (a conflict for the collection's
      // handler, or this device's copy over a broken one). A difference is no rewrite then.
      if (local && !settled.has(document.id) && decision.reason !== 'invalid') continue;
      const heal = decision.heal && local !== undefined && settled.has(document.id);
      refusals.push({
        collection: this.options.collection.name,
        documentId: document.id,
        serverRevision: rev,
        reason: decision.reason,
        issues: decision.issues,
        healed: false,
        local: heal ? local : undefined,
      });
    }
    await this.refuse(refusals);
    await this.options.quarantine.release(
      this.options.collection.name,
      accepted.map((document) => String((document as Record<string, unknown>)[this.primaryPath])),
    );
    return accepted;
  }

  /** A revision this device read or wrote. */
  noteRevision(id: string, rev: string): void {
    const generation = generationOf(rev);
    if (generation <= (this.generations.get(id) ?? 0)) return;
    this.generations.delete(id);
    this.generations.set(id, generation);
    // Bounded: only recent documents can have echoes in flight.
    if (this.generations.size > GENERATIONS_KEPT) this.generations.delete(this.generations.keys().next().value ?? '');
  }

  /**
   * The server's copy of a document this device is sending: null when it breaks the rules, or
   * when it rewrites a record written once as this device and the server last agreed on it (it
   * is quarantined, and the device's own copy goes over it); otherwise the copy (a conflict for
   * the collection's handler, or the same document).
   */
  async checkServerCopy(document: CouchDocument, lastAgreed: Record<string, unknown> | undefined): Promise<WithDeleted<unknown> | null> {
    const converted = fromCouch(document, this.primaryPath) as Incoming;
    if (converted._deleted) return converted;
    const local = lastAgreed && lastAgreed['_deleted'] !== true ? { ...lastAgreed, _deleted: false } : undefined;
    const decision = inspectInbound(this.rules, converted, { local, caseUntouched: true }, this.storageCheck);
    if (decision.accept) return converted;
    await this.refuse([
      {
        collection: this.options.collection.name,
        documentId: converted.id,
        serverRevision: document._rev,
        reason: decision.reason,
        issues: decision.issues,
        healed: true,
        local: undefined,
      },
    ]);
    return null;
  }

  /** An accepted deletion keeps the fields the local schema requires; a deletion of nothing is skipped. */
  private storable(document: Incoming, local: Plain | undefined): WithDeleted<unknown> | null {
    if (!document._deleted) return document;
    if (!local || local._deleted) return null;
    return { ...local, _deleted: true };
  }

  private async refuse(refusals: readonly (Refusal & { local: Plain | undefined })[]): Promise<void> {
    if (refusals.length === 0) return;
    const toHeal = refusals.filter((refusal) => refusal.local && !this.healedRevisions.has(`${refusal.documentId}@${refusal.serverRevision}`));
    let healed: ReadonlySet<string> = new Set();
    if (toHeal.length > 0) {
      toHeal.forEach((refusal) => this.healedRevisions.add(`${refusal.documentId}@${refusal.serverRevision}`));
      healed = await this.options
        .heal(toHeal.map((refusal) => toCouch({ ...(refusal.local as Plain), _deleted: false }, this.primaryPath, refusal.serverRevision)))
        .catch((error: unknown) => {
          this.options.logger.warn('Sync could not give the server back its copy', {
            collection: this.options.collection.name,
            ids: toHeal.map((refusal) => refusal.documentId),
            error: error instanceof Error ? error.name : 'unknown',
          });
          return new Set<string>();
        });
    }
    const recorded = refusals.map(({ local: _local, ...refusal }) => ({ ...refusal, healed: refusal.healed || healed.has(refusal.documentId) }));
    await this.options.quarantine.record(recorded);
    for (const refusal of recorded) {
      this.options.logger.warn('Sync refused a document from the server', {
        collection: refusal.collection,
        id: refusal.documentId,
        rev: refusal.serverRevision,
        reason: refusal.reason,
        issues: refusal.issues.slice(0, 20),
        healed: refusal.healed,
      });
    }
  }

  private async localCopies(ids: readonly string[]): Promise<Map<string, Plain>> {
    const found = await this.options.collection.storageInstance.findDocumentsById([...new Set(ids)], true);
    return new Map(found.map((document) => [String((document as Record<string, unknown>)[this.primaryPath]), withoutBookkeeping(document)]));
  }

  /** For deletions under "while the case is untouched": the case of each document, as stored here. */
  private async untouchedCases(
    incoming: readonly { document: Incoming }[],
    locals: ReadonlyMap<string, Plain>,
  ): Promise<(document: Incoming, local: Plain | undefined) => boolean> {
    if (this.rules.deletion !== 'while-case-untouched') return () => false;
    const caseIdOf = (document: Incoming, local: Plain | undefined): string | null =>
      this.options.collection.name === 'cases' ? document.id : typeof local?.['caseId'] === 'string' ? local['caseId'] : null;
    const caseIds = incoming.filter(({ document }) => document._deleted).map(({ document }) => caseIdOf(document, locals.get(document.id)));
    const wanted = [...new Set(caseIds.filter((caseId): caseId is string => caseId !== null))];
    const cases = this.options.database.collections['cases'];
    const found = wanted.length > 0 && cases ? await cases.storageInstance.findDocumentsById(wanted, true) : [];
    const byId = new Map(found.map((document) => [String((document as Record<string, unknown>)['id']), withoutBookkeeping(document)]));
    return (document, local) => {
      const caseId = caseIdOf(document, local);
      return caseId === null || isUntouchedCase(byId.get(caseId));
    };
  }
}
