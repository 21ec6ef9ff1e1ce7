/**
 * Case reference numbers (P-3.2): the number the customer quotes on the phone and on letters.
 *
 * Format: `DDDD-SSSS-C`, e.g. `7KQ2-00A3-V`, in Crockford's base 32 (digits and letters without
 * I, L, O, U).
 * - `DDDD` is the creating device's code: 4 random characters chosen when the device is set up
 *   (about a million possibilities), so devices that create cases offline at the same time, with
 *   no server, never produce the same number (a clash of codes is detected when devices sync and
 *   the newer device takes a new code).
 * - `SSSS` is that device's own sequence number: 4 characters (about a million cases per device),
 *   growing to 5 or more when needed.
 * - `C` is a check character: a Damm check over GF(32). It catches every single wrong character
 *   and every swap of two neighbouring characters (the errors people make reading a number over
 *   the phone or copying it from a letter).
 * Input is case-insensitive; hyphens and spaces are ignored; O is read as 0 and I and L as 1.
 */
export const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const DEVICE_CODE_LENGTH = 4;
export const MIN_SEQUENCE_LENGTH = 4;
const MAX_SEQUENCE_LENGTH = 8;

const VALUES = new Map([...REFERENCE_ALPHABET].map((char, value) => [char, value]));
const ALIASES: Readonly<Record<string, string>> = { O: '0', I: '1', L: '1' };

/** Multiplication by x in GF(32) = GF(2)[x]/(x⁵ + x² + 1). */
function timesX(value: number): number {
  const shifted = value << 1;
  return shifted & 0b100000 ? shifted ^ 0b100101 : shifted;
}

/** Damm's operation a∗b = x·a + b over GF(32): a totally anti-symmetric quasigroup. */
function fold(values: readonly number[]): number {
  return values.reduce((interim, value) => timesX(interim) ^ value, 0);
}

function valuesOf(symbols: string): number[] {
  return [...symbols].map((char) => {
    const value = VALUES.get(char);
    if (value === undefined) throw new RangeError(`'${char}' is not a reference character`);
    return value;
  });
}

export function checkCharacter(body: string): string {
  return REFERENCE_ALPHABET[timesX(fold(valuesOf(body)))] as string;
}

export function encodeBase32(value: number, minLength: number): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`Cannot encode ${value}`);
  let text = '';
  let rest = value;
  do {
    text = REFERENCE_ALPHABET[rest % 32] + text;
    rest = Math.floor(rest / 32);
  } while (rest > 0);
  return text.padStart(minLength, '0');
}

export function decodeBase32(text: string): number {
  return valuesOf(text).reduce((total, value) => total * 32 + value, 0);
}

export function isDeviceCode(code: string): boolean {
  return code.length === DEVICE_CODE_LENGTH && [...code].every((char) => VALUES.has(char));
}

/** A device code from random bytes (crypto.getRandomValues in either process). */
export function deviceCodeFromRandom(bytes: Uint8Array): string {
  if (bytes.length < DEVICE_CODE_LENGTH) throw new RangeError('Need 4 random bytes');
  return [...bytes.subarray(0, DEVICE_CODE_LENGTH)].map((byte) => REFERENCE_ALPHABET[byte % 32]).join('');
}

export function formatReference(deviceCode: string, sequence: number): string {
  if (!isDeviceCode(deviceCode)) throw new RangeError(`'${deviceCode}' is not a device code`);
  const body = deviceCode + encodeBase32(sequence, MIN_SEQUENCE_LENGTH);
  return `${body.slice(0, DEVICE_CODE_LENGTH)}-${body.slice(DEVICE_CODE_LENGTH)}-${checkCharacter(body)}`;
}

export type ReferenceProblem = 'empty' | 'invalid-character' | 'too-short' | 'too-long' | 'check-failed';

export type ParsedReference =
  | { readonly ok: true; readonly reference: string; readonly deviceCode: string; readonly sequence: number }
  | { readonly ok: false; readonly problem: ReferenceProblem; readonly character?: string };

/** Reads what someone typed, quoted or wrote; returns the canonical reference or the problem. */
export function parseReference(input: string): ParsedReference {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.length === 0) return { ok: false, problem: 'empty' };
  const symbols = [...compact].map((char) => ALIASES[char] ?? char);
  const bad = symbols.find((char) => !VALUES.has(char));
  if (bad !== undefined) return { ok: false, problem: 'invalid-character', character: bad };
  if (symbols.length < DEVICE_CODE_LENGTH + MIN_SEQUENCE_LENGTH + 1) return { ok: false, problem: 'too-short' };
  if (symbols.length > DEVICE_CODE_LENGTH + MAX_SEQUENCE_LENGTH + 1) return { ok: false, problem: 'too-long' };
  const text = symbols.join('');
  if (fold(valuesOf(text)) !== 0) return { ok: false, problem: 'check-failed' };
  const deviceCode = text.slice(0, DEVICE_CODE_LENGTH);
  const sequence = decodeBase32(text.slice(DEVICE_CODE_LENGTH, -1));
  return { ok: true, reference: `${deviceCode}-${text.slice(DEVICE_CODE_LENGTH, -1)}-${text.slice(-1)}`, deviceCode, sequence };
}

export function isValidReference(input: string): boolean {
  return parseReference(input).ok;
}

/** True when the input could be the start of a reference (for search-as-you-type). */
export function looksLikeReferencePrefix(input: string): boolean {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  return compact.length >= 2 && [...compact].every((char) => VALUES.has(ALIASES[char] ?? char)) && /\d/.test(compact);
}
