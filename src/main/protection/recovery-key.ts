/**
 * The recovery key (P-7.2): 160 random bits written as 32 Crockford base-32 characters in groups
 * of four, shown once to the administrator. Reading it back forgives case, spaces, hyphens and
 * the letters people confuse with digits (O→0, I/L→1).
 */
import crypto from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const BYTES = 20;

export function newRecoveryKey(): string {
  const bytes = crypto.randomBytes(BYTES);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return text.match(/.{4}/g)?.join('-') ?? text;
}

/** The canonical form of what someone typed, or null when it cannot be a recovery key. */
export function normaliseRecoveryKey(typed: string): string | null {
  const plain = typed.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (plain.length !== 32 || [...plain].some((character) => !ALPHABET.includes(character))) return null;
  return plain.match(/.{4}/g)?.join('-') ?? null;
}
