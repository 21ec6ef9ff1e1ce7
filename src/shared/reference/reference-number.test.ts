import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCharacter,
  deviceCodeFromRandom,
  encodeBase32,
  formatReference,
  isDeviceCode,
  isValidReference,
  looksLikeReferencePrefix,
  parseReference,
  REFERENCE_ALPHABET,
} from './reference-number';

describe('P-3.2 reference numbers', () => {
  it('look like DDDD-SSSS-C and read back', () => {
    const reference = formatReference('7KQ2', 323);
    expect(reference).toMatch(/^7KQ2-00A3-[0-9A-HJKMNP-TV-Z]$/);
    expect(parseReference(reference)).toEqual({ ok: true, reference, deviceCode: '7KQ2', sequence: 323 });
  });

  it('are case-insensitive, ignore spaces and hyphens, and read O as 0 and I/L as 1', () => {
    const reference = formatReference('1K0Z', 1);
    const typed = reference.toLowerCase().replaceAll('0', 'o').replaceAll('1', 'l').replaceAll('-', ' ');
    expect(parseReference(typed)).toMatchObject({ ok: true, reference });
    expect(parseReference(` ${reference.replaceAll('-', '')} `)).toMatchObject({ ok: true, reference });
  });

  it('grow the sequence beyond four characters without losing uniqueness', () => {
    const big = formatReference('ABCD', 32 ** 4 + 5);
    expect(big).toMatch(/^ABCD-\w{5}-\w$/);
    expect(parseReference(big)).toMatchObject({ ok: true, sequence: 32 ** 4 + 5 });
  });

  it('say what is wrong with bad input', () => {
    expect(parseReference('')).toEqual({ ok: false, problem: 'empty' });
    expect(parseReference('7KQ2-00U3-X')).toEqual({ ok: false, problem: 'invalid-character', character: 'U' });
    expect(parseReference('7KQ2-0')).toEqual({ ok: false, problem: 'too-short' });
    expect(parseReference('7KQ2-0000000000-X')).toEqual({ ok: false, problem: 'too-long' });
  });

  it('two devices creating 50 000 cases each, offline, produce no duplicate', () => {
    const seen = new Set<string>();
    for (const device of ['7KQ2', 'M3XD']) {
      for (let sequence = 1; sequence <= 50_000; sequence += 1) seen.add(formatReference(device, sequence));
    }
    expect(seen.size).toBe(100_000);
  });

  it('device codes come from random bytes, in the reference alphabet', () => {
    const code = deviceCodeFromRandom(new Uint8Array([0, 31, 32, 255]));
    expect(code).toBe('0Z0Z');
  });
});

/**
 * An independent Damm implementation over GF(32) = GF(2)[x]/(x⁵ + x² + 1): a generic field
 * multiplication builds the 32×32 quasigroup table a∗b = x·a + b, and the check character is found
 * by searching the table for the symbol that brings the running value back to 0.
 */
function independentCheckCharacter(body: string): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const multiply = (a: number, b: number): number => {
    let product = 0;
    for (let bit = 0; bit < 5; bit += 1) if (b & (1 << bit)) product ^= a << bit;
    for (let bit = 8; bit >= 5; bit -= 1) if (product & (1 << bit)) product ^= 0b100101 << (bit - 5);
    return product;
  };
  const table = Array.from({ length: 32 }, (_, a) => Array.from({ length: 32 }, (_, b) => multiply(a, 2) ^ b));
  let interim = 0;
  for (const char of body) interim = table[interim]![alphabet.indexOf(char)]!;
  const check = table[interim]!.findIndex((value) => value === 0);
  return alphabet[check]!;
}

describe('known references (check characters pinned, and recomputed by an independent Damm table)', () => {
  const known: [string, number, string][] = [
    ['7KQ2', 323, '7KQ2-00A3-V'],
    ['0000', 0, '0000-0000-0'],
    ['0000', 1, '0000-0001-2'],
    ['ZZZZ', 1_048_575, 'ZZZZ-ZZZZ-3'],
    ['M3XD', 50_000, 'M3XD-1GTG-G'],
    ['1K0Z', 1, '1K0Z-0001-X'],
    ['ABCD', 32 ** 4 + 5, 'ABCD-10005-P'],
    ['HJKM', 777, 'HJKM-00R9-N'],
    ['PQRS', 31, 'PQRS-000Z-3'],
    ['TVWX', 1024, 'TVWX-0100-M'],
    ['9Y8X', 123_456_789, '9Y8X-3NQK8N-Q'],
  ];
  it.each(known)('device %s, sequence %i is %s', (device, sequence, expected) => {
    expect(formatReference(device, sequence)).toBe(expected);
    expect(independentCheckCharacter(expected.slice(0, -2).replaceAll('-', ''))).toBe(expected.slice(-1));
    expect(parseReference(expected)).toEqual({ ok: true, reference: expected, deviceCode: device, sequence });
  });
});

