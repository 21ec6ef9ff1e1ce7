/**
 * Backup generations in the backup folder (issue 14): each a folder `plaint-backup-<UTC time>`
 * holding the database file and its manifest. A generation is written under a `.partial` name
 * and renamed only once verified, so a folder with the plain name is always complete; partial
 * folders left by an interrupted backup are removed by the next one. Nothing else in the folder
 * is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MANIFEST_FILE } from './backup-manifest';

const PREFIX = 'plaint-backup-';
const GENERATION = /^plaint-backup-\d{8}T\d{9}Z(-\d+)?$/;
const PARTIAL = /^\.plaint-backup-.*\.partial$/;

/** `plaint-backup-20261207T051500123Z`: sorts by time, and is a valid file name everywhere. */
export function generationName(folder: string, at: Date): string {
  const base = `${PREFIX}${at.toISOString().replace(/[-:.]/g, '')}`;
  let name = base;
  for (let n = 2; fs.existsSync(path.join(folder, name)) || fs.existsSync(path.join(folder, partialName(name))); n += 1) name = `${base}-${n}`;
  return name;
}

export function partialName(name: string): string {
  return `.${name}.partial`;
}

/** Complete generations, newest first. */
export function listGenerations(folder: string): string[] {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && GENERATION.test(entry.name) && fs.existsSync(path.join(folder, entry.name, MANIFEST_FILE)))
    .map((entry) => entry.name)
    .sort(compareGenerations)
    .reverse();
}

function compareGenerations(a: string, b: string): number {
  const [timeA = '', suffixA = '1'] = a.slice(PREFIX.length).split('-');
  const [timeB = '', suffixB = '1'] = b.slice(PREFIX.length).split('-');
  return timeA === timeB ? Number(suffixA) - Number(suffixB) : timeA < timeB ? -1 : 1;
}

/** Deletes all but the newest `keep` complete generations; answers with the names deleted. */
export function pruneGenerations(folder: string, keep: number): string[] {
  const old = listGenerations(folder).slice(keep);
  for (const name of old) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
  return old;
}

/** Removes what interrupted backups left (never a complete generation). */
export function removePartials(folder: string): void {
  for (const name of fs.readdirSync(folder)) if (PARTIAL.test(name)) fs.rmSync(path.join(folder, name), { recursive: true, force: true });
}
