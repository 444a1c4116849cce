import { describe, expect, it } from 'vitest';
import { EXACT_MATCH_LOGIT_SPAN_LIMIT, exactMatchCrossing, exactMatchLogitSpan, exactMatchWidthDecades } from '../../../src/core/simulate/exact-match.js';
import { firstCrossing } from '../../../src/core/simulate/summary.js';
import { logGrid } from '../../../src/core/simulate/grid.js';

const logit = (p: number): number => Math.log(p / (1 - p));

describe('exactMatchLogitSpan: S(L), the logit span of the 10→90% rise of p^L', () => {
  // Identities by construction: S(1) is the logistic's own span ln(0.9/0.1) − ln(0.1/0.9) = ln 81;
  // S(L) = logit(0.9^(1/L)) − logit(0.1^(1/L)) by definition (double precision: 1e-12).
  it('is ln 81 at L = 1 and logit(0.9^(1/L)) − logit(0.1^(1/L)) for every L', () => {
    expect(exactMatchLogitSpan(1)).toBeCloseTo(Math.log(81), 14);
    for (const L of [2, 5, 10, 20, 100]) expect(Math.abs(exactMatchLogitSpan(L) - (logit(0.9 ** (1 / L)) - logit(0.1 ** (1 / L))))).toBeLessThan(1e-12);
  });

  // The limit as L → ∞ is ln(ln 10 / ln(10/9)) = 3.0844; the error falls as ln(9)/(2L) (expanding
  // S in u = 1/L: 1.0986e-6 at L = 1e6).
  it('tends to ln(ln 10 / ln(10/9)) = 3.0844 for long answers', () => {
    expect(EXACT_MATCH_LOGIT_SPAN_LIMIT).toBeCloseTo(3.0844, 4);
    expect(Math.abs(exactMatchLogitSpan(1e6) - EXACT_MATCH_LOGIT_SPAN_LIMIT - Math.log(9) / 2e6)).toBeLessThan(1e-9);
    expect(exactMatchLogitSpan(1e6)).toBeGreaterThan(EXACT_MATCH_LOGIT_SPAN_LIMIT);
  });

  // dS/du > ln 9 / 2 (the proof in exact-match.ts) with u = 1/L: S falls strictly with L, and each
  // step from L to L + 1 is at least (ln 9 / 2)·(1/L − 1/(L + 1)).
  it('falls strictly as L grows, at least as fast as the proof bounds', () => {
    for (let L = 1; L < 1000; L++) {
      const drop = exactMatchLogitSpan(L) - exactMatchLogitSpan(L + 1);
      expect(drop).toBeGreaterThan((Math.log(9) / 2) * (1 / L - 1 / (L + 1)) - 1e-15);
    }
  });

  it('rejects lengths below 1', () => {
    expect(() => exactMatchLogitSpan(0.5)).toThrow(RangeError);
    expect(() => exactMatchLogitSpan(Number.NaN)).toThrow(RangeError);
  });
});

describe('exactMatchWidthDecades and exactMatchCrossing', () => {
  // Recover the widths from generated data: p^L of a logistic sampled on a fine grid, crossings found
  // by the summary's own interpolation (1000 points a decade: 1e-5 decades).
  it('match the crossings of p^L computed on a grid', () => {
    const x = logGrid(1e6, 1e16, 10001);
    const w = 0.7;
    const m = 3e10;
    const p = Array.from(x, (v) => 1 / (1 + 10 ** (-(Math.log10(v) - Math.log10(m)) / w)));
    for (const L of [1, 3, 20]) {
      const y = p.map((v) => v ** L);
      const at = (level: number): number => firstCrossing(x, y, level) as number;
      expect(Math.abs(Math.log10(at(0.9) / at(0.1)) - exactMatchWidthDecades(L, w))).toBeLessThan(1e-5);
      for (const level of [0.1, 0.5, 0.9]) expect(Math.abs(Math.log10(at(level) / exactMatchCrossing(m, w, L, level)))).toBeLessThan(1e-5);
    }
  });

  it('gives the logistic its own width at L = 1: 2·log10(9)·w', () => {
    expect(exactMatchWidthDecades(1, 0.5)).toBeCloseTo(Math.log10(9), 14);
    expect(exactMatchCrossing(1e10, 1, 1, 0.5)).toBe(1e10);
  });
});
