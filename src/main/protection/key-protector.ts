/**
 * The operating system's keychain as the database key's first slot (P-7.2). The Electron adapter
 * (src/main/electron/safe-storage-key-protector.ts) implements it with safeStorage; hosts without
 * a real keychain (Linux `basic_text`, the browser harness, scripts) pass none, and the profile is
 * then opened by a person's password only.
 */
export interface KeyProtector {
  readonly kind: 'os-keychain';
  /** Encrypts with a key only this OS user's keychain holds. */
  protect(secret: Buffer): Buffer;
  /** Throws when the keychain cannot decrypt it (another user, another machine, a reset keychain). */
  unprotect(sealed: Buffer): Buffer;
}
