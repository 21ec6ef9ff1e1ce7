/**
 * The browser harness (development and tests only; never part of a production build).
 *
 * Starts the real main-process services (src/main/services.ts) in Node, serves the built
 * renderer over HTTP on 127.0.0.1, and bridges the page's `window.plaint` (installed by the shim)
 * to the API dispatcher over a WebSocket. A random per-run token must be in the page URL and the
 * socket URL, and the socket's Origin must be the harness's own: other local pages cannot connect.
 *
 * Usage: tsx e2e/harness/server.ts --data-dir <dir> [--port 0] [--renderer out/renderer] [--seed-demo N] [--seed-scale N]
 *   [--clock 2026-12-17T11:00:00Z] (the main process's clock starts at that instant and runs on)
 *   [--seed-admin] (a team with the administrator SEED_ADMIN, admin / plaint-admin-password, every role; signed out)
 *   [--stay-signed-in] (benchmarks: the seeded administrator stays signed in, so a page opens on its data)
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { WebSocketServer, type WebSocket } from 'ws';
import { installProcessSafetyNet } from '../../src/main/process-safety';
import { startMainServices, type MainServices } from '../../src/main/services';
import { systemClock, type Clock } from '../../src/main/domain/clock';
import { contentTypeFor, resolveRendererAsset } from '../../src/main/security/renderer-assets';
import { CSP_HEADER } from '../../src/main/security/content-security-policy';
import { seedData } from './seed-data';
import {
  HARNESS_READY_PREFIX,
  HARNESS_SHIM_PATH,
  HARNESS_SOCKET_PATH,
  HARNESS_TOKEN_PARAM,
  type HarnessMessage,
  type HarnessReady,
  type HarnessRequest,
} from './protocol';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

async function bundleShim(): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'shim.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('esbuild produced no shim');
  return output.text;
}

function injectShim(html: string): string {
  const tag = `<script src="${HARNESS_SHIM_PATH}"></script>`;
  return html.replace('<head>', `<head>\n    ${tag}`);
}

function parseRequest(raw: string): HarnessRequest | null {
  try {
    const value = JSON.parse(raw) as unknown;
    if (typeof value !== 'object' || value === null) return null;
    const record = value as Record<string, unknown>;
    return typeof record['id'] === 'number' ? { id: record['id'], method: record['method'], input: record['input'] } : null;
  } catch {
    return null;
  }
}

function send(socket: WebSocket, message: HarnessMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** A clock that starts at `start` and runs on in real time (specs with dates written from the procedure). */
function runningClockFrom(start: string): Clock {
  const offset = Date.parse(start) - Date.now();
  if (Number.isNaN(offset)) throw new Error(`--clock ${start} is not a date and time`);
  return { now: () => new Date(Date.now() + offset) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      port: { type: 'string', default: '0' },
      renderer: { type: 'string', default: path.join(repoRoot, 'out', 'renderer') },
      'seed-demo': { type: 'string' },
      'seed-scale': { type: 'string' },
      clock: { type: 'string' },
      'seed-admin': { type: 'boolean', default: false },
      'stay-signed-in': { type: 'boolean', default: false },
    },
  });
  const dataDirectory = values['data-dir'];
  if (!dataDirectory) throw new Error('--data-dir <directory> is required');
  const rendererDirectory = path.resolve(values.renderer);
  await fs.access(path.join(rendererDirectory, 'index.html')).catch(() => {
    throw new Error(`No built renderer at ${rendererDirectory}: run 'npm run build' first`);
  });

  const pkg = JSON.parse(await fs.readFile(path.join(repoRoot, 'package.json'), 'utf8')) as { productName: string; version: string };
  const clock = values.clock ? runningClockFrom(values.clock) : systemClock;
  const services: MainServices = await startMainServices({ dataDirectory, host: 'harness', appName: pkg.productName, version: pkg.version, clock });
  // The same policy as the app: an uncaught error is logged and recovered from, not an exit.
  installProcessSafetyNet({ logger: services.logger, recover: () => services.sync?.wake() });
  await seedData(services, clock, {
    admin: values['seed-admin'] || values['stay-signed-in'],
    staySignedIn: values['stay-signed-in'],
    demo: Number(values['seed-demo'] ?? 0),
    scale: Number(values['seed-scale'] ?? 0),
  });
  const token = crypto.randomBytes(24).toString('hex');
  const shim = await bundleShim();
  let origin = '';

  const server = http.createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', origin || 'http://127.0.0.1');
      if (url.pathname === HARNESS_SHIM_PATH) {
        response.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
        response.end(shim);
        return;
      }
      const file = resolveRendererAsset(rendererDirectory, url.pathname);
      const body = file ? await fs.readFile(file).catch(() => null) : null;
      if (!file || !body) {
        response.writeHead(404).end('Not found');
        return;
      }
      const isHtml = file.endsWith('.html');
      response.writeHead(200, {
        'Content-Type': contentTypeFor(file),
        'Content-Security-Policy': CSP_HEADER,
        'Cache-Control': 'no-store',
      });
      response.end(isHtml ? injectShim(body.toString('utf8')) : body);
    })();
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', origin);
    const tokenOk = url.searchParams.get(HARNESS_TOKEN_PARAM) === token;
    if (url.pathname !== HARNESS_SOCKET_PATH || !tokenOk || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws));
  });
  sockets.on('connection', (ws: WebSocket) => {
    const stop = services.events.listenAll((channel, payload) => send(ws, { kind: 'event', channel, payload }));
    ws.on('close', stop);
    ws.on('message', (data) => {
      const request = parseRequest(String(data));
      if (!request) return;
      void services.dispatch(request.method, request.input, { host: 'harness' }).then((response) => send(ws, { kind: 'response', id: request.id, response }));
    });
  });

  await new Promise<void>((resolve) => server.listen(Number(values.port), '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || address === null) throw new Error('The harness server has no address');
  origin = `http://127.0.0.1:${address.port}`;

  const shutdown = (): void => {
    sockets.clients.forEach((client) => client.terminate());
    server.close();
    void services.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);

  const ready: HarnessReady = { url: `${origin}/index.html?${HARNESS_TOKEN_PARAM}=${token}`, origin, dataDirectory: services.dataDirectory, pid: process.pid };
  process.stdout.write(`${HARNESS_READY_PREFIX}${JSON.stringify(ready)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`Plaint harness failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
