/**
 * A user-level operation's writes, planned first and then committed all at once: the case and its
 * timeline entries, a letter with its scans and the case it creates, an undo. The whole set is
 * checked against each collection's schema, then written in one SQLite transaction
 * (storage/atomic-commit.ts): after any crash, full disk or refusal, all of it is stored or none.
 *
 * Why not RxDB's own insert/modify: each of those is its own transaction, and RxDB's
 * incrementalModify stores a new revision even when the change function throws. Planning the
 * documents from what was read, and committing them with the revisions they were based on, gives
 * all-or-nothing and an honest conflict check: if a document changed after it was read, nothing is
 * written and the operation is planned again from the new state (`commitPlanned`).
 *
 * RxDB still sees every write: the storage announces it on the collection's change stream, as it
 * does for writes from replication, so queries, the document cache and sync follow.
 */
import { createRevision, fillObjectDataBeforeInsert, now, type BulkWriteRow, type RxCollection, type RxDocument, type RxDocumentData } from 'rxdb';
import { getValidator } from 'rxdb/plugins/validate-ajv';
import { AtomicCommitRefused, commitAtomically, type AtomicPart } from '../storage/atomic-commit';
import { StorageError } from '../storage/storage-errors';
import { unwrapSqliteInstance } from '../storage/unwrap';

type Stored = RxDocumentData<Record<string, unknown>>;

/** What a change set needs of a collection, whatever its documents are: every RxCollection is one. */
interface AnyCollection {
  readonly name: string;
  readonly closed: boolean;
  readonly schema: RxCollection['schema'];
  readonly database: { readonly name: string; readonly token: string };
  readonly storageInstance: RxCollection['storageInstance'];
}

interface PlannedWrite {
  readonly document: Record<string, unknown>;
  readonly previous: Stored | null;
  readonly deleted: boolean;
}

/** The stored state of a document: RxDB's document, or its data with revision and metadata. */
export type CurrentDocument<T> = RxDocument<T> | RxDocumentData<T>;

function storedData<T>(current: CurrentDocument<T>): Stored {
  const data: unknown = isRxDocument(current) ? current._data : current;
  if (!isStored(data)) throw new Error('A document to change must be the stored version, with its revision.');
  return data;
}

function isStored(data: unknown): data is Stored {
  return typeof data === 'object' && data !== null && '_rev' in data && typeof data._rev === 'string';
}

function isRxDocument<T>(value: CurrentDocument<T>): value is RxDocument<T> {
  // A caller's mistake (nothing, or a plain value) gets the "stored version" refusal, not a TypeError.
  return typeof value === 'object' && value !== null && typeof (value as { isInstanceOfRxDocument?: unknown }).isInstanceOfRxDocument === 'boolean';
}

export class ChangeSet {
  private readonly writes = new Map<AnyCollection, Map<string, PlannedWrite>>();

  private plan(collection: AnyCollection, id: string, write: PlannedWrite): void {
    const planned = this.writes.get(collection) ?? new Map<string, PlannedWrite>();
    this.writes.set(collection, planned);
    // A second write to the same document replaces the first but keeps the revision it was based on.
    const earlier = planned.get(id);
    planned.set(id, earlier ? { ...write, previous: earlier.previous } : write);
  }

  private idOf(collection: AnyCollection, document: Record<string, unknown>): string {
    const id = document[collection.schema.primaryPath];
    if (typeof id !== 'string' || id === '') throw new Error(`A ${collection.name} document has no id.`);
    return id;
  }

  insert<T>(collection: RxCollection<T>, ...documents: readonly T[]): this {
    const target: AnyCollection = collection;
    for (const document of documents) {
      const data = { ...(document as Record<string, unknown>) };
      this.plan(target, this.idOf(target, data), { document: data, previous: null, deleted: false });
    }
    return this;
  }

  update<T>(collection: RxCollection<T>, current: CurrentDocument<T>, next: T): this {
    const target: AnyCollection = collection;
    const previous = storedData(current);
    const data = { ...(next as Record<string, unknown>) };
    if (this.idOf(target, data) !== this.idOf(target, previous)) throw new Error('An update cannot change a document id.');
    this.plan(target, this.idOf(target, data), { document: data, previous, deleted: false });
    return this;
  }

  remove<T>(collection: RxCollection<T>, current: CurrentDocument<T>): this {
    const target: AnyCollection = collection;
    const previous = storedData(current);
    this.plan(target, this.idOf(target, previous), { document: { ...previous }, previous, deleted: true });
    return this;
  }

