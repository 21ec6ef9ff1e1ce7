/**
 * The key slots file next to the database (`<name>.keys.json`, never inside it): each slot holds
 * the same random 256-bit database key, wrapped a different way (P-7.2):
 * - `keychain`: sealed by the OS keychain (Electron safeStorage);
 * - `password`: one per local account, AES-256-GCM under a scrypt key from that person's password;
 * - `recovery`: AES-256-GCM under a key from the recovery key shown once to the administrator;
 * - `unprotected`: the key itself, only on a new profile without a keychain until its first
 *   account has a password (team set-up or the first sign-in after joining), then removed.
 * The file is written whole or not at all (temp file, fsync, rename) and is private (0600).
 */
import fs from 'node:fs';
import { z } from 'zod';
import { writeFileAtomically } from './private-files';

const sealedSchema = z.object({ iv: z.string().min(1), tag: z.string().min(1), data: z.string().min(1) }).strict();
const costSchema = { N: z.number().int().min(2).max(1_048_576), r: z.number().int().min(1).max(32), p: z.number().int().min(1).max(16) };

const slotSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('keychain'), sealed: z.string().min(1) }).strict(),
  z
    .object({
      kind: z.literal('password'),
      accountId: z.string().min(1),
      login: z.string(),
      /** The salt of the password verifier this slot was written with: a new verifier means a new password. */
      verifierSalt: z.string(),
      salt: z.string().min(1),
      ...costSchema,
      box: sealedSchema,
    })
    .strict(),
  z.object({ kind: z.literal('recovery'), salt: z.string().min(1), createdAt: z.string(), box: sealedSchema }).strict(),
  z.object({ kind: z.literal('unprotected'), key: z.string().regex(/^[0-9a-f]{64}$/) }).strict(),
]);

const keyFileSchema = z.object({ format: z.literal(1), slots: z.array(slotSchema) }).strict();

export type KeySlot = z.infer<typeof slotSchema>;
export type PasswordSlot = Extract<KeySlot, { kind: 'password' }>;
export type KeyFile = z.infer<typeof keyFileSchema>;

export class KeyFileError extends Error {
  override readonly name = 'KeyFileError';
}

export function keyFilePath(databaseFile: string): string {
  return databaseFile.replace(/\.sqlite$/, '') + '.keys.json';
}

/** The slots, or null when the profile has no key file (new, or from before encryption). */
export function readKeyFile(file: string): KeyFile | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return null;
    throw new KeyFileError(`The database key file ${file} cannot be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new KeyFileError(`The database key file ${file} is damaged. Restore it from a backup, or use the recovery key.`, { cause: error });
  }
  const parsed = keyFileSchema.safeParse(json);
  if (!parsed.success) throw new KeyFileError(`The database key file ${file} is damaged. Restore it from a backup, or use the recovery key.`);
  return parsed.data;
}

export function writeKeyFile(file: string, content: KeyFile): void {
  writeFileAtomically(file, `${JSON.stringify(keyFileSchema.parse(content), null, 1)}\n`);
}
