/**
 * Need-to-know replication (issue 19, P-7.1): which cases, timeline entries, letters and file
 * records this device holds, decided from its audience (the people who signed in here) by the
 * same rule that decides what each of them may see (shared/identity/case-access.ts).
 *
 * - **Cases:** the server filters the changes feed by the audience's visibility selectors
 *   (domain/case-visibility.ts, at the "find" level, so a clerk's post room still finds every case
 *   it may attach post to), plus the ids of the cases held here, so a held case that changes out
 *   of scope (reassigned, restricted) is seen and withdrawn.
 * - **Children follow their case:** timeline entries and letters by `caseId` among the cases
 *   held (letters not yet linked to a case go everywhere, as the post room needs them); file
 *   records by `ownerId` among the letters held (and the team mailbox's messages).
 * - **Gains:** what comes into scope (a case granted, a person who signed in) is read once from
 *   the start of the feed (a backfill), since the feed's checkpoint is already past it.
 * - **Losses:** what falls out of scope is withdrawn: removed on this device only, as a deletion
 *   from the server's side, so it is never pushed. Only when nothing written here is waiting for
 *   the server, so no edit and no scan only this device holds is lost. The removed copies are
 *   then purged from the local database.
 */
import type { RxCollection, RxDatabase, WithDeleted } from 'rxdb';
import { caseAccess } from '@shared/identity/case-access';
import type { Viewer } from '@shared/identity/viewer';
import { visibilityAlternatives } from '../../domain/case-visibility';
import type { Logger } from '../../logging/logger';
import { MAILBOX_OWNER } from '../../mail/mailbox-owner';
import { ScopedFeed, type Selector } from './scoped-feed';

/** The collections whose replication follows need-to-know; the others replicate in full. */
export const SCOPED_COLLECTIONS = ['cases', 'timeline', 'letters', 'files'] as const;
type ScopedCollection = (typeof SCOPED_COLLECTIONS)[number];

/** What is already read from the start of the feed, kept across restarts (an RxDB local document). */
interface Covered {
  /** The audience's visibility selectors the cases were read for. */
  cases?: string;
  timeline: string[];
  letters: string[];
  files: string[];
}

export interface ReplicaScopeOptions {
  readonly database: RxDatabase;
  /** The people who signed in on this device, as they are now (the staff directory). */
  readonly audience: () => Promise<readonly Viewer[]>;
  /** Nothing written here waits for the server (no change, no upload): only then is anything withdrawn. */
  readonly quiet: () => boolean;
  /** File records about to be withdrawn: their contents leave this device, never the server. */
  readonly withdrawingFiles: (fileIds: readonly string[]) => void;
  /** Scope of the RxDB local document (server and team database). */
  readonly key: string;
  readonly logger: Logger;
  /** Deleted copies younger than this are not purged yet (a local undo being pushed). */
  readonly purgeAfterMs?: number;
}

interface CaseFacts {
  readonly id: string;
  readonly assigneeId?: string;
  readonly departments?: readonly string[];
  readonly restricted?: boolean;
  readonly restrictedTo?: readonly string[];
}

const EMPTY: Selector = { _id: { $in: [] } };

function plain<T>(document: { toJSON(): unknown }): T {
  return document.toJSON() as T;
}

function withoutMeta(document: Record<string, unknown>): WithDeleted<unknown> {
  const { _meta, _rev, _attachments, ...data } = document;
  return { ...data, _deleted: true } as WithDeleted<unknown>;
}

export class ReplicaScope {
  private readonly feeds = new Map<ScopedCollection, ScopedFeed>(SCOPED_COLLECTIONS.map((name) => [name, new ScopedFeed(name, EMPTY)]));
  private covered: Covered | null = null;
  /** Keys queued for a backfill this session (covered once it completed). */
  private readonly queued: Record<'timeline' | 'letters' | 'files', Set<string>> = { timeline: new Set(), letters: new Set(), files: new Set() };
  /** The audience's selectors whose cases read-in is queued: one read of the whole feed each, however many passes see it pending. */
  private queuedCases: string | null = null;
  private computing: Promise<void> | null = null;
  private again = false;
  /** Out-of-scope copies seen by the last pass: the status waits until they are gone. */
  private owed = 0;
  /** Withdrawn copies not yet purged from the local database, per collection. */
  private readonly unpurged = new Map<ScopedCollection, Set<string>>();
  private ready = false;
  /** Bumped when what decides the scope changed; a pass that started after it settles it. */
  private dirty = 0;
  private clean = -1;

  constructor(private readonly options: ReplicaScopeOptions) {}

  feed(collection: string): ScopedFeed | undefined {
    return this.feeds.get(collection as ScopedCollection);
  }

