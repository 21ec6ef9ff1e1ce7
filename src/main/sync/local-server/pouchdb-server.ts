/**
 * The local CouchDB-compatible peer for development, tests and benchmarks (never part of the
 * app): pouchdb-server in its own process on loopback, with a data directory, that can be
 * killed (SIGKILL, as a crash or a pulled plug) and restarted on the same port with the same data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export interface CouchServer {
  readonly url: string;
  readonly port: number;
  readonly directory: string;
  /** Kills the process at once (SIGKILL): nothing is flushed or closed. */
  kill(): Promise<void>;
  start(): Promise<void>;
  /** Requires an admin from now on (CouchDB's "admin party" ends), with this name and password. */
  addAdmin(name: string, password: string): Promise<void>;
  close(): Promise<void>;
}

/** Keeps the peer serving after an internal error of its own (see peer-guard.cjs). */
const PEER_GUARD = fileURLToPath(new URL('./peer-guard.cjs', import.meta.url));
/** Passes a `_changes` POST body's selector on, as CouchDB reads it (see peer-selector.cjs). */
const PEER_SELECTOR = fileURLToPath(new URL('./peer-selector.cjs', import.meta.url));

export function pouchdbServerBin(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('pouchdb-server/package.json')), 'bin', 'pouchdb-server');
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No port'))));
    });
  });
}

async function waitUntilUp(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`pouchdb-server exited (${child.exitCode}): ${output()}`);
    const up = await fetch(url, { signal: AbortSignal.timeout(1_000) }).then(
      (response) => response.ok || response.status === 401,
      () => false,
    );
    if (up) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`pouchdb-server did not start in 30 s: ${output()}`);
}

export async function startCouchServer(options: { directory?: string; port?: number } = {}): Promise<CouchServer> {
  const ownsDirectory = options.directory === undefined;
  const directory = options.directory ?? fs.mkdtempSync(path.join(os.tmpdir(), 'plaint-couch-'));
  fs.mkdirSync(directory, { recursive: true });
  const port = options.port ?? (await freePort());
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let admin: { name: string; password: string } | null = null;
  const server: CouchServer = {
    url,
    port,
    directory,
    async start() {
      let output = '';
      // Its config file and log are written to the working directory: keep them with the data.
      child = spawn(
        process.execPath,
        [
          '--require',
          PEER_GUARD,
          '--require',
          PEER_SELECTOR,
          pouchdbServerBin(),
          '--host',
          '127.0.0.1',
          '--port',
          String(port),
          '--dir',
          directory,
          '--config',
          path.join(directory, 'config.json'),
          '--no-stdout-logs',
        ],
        {
          cwd: directory,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
      child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)));
      const started = child;
      // A peer that dies on its own (not killed here) takes the test's server away: say why.
      started.once('exit', (code, signal) => {
        if (child === started) console.warn(`pouchdb-server on port ${port} exited on its own (${code ?? signal}): ${output}`);
      });
      await waitUntilUp(`${url}/`, child, () => output);
    },
    async kill() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGKILL');
      await exited;
    },
    async addAdmin(name, password) {
      const headers = admin ? { Authorization: `Basic ${Buffer.from(`${admin.name}:${admin.password}`).toString('base64')}` } : undefined;
      const response = await fetch(`${url}/_config/admins/${encodeURIComponent(name)}`, {
        method: 'PUT',
        body: JSON.stringify(password),
        ...(headers ? { headers } : {}),
      });
      if (!response.ok) throw new Error(`Could not add admin: ${response.status}`);
      admin = { name, password };
    },
    /** Stops the server; a temporary data directory (none was given) is removed. */
    async close() {
      await server.kill();
      if (ownsDirectory) fs.rmSync(directory, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
