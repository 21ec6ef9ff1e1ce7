/** Messages between a test and a device process (device-worker.ts). */
export type WorkerRequest = { readonly id: number } & (
  | { readonly type: 'call'; readonly method: string; readonly input: unknown }
  | { readonly type: 'setClock'; readonly at: string }
  | { readonly type: 'sharedData' }
  | { readonly type: 'deviceState' }
  | { readonly type: 'forceDeviceCode'; readonly code: string }
  | { readonly type: 'seedDemo'; readonly count: number }
  | { readonly type: 'count'; readonly collection: string }
  /** Start watching for a case to have this summary; `seenAt` answers when it did (epoch ms). */
  | { readonly type: 'watchCase'; readonly caseId: string; readonly summary: string }
  | { readonly type: 'seenAt'; readonly caseId: string }
  /** Every sync status this device published, with when (epoch ms) and which local documents it held then. */
  | { readonly type: 'statusLog' }
  /** A shared document exactly as stored here (test setup and checks). */
  | { readonly type: 'document'; readonly collection: string; readonly documentId: string }
  /** What the device's databases occupy, WAL checkpointed first (storage/storage-footprint.ts), and every file in its directory. */
  | { readonly type: 'footprint' }
  | { readonly type: 'close' }
);

export type WorkerReply = { readonly id: number } & ({ readonly ok: true; readonly result: unknown } | { readonly ok: false; readonly error: string });
