/**
 * Wrapping the database key: AES-256-GCM from node:crypto with a fresh 12-byte nonce per seal,
 * and scrypt (memory-hard, a salt per slot) to turn a password into a wrapping key. A wrong
 * wrapping key fails GCM's tag check, so it is told apart from a right one without any other
 * stored check value.
 */
import crypto from 'node:crypto';

export interface Sealed {
  readonly iv: string;
  readonly tag: string;
  readonly data: string;
}

export interface SlotScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

export function seal(wrappingKey: Buffer, secret: Buffer): Sealed {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', wrappingKey, iv);
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The secret, or null when the wrapping key is not the one it was sealed with (or the slot was altered). */
export function open(wrappingKey: Buffer, sealed: Sealed): Buffer | null {
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', wrappingKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

export function deriveWrappingKey(secret: string, salt: Buffer, cost: SlotScryptCost): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    crypto.scrypt(secret.normalize('NFC'), salt, 32, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1_048_576 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}