describe('the check character catches every single wrong character and every neighbour swap', () => {
  const references = fc
    .tuple(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}$/), fc.integer({ min: 0, max: 32 ** 5 }))
    .map(([code, seq]) => formatReference(code, seq));

  it('for 300 random valid references, exhaustively', () => {
    fc.assert(
      fc.property(references, (reference) => {
        const symbols = [...reference.replaceAll('-', '')];
        for (let position = 0; position < symbols.length; position += 1) {
          for (const replacement of REFERENCE_ALPHABET) {
            if (replacement === symbols[position]) continue;
            const wrong = [...symbols];
            wrong[position] = replacement;
            expect(isValidReference(wrong.join('')), `${reference}: ${wrong.join('')}`).toBe(false);
          }
          if (position + 1 < symbols.length && symbols[position] !== symbols[position + 1]) {
            const swapped = [...symbols];
            [swapped[position], swapped[position + 1]] = [swapped[position + 1] as string, swapped[position] as string];
            expect(isValidReference(swapped.join('')), `${reference}: swap at ${position}`).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('boundaries and bad arguments', () => {
  it('reads I as 1 as well as L, and O as 0', () => {
    const reference = formatReference('1K0Z', 1);
    expect(parseReference(reference.replaceAll('1', 'I'))).toMatchObject({ ok: true, reference });
    expect(parseReference(reference.replaceAll('1', 'l'))).toMatchObject({ ok: true, reference });
    expect(parseReference(reference.replaceAll('0', 'O'))).toMatchObject({ ok: true, reference });
  });

  it('accepts the shortest (9 characters) and the longest (13) reference, and no shorter or longer', () => {
    const shortest = formatReference('ABCD', 0);
    const longest = formatReference('ABCD', 32 ** 8 - 1);
    expect(shortest.replaceAll('-', '')).toHaveLength(9);
    expect(longest.replaceAll('-', '')).toHaveLength(13);
    expect(parseReference(shortest)).toMatchObject({ ok: true, sequence: 0 });
    expect(parseReference(longest)).toMatchObject({ ok: true, sequence: 32 ** 8 - 1 });
    expect(parseReference(shortest.replaceAll('-', '').slice(1))).toEqual({ ok: false, problem: 'too-short' });
    expect(parseReference(`0${longest.replaceAll('-', '')}`)).toEqual({ ok: false, problem: 'too-long' });
  });

  it('names a failed check as such', () => {
    const reference = formatReference('7KQ2', 323);
    const wrong = reference.slice(0, -1) + (reference.endsWith('0') ? '1' : '0');
    expect(parseReference(wrong)).toEqual({ ok: false, problem: 'check-failed' });
  });

  it('device codes are exactly four reference characters', () => {
    expect(isDeviceCode('7KQ2')).toBe(true);
    expect(isDeviceCode('7KQ')).toBe(false);
    expect(isDeviceCode('7KQ22')).toBe(false);
    expect(isDeviceCode('7KQU')).toBe(false);
    expect(isDeviceCode('7kq2')).toBe(false);
  });

  it('refuses impossible arguments with a clear error', () => {
    expect(() => checkCharacter('7KQU')).toThrow("'U' is not a reference character");
    expect(() => encodeBase32(-1, 4)).toThrow('Cannot encode -1');
    expect(() => encodeBase32(1.5, 4)).toThrow('Cannot encode 1.5');
    expect(() => encodeBase32(2 ** 53, 4)).toThrow('Cannot encode');
    expect(() => deviceCodeFromRandom(new Uint8Array(3))).toThrow('Need 4 random bytes');
    expect(() => formatReference('7KQU', 1)).toThrow("'7KQU' is not a device code");
  });
});

describe('search as you type: what could be the start of a reference', () => {
  it.each([
    ['7K', true],
    ['7k q2-0', true],
    ['o1', true],
    ['7', false],
    ['AB', false],
    ['7KU', false],
    ['Smith', false],
  ] as const)('%s → %s', (input, expected) => {
    expect(looksLikeReferencePrefix(input)).toBe(expected);
  });
});
