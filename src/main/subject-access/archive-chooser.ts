/**
 * The port through which the administrator picks where a subject-access archive goes (issue 14):
 * Electron's save dialog in the app (electron/save-dialog.ts); none in the browser harness and in
 * tests, where the path is given to `people.export` directly.
 */
import type { ArchiveChoice } from '../../shared/domain/subject-access';

/** Asks where to save; the path, or null when the person cancelled. */
export type ChooseSavePath = (request: { readonly defaultName: string }) => Promise<string | null>;

export async function chooseArchive(choose: ChooseSavePath | undefined, suggestedName: string): Promise<ArchiveChoice> {
  if (!choose) return { available: false, path: null };
  const safe = suggestedName.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_');
  return { available: true, path: await choose({ defaultName: safe.toLowerCase().endsWith('.zip') ? safe : `${safe}.zip` }) };
}
