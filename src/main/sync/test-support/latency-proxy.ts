/**
 * A loopback HTTP proxy between a device and the test server (issue 21): it delays every request
 * by a seeded random 30–100 ms, as a real network does, can cut every connection (an outage),
 * and records when the server accepted each document written through `_bulk_docs` (the moment
 * the answer left the proxy), so tests can prove a device never said "up to date" before its
 * documents were on the server.
 */
import http from 'node:http';
import type net from 'node:net';
import { seededRandom } from '@shared/random/seeded-random';

export interface LatencyProxy {
  readonly url: string;
  /** Cut every open connection and refuse new ones until `up()`. */
  down(): void;
  up(): void;
  /** When (epoch ms) the server's answer accepting each document id left the proxy: the first time. */
  readonly written: ReadonlyMap<string, number>;
  /** The same, the last time: a document written again after the server lost it (a restore). */
  readonly lastWritten: ReadonlyMap<string, number>;
  close(): Promise<void>;
}

export async function startLatencyProxy(target: string, options: { minMs?: number; maxMs?: number; seed?: number } = {}): Promise<LatencyProxy> {
  const { minMs = 30, maxMs = 100 } = options;
  const random = seededRandom(options.seed ?? 21);
  const upstream = new URL(target);
  const sockets = new Set<net.Socket>();
  const written = new Map<string, number>();
  const lastWritten = new Map<string, number>();
  let cut = false;

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const delay = minMs + random() * (maxMs - minMs);
      setTimeout(() => {
        if (cut) return void response.socket?.destroy();
        const body = Buffer.concat(chunks);
        const forwarded = http.request(
          { host: upstream.hostname, port: upstream.port, method: request.method, path: request.url, headers: { ...request.headers, host: upstream.host } },
          (answer) => {
            response.writeHead(answer.statusCode ?? 502, answer.headers);
            const recordWrites = request.method === 'POST' && (request.url ?? '').includes('/_bulk_docs');
            const answerChunks: Buffer[] = [];
            answer.on('data', (chunk: Buffer) => {
              if (recordWrites) answerChunks.push(chunk);
              response.write(chunk);
            });
            answer.on('end', () => {
              if (recordWrites) noteWrites(Buffer.concat(answerChunks));
              response.end();
            });
            answer.on('error', () => response.socket?.destroy());
          },
        );
        forwarded.on('error', () => response.socket?.destroy());
        forwarded.end(body);
      }, delay);
    });
  });

  function noteWrites(answer: Buffer): void {
    try {
      const rows = JSON.parse(answer.toString('utf8')) as { id?: string; ok?: boolean; rev?: string }[];
      const at = Date.now();
      for (const row of Array.isArray(rows) ? rows : []) {
        if (!row.id || !row.rev) continue;
        if (!written.has(row.id)) written.set(row.id, at);
        lastWritten.set(row.id, at);
      }
    } catch {
      // Not JSON: nothing written.
    }
  }

  server.on('connection', (socket) => {
    if (cut) return void socket.destroy();
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The proxy has no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    down() {
      cut = true;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      cut = false;
    },
    written,
    lastWritten,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