  /** The scope is computed, nothing is to be read in or withdrawn: the status may say "up to date". */
  settled(): boolean {
    return this.ready && this.clean === this.dirty && this.owed === 0 && this.unpurged.size === 0 && [...this.feeds.values()].every((feed) => !feed.busy());
  }

  /** Cases, letters, files or people changed: not settled until a pass has seen it. */
  markDirty(): void {
    this.dirty += 1;
  }

  /** Computes the scope again (one pass at a time; a request meanwhile runs one more). */
  update(): Promise<void> {
    if (this.computing) {
      this.again = true;
      return this.computing;
    }
    this.computing = this.pass()
      .catch((error: unknown) =>
        this.options.logger.warn('Need-to-know scope could not be computed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        this.computing = null;
        if (this.again) {
          this.again = false;
          void this.update();
        }
      });
    return this.computing;
  }

  private collection(name: ScopedCollection): RxCollection<unknown> | undefined {
    return this.options.database.collections[name] as RxCollection<unknown> | undefined;
  }

  private async loadCovered(): Promise<Covered> {
    if (this.covered) return this.covered;
    const found = await this.options.database.getLocal<Covered>(this.documentId());
    const data = found?.toJSON().data;
    this.covered = {
      ...(data?.cases !== undefined ? { cases: data.cases } : {}),
      timeline: [...(data?.timeline ?? [])],
      letters: [...(data?.letters ?? [])],
      files: [...(data?.files ?? [])],
    };
    return this.covered;
  }

  private documentId(): string {
    return `need-to-know-${this.options.key}`;
  }

  private async saveCovered(): Promise<void> {
    if (this.covered) await this.options.database.upsertLocal<Covered>(this.documentId(), this.covered);
  }

  private async pass(): Promise<void> {
    const version = this.dirty;
    const covered = await this.loadCovered();
    const audience = await this.options.audience();
    const quiet = this.options.quiet();
    const cases = await this.casesPass(audience, covered);
    const timeline = await this.childPass('timeline', 'caseId', cases.held, covered, quiet);
    const letters = await this.childPass('letters', 'caseId', cases.held, covered, quiet, { unlinked: true });
    const files = await this.filePass(letters, covered, quiet);
    const outOfScope = cases.out.length + timeline + letters.outOfScope + files;
    if (quiet) await this.withdraw('cases', cases.out);
    this.owed = outOfScope;
    if (quiet && outOfScope === 0) await this.purge();
    this.ready = true;
    this.clean = version;
  }

  /** The cases the audience may see: the selector, what is held, and what is to go. */
  private async casesPass(audience: readonly Viewer[], covered: Covered): Promise<{ held: string[]; out: string[] }> {
    const feed = this.feeds.get('cases');
    const collection = this.collection('cases');
    if (!feed || !collection) return { held: [], out: [] };
    const local = (await collection.find().exec()).map((document) => plain<CaseFacts>(document));
    const sees = (facts: CaseFacts) =>
      audience.some(
        (viewer) =>
          caseAccess(viewer, {
            assigneeId: facts.assigneeId ?? '',
            departments: facts.departments ?? [],
            restricted: facts.restricted === true,
            restrictedTo: facts.restrictedTo ?? [],
          }) !== 'none',
      );
    const held = local.filter(sees).map((facts) => facts.id);
    const out = local.filter((facts) => !sees(facts)).map((facts) => facts.id);
    const alternatives = [
      ...new Set(audience.flatMap((viewer) => visibilityAlternatives(viewer, 'find') ?? []).map((selector) => JSON.stringify(selector))),
    ].sort();
    const visible = alternatives.map((text) => JSON.parse(text) as Selector);
    feed.setSelector({ $or: [...visible, { _id: { $in: held } }] });
    const signature = JSON.stringify(alternatives);
    if (covered.cases !== signature) {
      // A device that never held a case reads its feed from the start anyway.
      const fresh = covered.cases === undefined && local.length === 0;
      if (visible.length > 0 && !fresh) {
        if (this.queuedCases !== signature) {
          this.queuedCases = signature;
          feed.backfill({ $or: visible }, () => {
            covered.cases = signature;
            if (this.queuedCases === signature) this.queuedCases = null;
            void this.saveCovered();
          });
        }
      } else {
        covered.cases = signature;
        await this.saveCovered();
      }
    }
    return { held, out };
  }

