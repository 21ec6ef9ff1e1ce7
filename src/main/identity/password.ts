/**
 * Password verifiers: scrypt from node:crypto (memory-hard), a random salt per account and per
 * change, the parameters stored with the verifier, and a constant-time comparison. The password
 * itself is never stored, logged or returned; only this module and the session see it.
 */
import crypto from 'node:crypto';
import type { PasswordVerifier } from '../../shared/domain/records';
import { passwordVerifierSchema } from '../../shared/domain/records';

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * 2^17 × 8 × 128 bytes = 128 MiB and a few hundred milliseconds per check: OWASP's scrypt
 * recommendation. Tests may pass the schema's minimum (2^14) to stay fast; the verifier records
 * what was used, so a check always uses the cost its verifier was made with.
 */
export const DEFAULT_SCRYPT_COST: ScryptCost = { N: 131_072, r: 8, p: 1 };
export const TEST_SCRYPT_COST: ScryptCost = { N: 16_384, r: 8, p: 1 };
const KEY_LENGTH = 32;

export const MIN_PASSWORD_LENGTH = 10;

function derive(password: string, salt: Buffer, cost: ScryptCost, keyLength: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // maxmem above the cost's need (128 × N × r), which Node's 32 MiB default would refuse.
    crypto.scrypt(password.normalize('NFC'), salt, keyLength, { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 1_048_576 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

export async function makeVerifier(password: string, at: Date, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<PasswordVerifier> {
  const salt = crypto.randomBytes(16);
  const hash = await derive(password, salt, cost, KEY_LENGTH);
  return {
    algorithm: 'scrypt',
    N: cost.N,
    r: cost.r,
    p: cost.p,
    keyLength: KEY_LENGTH,
    salt: salt.toString('base64'),
    hash: hash.toString('base64'),
    setAt: at.toISOString(),
  };
}

/** A verifier for no account: unknown logins cost the same time as known ones. */
let decoy: Promise<PasswordVerifier> | null = null;

/**
 * Whether the password matches. A verifier that is missing or out of bounds (a forged account)
 * never matches, and costs the same as a real check.
 */
export async function verifyPassword(password: string, verifier: PasswordVerifier | null, cost: ScryptCost = DEFAULT_SCRYPT_COST): Promise<boolean> {
  const checked = verifier ? passwordVerifierSchema.safeParse(verifier) : null;
  if (!checked?.success) {
    decoy ??= makeVerifier(crypto.randomBytes(16).toString('hex'), new Date(0), cost);
    const stand = await decoy;
    await derive(password, Buffer.from(stand.salt, 'base64'), stand, stand.keyLength);
    return false;
  }
  const expected = Buffer.from(checked.data.hash, 'base64');
  const actual = await derive(password, Buffer.from(checked.data.salt, 'base64'), checked.data, expected.length);
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
