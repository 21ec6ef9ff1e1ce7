/** A keychain stand-in for tests (P-7.2): AES-GCM under a key only this "OS user" holds. */
import crypto from 'node:crypto';
import type { KeyProtector } from '../key-protector';

export function fakeKeychain(secret = crypto.randomBytes(32)): KeyProtector {
  return {
    kind: 'os-keychain',
    protect(plain) {
      const iv = crypto.randomBytes(12);
      const cipher = crypto.createCipheriv('aes-256-gcm', secret, iv);
      const data = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), data]);
    },
    unprotect(sealed) {
      const decipher = crypto.createDecipheriv('aes-256-gcm', secret, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]);
    },
  };
}
