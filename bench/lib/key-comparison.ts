/**
 * Issue 14 (P-7.2): what encryption at rest costs. The same operations on two databases, one
 * encrypted with a key (AEGIS-256, as every Plaint profile: storage/database-cipher.ts) and one
 * plain, taking turns run by run (which goes first alternates) so machine load falls on both
 * alike. The ratio per operation is encrypted / plain (median; p95 beside it); the goal is at most
 * 1.3× on every operation.
 */
import fs from 'node:fs';
import { median, percentile, printTable, round } from './report';

export type KeySide = 'encrypted' | 'plain';

export interface KeyedOperation {
  readonly name: string;
  readonly runs: number;
  /** Runs the operation once on one side, timing it where it runs; `found` is what it found. */
  readonly measure: (side: KeySide, run: number) => Promise<{ readonly ms: number; readonly found: unknown }>;
  /** The two sides hold the same data, so they must find the same (false: ids or times differ by side). */
  readonly agree?: boolean;
}

/** Times an operation that runs in this process. */
export function timedHere(run: (side: KeySide, run: number) => Promise<unknown>): KeyedOperation['measure'] {
  return async (side, index) => {
    const start = performance.now();
    const found = await run(side, index);
    return { ms: performance.now() - start, found };
  };
}

export interface KeyComparisonRow {
  readonly operation: string;
  readonly runs: number;
  readonly encryptedMedianMs: number;
  readonly plainMedianMs: number;
  readonly ratioMedian: number;
  readonly ratioP95: number;
  readonly withinGoal: boolean;
}

export const KEY_RATIO_GOAL = 1.3;

export async function compareWithAndWithoutKey(operations: readonly KeyedOperation[], warmUp = true): Promise<KeyComparisonRow[]> {
  const rows: KeyComparisonRow[] = [];
  for (const operation of operations) {
    if (warmUp) {
      await operation.measure('encrypted', 0);
      await operation.measure('plain', 0);
    }
    const encrypted: number[] = [];
    const plain: number[] = [];
    for (let run = 0; run < operation.runs; run += 1) {
      const found: Record<string, unknown> = {};
      const time = async (side: KeySide) => {
        const measured = await operation.measure(side, run);
        found[side] = measured.found;
        (side === 'encrypted' ? encrypted : plain).push(measured.ms);
      };
      for (const side of run % 2 === 0 ? (['encrypted', 'plain'] as const) : (['plain', 'encrypted'] as const)) await time(side);
      if (operation.agree !== false && JSON.stringify(found['encrypted']) !== JSON.stringify(found['plain'])) {
        throw new Error(
          `${operation.name}, run ${run}: the encrypted and plain databases disagree: ${String(JSON.stringify(found['encrypted'])).slice(0, 200)} vs ${String(JSON.stringify(found['plain'])).slice(0, 200)}`,
        );
      }
    }
    const ratioMedian = round(median(encrypted) / median(plain));
    rows.push({
      operation: operation.name,
      runs: operation.runs,
      encryptedMedianMs: round(median(encrypted)),
      plainMedianMs: round(median(plain)),
      ratioMedian,
      ratioP95: round(percentile(encrypted, 95) / percentile(plain, 95)),
      withinGoal: ratioMedian <= KEY_RATIO_GOAL,
    });
    process.stdout.write(`  ${operation.name}: encrypted ${round(median(encrypted))} ms, plain ${round(median(plain))} ms\n`);
  }
  return rows;
}

export function printKeyComparison(title: string, rows: readonly KeyComparisonRow[]): void {
  printTable(
    title,
    ['operation', 'runs', 'encrypted median', 'plain median', 'ratio (median)', 'ratio (p95)', `≤ ${KEY_RATIO_GOAL}×`],
    rows.map((row) => [row.operation, row.runs, row.encryptedMedianMs, row.plainMedianMs, row.ratioMedian, row.ratioP95, row.withinGoal ? 'yes' : 'NO']),
  );
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** Whether a database file is encrypted (its first page is not plain SQLite's header). */
export function isEncryptedFile(file: string): boolean {
  const handle = fs.openSync(file, 'r');
  try {
    const header = Buffer.alloc(16);
    fs.readSync(handle, header, 0, 16, 0);
    return header.toString('latin1') !== SQLITE_HEADER;
  } finally {
    fs.closeSync(handle);
  }
}
