/**
 * Live changes from one database: a loop of `_changes?feed=longpoll` requests whose results go
 * through the inbound gate to RxDB's pull stream. Unlike the loop in RxDB's CouchDB plugin (which
 * read `results` outside its `try`, so a 404 body killed it with an unhandled rejection), every
 * step here is guarded: any failure is reported and the loop waits and tries again until stopped.
 *
 * The server sends a newline every `heartbeatMs` while a long poll waits. Each one is proof that
 * the server is there; if none comes for 2.5 heartbeats (a server killed after sending the
 * headers, a dropped network), the request is abandoned and reported as "no answer in time".
 * Compression is turned off for this request: gzip would hold the heartbeats back.
 */
import type { WithDeleted } from 'rxdb';
import type { InboundGate } from '../inbound/inbound-gate';
import { changedDocuments, ensureOk, noteLastRead, type CouchCheckpoint, type PullSource } from './couch-pull';
import { changesSchema, parseAnswer, queryString, type Sequence } from './couch-protocol';

export interface LiveChangesOptions {
  readonly url: string;
  readonly fetch: typeof fetch;
  readonly gate: InboundGate;
  readonly batchSize: number;
  readonly heartbeatMs: number;
  readonly onRead: PullSource['onRead'];
  readonly onPulled: PullSource['onPulled'];
  readonly emit: (batch: { documents: WithDeleted<unknown>[]; checkpoint: CouchCheckpoint }) => void;
  /** Each sign of life from the server (a heartbeat or an answer). */
  readonly onContact: () => void;
  readonly onError: (error: unknown) => void;
  /** How long to wait after a failure (the session's back-off). */
  readonly retryMs: () => number;
}

export class SilentServerError extends Error {
  constructor() {
    super('The server stopped answering during a long poll');
    this.name = 'SilentServerError';
  }
}

export class LiveChanges {
  private stopped = false;
  private request: AbortController | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: LiveChangesOptions) {}

  start(): void {
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.request?.abort();
    this.wake?.();
  }

  /** Skip the current wait and ask again now (Sync now). */
  retryNow(): void {
    this.wake?.();
  }

  private async run(): Promise<void> {
    let since: Sequence = 'now';
    while (!this.stopped) {
      try {
        since = await this.poll(since);
      } catch (error) {
        if (this.stopped) return;
        this.options.onError(error);
        await this.pause(this.options.retryMs());
      }
    }
  }

  private async poll(since: Sequence): Promise<Sequence> {
    const { url, batchSize, heartbeatMs } = this.options;
    const request = new AbortController();
    this.request = request;
    const text = await this.readWatched(
      `${url}_changes?${queryString({ style: 'all_docs', feed: 'longpoll', since, include_docs: true, heartbeat: heartbeatMs, limit: batchSize, seq_interval: batchSize })}`,
      request,
    );
    const answer = parseAnswer(text, changesSchema, '_changes');
    this.options.onContact();
    noteLastRead(answer, this.options.onRead);
    const documents = await this.options.gate.admit(changedDocuments(answer));
    if (documents.length > 0 && !this.stopped) this.options.emit({ documents, checkpoint: { sequence: answer.last_seq } });
    this.options.onPulled();
    return answer.last_seq;
  }

  /** The whole body, abandoning the request when the server goes quiet for 2.5 heartbeats. */
  private async readWatched(url: string, request: AbortController): Promise<string> {
    let silent = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let watchdog: NodeJS.Timeout | null = null;
    const watch = () => {
      if (watchdog) clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        silent = true;
        request.abort();
        // Also end a read the abort does not reach (a body that is not the request's own stream).
        void reader?.cancel().catch(() => undefined);
      }, this.options.heartbeatMs * 2.5);
      watchdog.unref();
    };
    watch();
    try {
      const response = ensureOk(await this.options.fetch(url, { signal: request.signal, headers: { 'accept-encoding': 'identity' } }), '_changes');
      this.options.onContact();
      reader = response.body?.getReader();
      if (!reader) return await response.text();
      const decoder = new TextDecoder();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (silent) throw new SilentServerError();
        if (done) break;
        watch();
        this.options.onContact();
        text += decoder.decode(value, { stream: true });
      }
      return text + decoder.decode();
    } catch (error) {
      throw silent ? new SilentServerError() : error;
    } finally {
      if (watchdog) clearTimeout(watchdog);
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      timer.unref();
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = () => {
        this.wake = null;
        done();
      };
    });
  }
}
