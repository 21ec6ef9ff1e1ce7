import fs from 'node:fs';
import path from 'node:path';

/** Every file under a device's data directory with its size, by path relative to it. */
export function filesIn(directory: string, under = ''): Record<string, number> {
  const files: Record<string, number> = {};
  for (const entry of fs.readdirSync(path.join(directory, under), { withFileTypes: true })) {
    const relative = path.join(under, entry.name);
    if (entry.isDirectory()) Object.assign(files, filesIn(directory, relative));
    else if (entry.isFile()) files[relative] = fs.statSync(path.join(directory, relative)).size;
  }
  return files;
}
