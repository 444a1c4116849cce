import { describe, expect, it } from 'vitest';
import { createRng } from '../../../src/core/random.js';
import { BinomialSampler, randomBinomial, uniform53 } from '../../../src/core/simulate/binomial.js';
import { UsageError } from '../../../src/errors.js';

/** Binomial pmf by the ratio recurrence from the mode, normalised: independent of the sampler's code. */
function binomialPmf(n: number, p: number): Float64Array {
  const pmf = new Float64Array(n + 1);
  if (p === 0 || p === 1) {
    pmf[p === 0 ? 0 : n] = 1;
    return pmf;
  }
  const mode = Math.min(n, Math.floor((n + 1) * p));
  pmf[mode] = 1;
  for (let k = mode; k < n; k++) pmf[k + 1] = (pmf[k]! * (n - k) * p) / ((k + 1) * (1 - p));
  for (let k = mode; k > 0; k--) pmf[k - 1] = (pmf[k]! * k * (1 - p)) / ((n - k + 1) * p);
  const total = pmf.reduce((a, b) => a + b, 0);
  return pmf.map((v) => v / total);
}

/** Upper 0.1% point of chi-square with k degrees of freedom (Wilson & Hilferty 1931; z = 3.0902). */
function chiSquareCritical(k: number): number {
  const a = 2 / (9 * k);
  return k * (1 - a + 3.0902 * Math.sqrt(a)) ** 3;
}

/**
 * Pearson chi-square of draws against a pmf, cells merged from the tails inward until each expects
 * at least 5 draws.
 */
function chiSquare(draws: ArrayLike<number>, pmf: Float64Array): { statistic: number; df: number } {
  const m = draws.length;
  const counts = new Float64Array(pmf.length);
  for (let i = 0; i < m; i++) counts[draws[i]!]!++;
  const cells: { observed: number; expected: number }[] = [];
  let observed = 0;
  let expected = 0;
  for (let k = 0; k < pmf.length; k++) {
    observed += counts[k]!;
    expected += pmf[k]! * m;
    if (expected >= 5) {
      cells.push({ observed, expected });
      observed = 0;
      expected = 0;
    }
  }
  cells[cells.length - 1]!.observed += observed;
  cells[cells.length - 1]!.expected += expected;
  const statistic = cells.reduce((s, c) => s + (c.observed - c.expected) ** 2 / c.expected, 0);
  return { statistic, df: cells.length - 1 };
}

function drawMany(n: number, p: number, count: number, seed: number): Int32Array {
  const sampler = new BinomialSampler(n, p);
  const rng = createRng(seed);
  const out = new Int32Array(count);
  for (let i = 0; i < count; i++) out[i] = sampler.draw(rng);
  return out;
}

describe('binomialPmf (test reference)', () => {
  // scipy.stats.binom.pmf(50, 100, 0.5) = C(100, 50) / 2^100 = 0.07958923738717877.
  it('matches scipy for Binomial(100, 0.5) at 50', () => {
    expect(Math.abs(binomialPmf(100, 0.5)[50]! - 0.07958923738717877)).toBeLessThan(1e-15);
  });
});

describe('BinomialSampler', () => {
  // Each case exercises one path: inversion (n·r ≤ 30), BTPE (n·r > 30, including step 5.1 near the
  // mode and steps 5.2–5.3 far from it), and the reflection for p > 1/2.
  const cases: [string, number, number][] = [
    ['inversion, n·p = 6', 20, 0.3],
    ['inversion, rare successes', 164, 0.02],
    ['inversion reflected, p = 0.97', 100, 0.97],
    ['BTPE, n·p = 49.2 (HumanEval-sized)', 164, 0.3],
    ['BTPE, n·p = 500', 1000, 0.5],
    ['BTPE reflected, p = 0.8', 5000, 0.8],
    ['BTPE, n = 10^5, p = 0.03', 100_000, 0.03],
  ];

  // 2·10^5 draws per case: the sample mean within 5 standard errors of n·p, the sample variance
  // within 5 standard errors of n·p·q (SE of a variance ≈ σ²·sqrt(2/m) for near-normal draws), and
  // Pearson's chi-square below its 0.1% critical value. The seed is fixed, so the test is
  // deterministic; the power check below shows it can fail.
  it.each(cases)('%s: mean, variance and chi-square against the pmf', (_, n, p) => {
    const m = 200_000;
    const draws = drawMany(n, p, m, 12345);
    let sum = 0;
    for (const d of draws) sum += d;
    const mean = sum / m;
    let squares = 0;
    for (const d of draws) squares += (d - mean) ** 2;
    const variance = squares / (m - 1);
    const sigma2 = n * p * (1 - p);
    expect(Math.abs(mean - n * p)).toBeLessThan(5 * Math.sqrt(sigma2 / m));
    expect(Math.abs(variance - sigma2)).toBeLessThan(5 * sigma2 * Math.sqrt(2 / m) + 1e-9);
    const { statistic, df } = chiSquare(draws, binomialPmf(n, p));
    expect(df).toBeGreaterThanOrEqual(5);
    expect(statistic).toBeLessThan(chiSquareCritical(df));
  });

  it('has the power to reject a wrong distribution: Binomial(1000, 0.5) draws against the pmf of p = 0.505', () => {
    const draws = drawMany(1000, 0.5, 200_000, 12345);
    const { statistic, df } = chiSquare(draws, binomialPmf(1000, 0.505));
    expect(statistic).toBeGreaterThan(10 * chiSquareCritical(df));
  });

  it('stays in [0, n] and returns integers', () => {
    for (const [n, p] of [[3, 0.5], [164, 0.99], [1000, 0.2]] as const) {
      const draws = Array.from(drawMany(n, p, 20_000, 7));
      expect(draws.every(Number.isInteger)).toBe(true);
      expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
      expect(Math.max(...draws)).toBeLessThanOrEqual(n);
    }
  });

  it('is exact at the edges: p = 0, p = 1, n = 0', () => {
    const rng = createRng(1);
    expect(new BinomialSampler(50, 0).draw(rng)).toBe(0);
    expect(new BinomialSampler(50, 1).draw(rng)).toBe(50);
    expect(new BinomialSampler(0, 0.4).draw(rng)).toBe(0);
  });

  it('is reproducible from the seed', () => {
    expect(Array.from(drawMany(164, 0.3, 50, 42))).toEqual(Array.from(drawMany(164, 0.3, 50, 42)));
    expect(Array.from(drawMany(164, 0.3, 50, 42))).not.toEqual(Array.from(drawMany(164, 0.3, 50, 43)));
    expect(randomBinomial(createRng(20220615), 1000, 0.5)).toBe(randomBinomial(createRng(20220615), 1000, 0.5));
  });

  it('rejects invalid n and p', () => {
    expect(() => new BinomialSampler(-1, 0.5)).toThrow(UsageError);
    expect(() => new BinomialSampler(2.5, 0.5)).toThrow(UsageError);
    expect(() => new BinomialSampler(2e9, 0.5)).toThrow(UsageError);
    expect(() => new BinomialSampler(10, 1.5)).toThrow(UsageError);
    expect(() => new BinomialSampler(10, Number.NaN)).toThrow(UsageError);
  });
});

describe('uniform53', () => {
  it('is on [0, 1) with 53-bit resolution: its low bits vary', () => {
    const rng = createRng(9);
    let lowBitsSeen = 0;
    for (let i = 0; i < 1000; i++) {
      const u = uniform53(rng);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      if ((u * 2 ** 53) % 2 === 1) lowBitsSeen++;
    }
    expect(lowBitsSeen).toBeGreaterThan(400);
  });
});