  /**
   * Children of the held parents (`field` among `parents`): sets the selector, reads once what
   * came into scope, and withdraws (when quiet) what left it. Returns how many are out of scope.
   */
  private async childPass(name: 'timeline', field: string, parents: readonly string[], covered: Covered, quiet: boolean): Promise<number>;
  private async childPass(
    name: 'letters',
    field: string,
    parents: readonly string[],
    covered: Covered,
    quiet: boolean,
    options: { unlinked: true },
  ): Promise<{ heldIds: string[]; outOfScope: number }>;
  private async childPass(
    name: 'timeline' | 'letters',
    field: string,
    parents: readonly string[],
    covered: Covered,
    quiet: boolean,
    options?: { unlinked: true },
  ): Promise<number | { heldIds: string[]; outOfScope: number }> {
    const feed = this.feeds.get(name);
    const collection = this.collection(name);
    if (!feed || !collection) return options ? { heldIds: [], outOfScope: 0 } : 0;
    const inScope: Selector = { [field]: { $in: [...parents] } };
    feed.setSelector(options?.unlinked ? { $or: [{ [field]: null }, inScope] } : inScope);
    this.backfillAdded(name, feed, field, parents, covered);
    const parentSet = new Set(parents);
    const local = (await collection.find().exec()).map((document) => plain<Record<string, unknown>>(document));
    const belongs = (document: Record<string, unknown>) => {
      const parent = document[field];
      return (options?.unlinked === true && (parent === null || parent === undefined)) || (typeof parent === 'string' && parentSet.has(parent));
    };
    const out = local.filter((document) => !belongs(document));
    if (quiet)
      await this.withdraw(
        name,
        out.map((document) => String(document['id'])),
      );
    if (!options) return out.length;
    return { heldIds: local.filter(belongs).map((document) => String(document['id'])), outOfScope: out.length };
  }

  /** File records of the held letters and of the team mailbox (its messages and their attachments). */
  private async filePass(letters: { heldIds: string[] }, covered: Covered, quiet: boolean): Promise<number> {
    const feed = this.feeds.get('files');
    const collection = this.collection('files');
    if (!feed || !collection) return 0;
    const local = (await collection.find().exec()).map((document) => plain<{ id: string; ownerId: string }>(document));
    const owners = [MAILBOX_OWNER, ...letters.heldIds, ...local.filter((file) => file.ownerId === MAILBOX_OWNER).map((file) => file.id)];
    feed.setSelector({ ownerId: { $in: owners } });
    this.backfillAdded('files', feed, 'ownerId', owners, covered);
    const ownerSet = new Set(owners);
    const out = local.filter((file) => !ownerSet.has(file.ownerId)).map((file) => file.id);
    if (quiet && out.length > 0) {
      this.options.withdrawingFiles(out);
      await this.withdraw('files', out);
    }
    return out.length;
  }

  private backfillAdded(name: 'timeline' | 'letters' | 'files', feed: ScopedFeed, field: string, parents: readonly string[], covered: Covered): void {
    const done = new Set(covered[name]);
    const queued = this.queued[name];
    const added = parents.filter((parent) => !done.has(parent) && !queued.has(parent));
    // Keys that left the scope are no longer covered: coming back, they are read again.
    const current = new Set(parents);
    covered[name] = covered[name].filter((parent) => current.has(parent));
    for (const parent of [...queued]) if (!current.has(parent)) queued.delete(parent);
    if (added.length === 0) return;
    added.forEach((parent) => queued.add(parent));
    feed.backfill({ [field]: { $in: added } }, () => {
      const now = new Set(covered[name]);
      for (const parent of added) if (queued.delete(parent)) now.add(parent);
      covered[name] = [...now];
      void this.saveCovered();
    });
  }

  /** Queues this device's copies for withdrawal through the collection's pull (never pushed). */
  private async withdraw(name: ScopedCollection, ids: readonly string[]): Promise<void> {
    const feed = this.feeds.get(name);
    const collection = this.collection(name);
    if (!feed || !collection || ids.length === 0) return;
    const stored = await collection.storageInstance.findDocumentsById([...ids], false);
    const unpurged = this.unpurged.get(name) ?? new Set<string>();
    ids.forEach((id) => unpurged.add(id));
    this.unpurged.set(name, unpurged);
    feed.withdraw(
      stored.map((document) => withoutMeta(document as Record<string, unknown>)),
      collection.schema.primaryPath as string,
    );
    this.options.logger.info('Need-to-know: withdrawing what this device no longer needs', { collection: name, documents: stored.length });
  }

  /**
   * Withdrawn copies are deleted documents in the local database (with their content): purged
   * once applied. Only deleted documents older than a moment go, so a deletion made here that
   * the next status refresh has not counted yet (an undo) is pushed before it could be purged.
   */
  private async purge(): Promise<void> {
    const after = this.options.purgeAfterMs ?? 1_000;
    for (const [name, ids] of [...this.unpurged]) {
      const collection = this.collection(name);
      if (!collection) {
        this.unpurged.delete(name);
        continue;
      }
      await collection.storageInstance.cleanup(after);
      const left = await collection.storageInstance.findDocumentsById([...ids], true);
      if (left.length === 0) this.unpurged.delete(name);
      else this.unpurged.set(name, new Set(left.map((document) => String((document as Record<string, unknown>)[collection.schema.primaryPath as string]))));
    }
  }
}
