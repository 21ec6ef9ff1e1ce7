/**
 * The single-instance lock across processes, the way Chromium keeps it on Linux: a `SingletonLock`
 * symlink naming the holder (host-pid) and a `SingletonSocket` the holder listens on, both in the
 * user-data directory. A second process finds a live holder, hands it its command line and is
 * refused the lock; a lock left by a dead process is taken over.
 */
import fs from 'node:fs';
import nodeNet from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { beforeExit, holdExitUntil } from './recorder.ts';

export interface SecondInstance {
  readonly argv: readonly string[];
  readonly workingDirectory: string;
  readonly additionalData: unknown;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function holderOf(lockPath: string): number | null {
  try {
    const target = fs.readlinkSync(lockPath);
    const pid = Number(target.slice(target.lastIndexOf('-') + 1));
    return Number.isInteger(pid) ? pid : null;
  } catch {
    return null;
  }
}

function handOver(socketPath: string, message: SecondInstance): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = nodeNet.connect(socketPath, () => socket.end(JSON.stringify(message)));
    socket.on('close', () => resolve());
    socket.on('error', reject);
  });
}

function listen(socketPath: string, onSecondInstance: (instance: SecondInstance) => void): void {
  const server = nodeNet.createServer((socket) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('end', () => onSecondInstance(JSON.parse(Buffer.concat(chunks).toString('utf8')) as SecondInstance));
  });
  server.listen(socketPath);
  server.unref();
  beforeExit(() => server.close());
}

/** Takes the lock for a user-data directory, or hands this instance over to the live holder. */
export function requestLock(userData: string, me: SecondInstance, onSecondInstance: (instance: SecondInstance) => void): boolean {
  // Electron creates the user-data directory for the lock if it does not exist yet.
  fs.mkdirSync(userData, { recursive: true });
  const lockPath = path.join(userData, 'SingletonLock');
  const socketPath = path.join(userData, 'SingletonSocket');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.symlinkSync(`${os.hostname()}-${process.pid}`, lockPath);
      fs.rmSync(socketPath, { force: true });
      listen(socketPath, onSecondInstance);
      beforeExit(() => {
        fs.rmSync(lockPath, { force: true });
        fs.rmSync(socketPath, { force: true });
      });
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(lockPath);
    if (holder !== null && holder !== process.pid && isAlive(holder)) {
      holdExitUntil(
        handOver(socketPath, me).catch((error: unknown) => process.stderr.write(`fake electron: could not reach the first instance: ${String(error)}\n`)),
      );
      return false;
    }
    fs.rmSync(lockPath, { force: true });
  }
  return false;
}
