/**
 * Where the sync password is kept. In the app it is Electron's safeStorage (the operating
 * system's keychain: Keychain on macOS, DPAPI on Windows, the Secret Service on Linux), through
 * the adapter in electron/safe-storage-secrets.ts. In plain Node (tests, the browser harness)
 * it is memory only, so a password is never written to disk in the clear.
 */
export interface SecretStore {
  readonly kind: 'os-keychain' | 'memory';
  read(): Promise<string | null>;
  write(secret: string | null): Promise<void>;
}

export function memorySecretStore(): SecretStore {
  let secret: string | null = null;
  return {
    kind: 'memory',
    read: () => Promise.resolve(secret),
    write: (value) => {
      secret = value;
      return Promise.resolve();
    },
  };
}
