/**
 * P-5.2, the trend rule (trend-rule.ts): the exact one-sided Poisson test of a week against the 8
 * weeks before, at p < 0.01, with at least 5 complaints. Property tests over seeded stationary
 * Poisson noise (a seeded PRNG, so every run draws the same weeks): the false-alarm rate stays
 * below the stated level at every weekly rate; a planted spike is flagged.
 */
import { describe, expect, it } from 'vitest';
import { binomialUpperTail, judgeWeek, TREND_RULE } from './trend-rule';

/** mulberry32: a small seeded PRNG, uniform in [0, 1). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Poisson draw (Knuth's multiplication method; fine for the rates here). */
function poisson(random: () => number, rate: number): number {
  const limit = Math.exp(-rate);
  let count = -1;
  let product = 1;
  do {
    count += 1;
    product *= random();
  } while (product > limit);
  return count;
}

const weeksOf = (random: () => number, rate: number, weeks: number) => Array.from({ length: weeks }, () => poisson(random, rate));

describe('the binomial tail behind the exact test', () => {
  it('matches values worked by hand', () => {
    expect(binomialUpperTail(0, 10, 1 / 9)).toBe(1);
    expect(binomialUpperTail(5, 5, 1 / 9)).toBeCloseTo((1 / 9) ** 5, 15);
    expect(binomialUpperTail(6, 5, 1 / 9)).toBe(0);
    // P(K ≥ 1) = 1 − (8/9)^n
    expect(binomialUpperTail(1, 20, 1 / 9)).toBeCloseTo(1 - (8 / 9) ** 20, 12);
  });

  it('agrees with one minus the lower sum for moderate counts', () => {
    const n = 60;
    const p = 1 / 9;
    let choose = 1;
    let lower = 0;
    for (let i = 0; i < 12; i += 1) {
      lower += choose * p ** i * (1 - p) ** (n - i);
      choose = (choose * (n - i)) / (i + 1);
    }
    expect(binomialUpperTail(12, n, p)).toBeCloseTo(1 - lower, 10);
  });

  it('refuses counts and probabilities that are not', () => {
    expect(() => binomialUpperTail(-1, 3, 0.5)).toThrow(RangeError);
    expect(() => binomialUpperTail(1.5, 3, 0.5)).toThrow(RangeError);
    expect(() => binomialUpperTail(1, 3, 1)).toThrow(RangeError);
    expect(() => judgeWeek(5, [1, 2, 3])).toThrow(RangeError);
  });
});

describe('P-5.2 no alert on ordinary noise', () => {
  const SEEDS = 10;
  const WEEKS_PER_SEED = 2_000;
  for (const rate of [0.5, 2, 5, 12, 30]) {
    it(`stationary Poisson weeks at ${rate} a week: false alarms under ${TREND_RULE.alpha * 100}% over ${SEEDS * WEEKS_PER_SEED} seeded weeks`, () => {
      let alarms = 0;
      for (let seed = 1; seed <= SEEDS; seed += 1) {
        const random = seeded(seed * 7919 + Math.round(rate * 100));
        for (let week = 0; week < WEEKS_PER_SEED; week += 1) {
          const baseline = weeksOf(random, rate, TREND_RULE.baselineWeeks);
          if (judgeWeek(poisson(random, rate), baseline).spike) alarms += 1;
        }
      }
      expect(alarms / (SEEDS * WEEKS_PER_SEED)).toBeLessThan(TREND_RULE.alpha);
    });
  }
});

describe('P-5.2 an alert on a planted spike', () => {
  it('flags a week at four times the usual rate (5 a week, then about 20) in nearly every seeded series', () => {
    let flagged = 0;
    for (let seed = 1; seed <= 500; seed += 1) {
      const random = seeded(seed);
      if (judgeWeek(poisson(random, 20), weeksOf(random, 5, TREND_RULE.baselineWeeks)).spike) flagged += 1;
    }
    expect(flagged / 500).toBeGreaterThan(0.95);
  });

  it('flags a series that was quiet and now has 5 in a week, with p below the level', () => {
    const verdict = judgeWeek(5, [0, 0, 0, 0, 0, 0, 0, 0]);
    expect(verdict).toMatchObject({ spike: true, count: 5, baselineMean: 0 });
    expect(verdict.pValue).toBeLessThan(TREND_RULE.alpha);
  });

  it('never flags fewer than the minimum count, however quiet it was before', () => {
    expect(judgeWeek(4, [0, 0, 0, 0, 0, 0, 0, 0])).toMatchObject({ spike: false, count: 4 });
  });

  it('does not flag a usual week, nor a week at the top of the usual range', () => {
    expect(judgeWeek(6, [5, 6, 4, 7, 5, 6, 5, 6]).spike).toBe(false);
    expect(judgeWeek(10, [5, 6, 4, 7, 5, 6, 5, 6]).spike).toBe(false);
    expect(judgeWeek(16, [5, 6, 4, 7, 5, 6, 5, 6]).spike).toBe(true);
  });
});
