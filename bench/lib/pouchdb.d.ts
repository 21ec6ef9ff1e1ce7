/** The small part of PouchDB 7 that the sync benchmark uses as its reference client. */
declare module 'pouchdb-core' {
  interface Changes {
    on(event: 'change', listener: (change: { id: string; doc?: Record<string, unknown> }) => void): Changes;
    cancel(): void;
  }
  interface Replication extends PromiseLike<{ docs_written: number }> {
    cancel(): void;
    on(event: 'paused' | 'active' | 'error', listener: (info?: unknown) => void): Replication;
  }
  class PouchDB {
    constructor(name: string, options?: Record<string, unknown>);
    static plugin(plugin: unknown): typeof PouchDB;
    static replicate(source: PouchDB | string, target: PouchDB | string, options?: Record<string, unknown>): Replication;
    static sync(a: PouchDB | string, b: PouchDB | string, options?: Record<string, unknown>): Replication;
    put(doc: Record<string, unknown>): Promise<{ rev: string }>;
    get(id: string): Promise<Record<string, unknown> & { _rev: string }>;
    info(): Promise<{ doc_count: number }>;
    changes(options: Record<string, unknown>): Changes;
    close(): Promise<void>;
  }
  export default PouchDB;
}
declare module 'pouchdb-adapter-http';
declare module 'pouchdb-adapter-leveldb';
declare module 'pouchdb-replication';
