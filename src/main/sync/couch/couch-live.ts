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
import { changesSchema, parseAnswer, type Sequence } from './couch-protocol';
import { changesRequest, type ScopedFeed } from '../need-to-know/scoped-feed';

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
  /** Need-to-know replication (issue 19): the selector of each poll; a new one asks again at once. */
  readonly scope?: ScopedFeed;
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
  /** The poll under way was abandoned because the scope changed: not a failure. */
  private rescoped = false;
  private unwatchScope: () => void = () => undefined;

  constructor(private readonly options: LiveChangesOptions) {}

  start(): void {
    this.unwatchScope = this.options.scope?.onChange(() => this.rescope()) ?? (() => undefined);
    void this.run();
  }

  stop(): void {
    this.stopped = true;
    this.unwatchScope();
    this.request?.abort();
    this.wake?.();
  }

  /** The scope changed: a poll waiting under the old selector is asked again under the new one. */
  private rescope(): void {
    if (this.stopped || !this.request) return;
    this.rescoped = true;
    this.request.abort();
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
        if (this.rescoped) {
          this.rescoped = false;
          continue;
        }
        this.options.onError(error);
        await this.pause(this.options.retryMs());
      }
    }
  }

  private async poll(since: Sequence): Promise<Sequence> {
    const { url, batchSize, heartbeatMs } = this.options;
    const request = new AbortController();
    this.request = request;
    this.rescoped = false;
    const selector = this.options.scope?.selector() ?? null;
    const changes = changesRequest(
      url,
      { style: 'all_docs', feed: 'longpoll', since, include_docs: true, heartbeat: heartbeatMs, limit: batchSize, seq_interval: batchSize },
      selector,
    );
    const text = await this.readWatched(changes.url, changes.init, request);
    const answer = parseAnswer(text, changesSchema, '_changes');
    this.options.onContact();
    noteLastRead(answer, this.options.onRead);
    const documents = await this.options.gate.admit(changedDocuments(answer));
    if (documents.length > 0 && !this.stopped) this.options.emit({ documents, checkpoint: { sequence: answer.last_seq } });
    this.options.onPulled();
    return answer.last_seq;
  }

  /** The whole body, abandoning the request when the server goes quiet for 2.5 heartbeats. */
  private async readWatched(url: string, init: RequestInit, request: AbortController): Promise<string> {
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
      const response = ensureOk(
        await this.options.fetch(url, {
          ...init,
          signal: request.signal,
          headers: { ...(init.headers as Record<string, string> | undefined), 'accept-encoding': 'identity' },
        }),
        '_changes',
      );
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
