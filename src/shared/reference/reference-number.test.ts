import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deviceCodeFromRandom, formatReference, isValidReference, parseReference, REFERENCE_ALPHABET } from './reference-number';

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

describe('the check character catches every single wrong character and every neighbour swap', () => {
  const references = fc.tuple(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{4}$/), fc.integer({ min: 0, max: 32 ** 5 })).map(([code, seq]) => formatReference(code, seq));

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
