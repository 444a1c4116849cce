import { describe, expect, it } from 'vitest';
import { bic, fitLine, rSquared } from '../../../src/core/curve-fit/line.js';

describe('fitLine', () => {
  it('recovers an exact line', () => {
    const fit = fitLine([18, 19.5, 21, 24], [0.1, 0.25, 0.4, 0.7]);
    expect(fit.slope).toBeCloseTo(0.1, 14);
    expect(fit.intercept).toBeCloseTo(-1.7, 13);
    expect(fit.rss).toBeCloseTo(0, 25);
  });

  // Hand computation: x̄ = 2, ȳ = 2, Sxx = 2, Sxy = 3 → slope 1.5, intercept −1; residuals
  // 0.5, −1, 0.5 → RSS 1.5.
  it('matches the normal equations on a small example', () => {
    const fit = fitLine([1, 2, 3], [1, 1, 4]);
    expect(fit.slope).toBeCloseTo(1.5, 14);
    expect(fit.intercept).toBeCloseTo(-1, 14);
    expect(fit.rss).toBeCloseTo(1.5, 14);
  });

  it('rejects fewer than two points or no spread in x', () => {
    expect(() => fitLine([1], [1])).toThrow(RangeError);
    expect(() => fitLine([2, 2, 2], [1, 2, 3])).toThrow(RangeError);
  });
});

describe('rSquared', () => {
  it('is 1 − RSS/TSS', () => {
    // TSS of [1, 2, 3, 4] is 5.
    expect(rSquared([1, 2, 3, 4], 0.5)).toBeCloseTo(0.9, 14);
    expect(rSquared([1, 2, 3, 4], 5)).toBe(0);
    expect(rSquared([1, 2, 3, 4], 10)).toBe(-1);
  });

  it('is finite for constant data', () => {
    expect(rSquared([0.3, 0.3], 0)).toBe(1);
    expect(rSquared([0.3, 0.3], 0.1)).toBe(0);
  });
});

describe('bic', () => {
  it('is n·ln(RSS/n) + p·ln n', () => {
    expect(bic(0.5, 20, 2)).toBeCloseTo(20 * Math.log(0.025) + 2 * Math.log(20), 12);
  });

  // Identity: for the same RSS, each extra parameter costs ln n.
  it('charges ln n per parameter and stays finite for an exact fit', () => {
    expect(bic(0.3, 50, 4) - bic(0.3, 50, 3)).toBeCloseTo(Math.log(50), 12);
    expect(Number.isFinite(bic(0, 10, 2))).toBe(true);
  });
});
