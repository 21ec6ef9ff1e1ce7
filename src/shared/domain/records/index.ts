/**
 * The rules every stored record keeps, as zod schemas: what reads, lists, deadlines and settings
 * rely on, one module per record. Issue 12 §2: each record is written once, here; its TypeScript
 * type is `z.infer` of its schema, and its RxDB schema is derived from it
 * (main/database/stored-schema.ts). The API's input schemas (inputs.ts, settings-inputs.ts,
 * letters.ts) check what a user may enter; these check what a record must look like wherever it
 * came from. Sync checks every document it pulls from the server against them (P-7.1/P-7.2: data
 * from the server is input like any other), so one malformed document cannot break another device.
 *
 * They are deliberately not stricter than what this version writes: a record that passes is one
 * the app can show and compute with. Unknown extra fields pass (a newer version may add some).
 */
export * from './access-log-entry';
export * from './case-record';
export * from './case-view-record';
export * from './device-code-claim';
export * from './file-record';
export * from './letter-record';
export * from './settings-document';
export * from './staff-member';
export * from './timeline-entry';
export * from './record-types';