  /** Removes a document, keeping `tombstone` as its deleted state (a cache drops its bulky content, issue 19). */
  removeAs<T>(collection: RxCollection<T>, current: CurrentDocument<T>, tombstone: T): this {
    const target: AnyCollection = collection;
    const previous = storedData(current);
    const data = { ...(tombstone as Record<string, unknown>) };
    if (this.idOf(target, data) !== this.idOf(target, previous)) throw new Error('A removal cannot change a document id.');
    this.plan(target, this.idOf(target, data), { document: data, previous, deleted: true });
    return this;
  }

  /** Adds another operation's writes to this one (they then commit together). */
  include(other: ChangeSet): this {
    for (const [collection, planned] of other.writes) for (const [id, write] of planned) this.plan(collection, id, write);
    return this;
  }

  get size(): number {
    let count = 0;
    for (const planned of this.writes.values()) count += planned.size;
    return count;
  }

  /** Writes every planned document in one transaction. Throws AtomicCommitRefused (nothing written) on a conflict. */
  async commit(): Promise<void> {
    const parts: AtomicPart[] = [];
    const lwt = now();
    for (const [collection, planned] of this.writes) {
      if (collection.closed) throw new StorageError('CLOSED', collection.database.name, `The ${collection.name} collection is closed.`);
      const instance = unwrapSqliteInstance<unknown>(collection.storageInstance);
      if (!instance) throw new Error(`The ${collection.name} collection is not on Plaint's SQLite storage, so it cannot be written atomically.`);
      const validate = validatorFor(instance.schema);
      const rows = [...planned.values()].map((write) => toRow(collection, write, lwt));
      for (const row of rows) {
        const problems = validate(row.document);
        if (problems.length > 0) throw schemaViolation(collection.name, instance.internals.connection.file, problems);
      }
      parts.push({ instance, rows: rows as BulkWriteRow<unknown>[] });
    }
    await commitAtomically(parts, 'plaint-change-set');
  }
}

function toRow(collection: AnyCollection, write: PlannedWrite, lwt: number): BulkWriteRow<Record<string, unknown>> {
  const token = collection.database.token;
  if (!write.previous) {
    // The bookkeeping fields are always set here, whatever the planned document carried.
    const filled = fillObjectDataBeforeInsert(collection.schema, write.document) as Stored;
    return { document: { ...filled, _deleted: write.deleted, _attachments: {}, _meta: { lwt }, _rev: createRevision(token) } };
  }
  const document: Stored = {
    ...write.document,
    _deleted: write.deleted,
    _attachments: write.previous._attachments,
    _meta: { ...write.previous._meta, lwt },
    _rev: createRevision(token, write.previous),
  } as Stored;
  return { document, previous: write.previous };
}

type Validator = (document: unknown) => { instancePath?: string; message?: string }[];
const validators = new WeakMap<object, Validator>();

/** Compiling a schema's validator is slow; one per schema. */
function validatorFor(schema: RxCollection['schema']['jsonSchema']): Validator {
  let validator = validators.get(schema);
  // Stryker disable next-line ConditionalExpression,BlockStatement: a cache; without it, validation is only slower.
  if (!validator) {
    validator = getValidator(schema) as Validator;
    // Stryker disable next-line all: a cache; without it, validation is only slower.
    validators.set(schema, validator);
  }
  return validator;
}

/** Names the fields at fault, never their values (they can hold personal data). */
function schemaViolation(collection: string, file: string, problems: { instancePath?: string; message?: string }[]): StorageError {
  // Stryker disable next-line MethodExpression,StringLiteral: RxDB's ajv stops at the first error and always gives a message, so one problem with a message arrives; the cap and fallback guard another validator.
  const where = problems.slice(0, 5).map((problem) => `${problem.instancePath || '(document)'} ${problem.message ?? 'is not valid'}`);
  // Stryker disable next-line StringLiteral: the separator only shows between two problems, and RxDB's ajv reports one (above).
  return new StorageError('INVALID_DOCUMENT', file, `A ${collection} document does not match its schema: ${where.join('; ')}.`);
}

/** The commit was refused because a document changed after it was read (nothing was written). */
export function isWriteConflict(error: unknown): boolean {
  return error instanceof AtomicCommitRefused && error.isConflict;
}

/**
 * Plans an operation from the current state and commits it; if another write changed one of its
 * documents in between, plans again from the new state (a few times, then gives up).
 */
export async function commitPlanned<R>(plan: () => Promise<{ changes: ChangeSet; result: R }>, attempts = 5): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    const { changes, result } = await plan();
    try {
      await changes.commit();
      return result;
    } catch (error) {
      if (!isWriteConflict(error) || attempt >= attempts) throw error;
    }
  }
}
