/**
 * Test fixture run as a separate process: tries to open a Plaint database with the SQLite
 * storage and prints the outcome as one JSON line. Usage: open-database.ts <directory> [hold-ms]
 */
import { StorageError } from '../storage-errors';
import { openPeopleInstance } from './index';

const [directory, holdMs] = process.argv.slice(2);
try {
  const instance = await openPeopleInstance({ directory: directory ?? '.' }, 'child');
  process.stdout.write(`${JSON.stringify({ ok: true })}\n`);
  if (holdMs) await new Promise((resolve) => setTimeout(resolve, Number(holdMs)));
  await instance.close();
} catch (error) {
  process.stdout.write(
    `${JSON.stringify({ ok: false, kind: error instanceof StorageError ? error.kind : 'OTHER', message: error instanceof Error ? error.message : String(error) })}\n`,
  );
}
